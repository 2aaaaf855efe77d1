package org.yidan.beneficiaries.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.yidan.beneficiaries.control.CoverageJson;
import org.yidan.beneficiaries.control.IdNumbers;
import org.yidan.beneficiaries.entity.CoverageRecord;
import org.yidan.platform.control.JsonBodies;
import org.yidan.platform.control.RefusedException;
import org.yidan.security.boundary.AuditTrail;
import org.yidan.security.boundary.Permissions;
import org.yidan.security.entity.Permission;
import org.yidan.security.entity.AuditAction;
import org.yidan.security.entity.AuditEvent;

/** {@code PUT /api/v1/beneficiaries/{idNumber}/coverage/{year}} (201 created, 200 replaced). Only delegates. */
@ApplicationScoped
@Path("beneficiaries/{idNumber}/coverage")
@Produces(MediaType.APPLICATION_JSON)
public class PersonCoverageResource {

    @Inject
    CoverageService coverage;

    @Inject
    CoverageResource coverageResource;

    @Inject
    AuditTrail audit;

    @Inject
    Permissions permissions;

    @Context
    SecurityContext security;

    @PUT
    @Path("{year}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response put(@PathParam("idNumber") String idNumber, @PathParam("year") String year, String text) {
        permissions.require(Permission.MAINTAIN_REGISTRY);
        String username = permissions.username();
        try {
            String id = IdNumbers.normalise(idNumber);
            int parsedYear;
            try {
                parsedYear = Integer.parseInt(year);
            } catch (NumberFormatException notAYear) {
                throw RefusedException.unprocessable("FIELD_INVALID", "year", "year must be a number such as 2020");
            }
            CoverageRecord record = CoverageJson.read(id, parsedYear, JsonBodies.object(text));
            boolean created = coverage.put(record, username);
            return Response.status(created ? Response.Status.CREATED : Response.Status.OK)
                    .entity(coverageResource.get(id, String.valueOf(parsedYear))).build();
        } catch (RefusedException refused) {
            audit.recordIndependently(username, AuditAction.COVERAGE_PUT, IdNumbers.isValid(idNumber)
                    ? IdNumbers.mask(idNumber) + "/" + year : "invalid", AuditEvent.Outcome.REFUSED,
                    refused.code() + ": " + refused.getMessage());
            throw refused;
        }
    }
}
