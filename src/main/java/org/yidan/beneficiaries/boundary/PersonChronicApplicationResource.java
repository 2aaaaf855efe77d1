package org.yidan.beneficiaries.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.yidan.beneficiaries.control.ChronicApplicationJson;
import org.yidan.beneficiaries.control.IdNumbers;
import org.yidan.platform.control.JsonBodies;
import org.yidan.platform.control.RefusedException;
import org.yidan.security.boundary.AuditTrail;
import org.yidan.security.boundary.Permissions;
import org.yidan.security.entity.Permission;
import org.yidan.security.entity.AuditAction;
import org.yidan.security.entity.AuditEvent;

/** {@code POST /api/v1/beneficiaries/{idNumber}/chronic-applications} (201, FILED). Only delegates. */
@ApplicationScoped
@Path("beneficiaries/{idNumber}/chronic-applications")
@Produces(MediaType.APPLICATION_JSON)
public class PersonChronicApplicationResource {

    @Inject
    ChronicApplicationService applications;

    @Inject
    AuditTrail audit;

    @Inject
    Permissions permissions;

    @Context
    SecurityContext security;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response file(@PathParam("idNumber") String idNumber, String text) {
        permissions.require(Permission.MAINTAIN_REGISTRY);
        String username = permissions.username();
        try {
            JsonObject body = JsonBodies.object(text);
            ChronicApplicationService.View view = applications.file(IdNumbers.normalise(idNumber),
                    ChronicApplicationResource.string(body, "disease"), ChronicApplicationResource.date(body, "filedOn"),
                    ChronicApplicationResource.string(body, "note"), username);
            return Response.status(Response.Status.CREATED).entity(ChronicApplicationJson.write(view.application(),
                    view.name(), !permissions.mayReadFullIdNumbers())).build();
        } catch (RefusedException refused) {
            audit.recordIndependently(username, AuditAction.CHRONIC_FILE, IdNumbers.isValid(idNumber) ? IdNumbers.mask(idNumber)
                    : "invalid", AuditEvent.Outcome.REFUSED, refused.code() + ": " + refused.getMessage());
            throw refused;
        }
    }
}
