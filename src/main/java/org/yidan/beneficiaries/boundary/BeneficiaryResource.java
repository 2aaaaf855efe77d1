package org.yidan.beneficiaries.boundary;

import org.yidan.platform.control.JsonFactories;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.yidan.beneficiaries.control.BeneficiaryJson;
import org.yidan.beneficiaries.control.IdNumbers;
import org.yidan.beneficiaries.control.RosterParseResult;
import org.yidan.beneficiaries.entity.BeneficiaryRecord;
import org.yidan.platform.boundary.BodyLimit;
import org.yidan.platform.control.JsonBodies;
import org.yidan.security.boundary.Permissions;
import org.yidan.security.boundary.Refusals;
import org.yidan.security.entity.AuditAction;
import org.yidan.security.entity.Permission;
import org.yidan.security.entity.Role;


/** {@code /api/v1/beneficiaries} (api.md "Beneficiaries"). Only delegates; one instance serves every request. */
@ApplicationScoped
@Path("beneficiaries")
@Produces(MediaType.APPLICATION_JSON)
public class BeneficiaryResource {

    /** The largest roster file the REST import reads: 32 MiB. */
    public static final long ROSTER_LIMIT = 32L * 1024 * 1024;

    @Inject
    BeneficiaryService registry;

    @Inject
    Permissions permissions;

    @Inject
    Refusals refusals;

    @PUT
    @Path("{idNumber}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.REGISTRAR_NAME, Role.ADMIN_NAME})
    public Response put(@PathParam("idNumber") String idNumber, String text) {
        permissions.require(Permission.MAINTAIN_REGISTRY);
        JsonObject body = JsonBodies.object(text);
        String username = permissions.username();
        BeneficiaryRecord record = refusals.audited(AuditAction.BENEFICIARY_PUT, IdNumbers.auditTarget(idNumber),
                () -> BeneficiaryJson.read(IdNumbers.normalise(idNumber), body));
        boolean created = refusals.audited(AuditAction.BENEFICIARY_PUT, IdNumbers.auditTarget(idNumber),
                () -> registry.put(record, username));
        JsonObject json = BeneficiaryJson.write(registry.read(record.idNumber()));
        return Response.status(created ? Response.Status.CREATED : Response.Status.OK).entity(json).build();
    }

    @GET
    @Path("{idNumber}")
    public JsonObject get(@PathParam("idNumber") String idNumber) {
        return BeneficiaryJson.write(registry.read(IdNumbers.normalise(idNumber)));
    }

    /**
     * A roster file (CSV in UTF-8 or GBK, or XLSX) as the request body; {@code ?fileName=} names it in
     * the audit trail. Valid persons are stored, each invalid row is reported with line, column and reason
     * (the first {@link RosterParseResult#REPORTED_ERRORS}; {@code errorCount} counts them all).
     * At most {@link #ROSTER_LIMIT} bytes (a county's 35,000 persons are about 3 MB as CSV). Only the roster
     * types are accepted: a cross-site HTML form can send {@code text/plain}, url-encoded and multipart
     * bodies only, so no form can import a roster with a signed-in registrar's cookie.
     */
    @POST
    @Path("import")
    @Consumes({"text/csv", "application/csv", "application/octet-stream", "application/vnd.ms-excel",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    @RolesAllowed({Role.REGISTRAR_NAME, Role.ADMIN_NAME})
    @BodyLimit(BeneficiaryResource.ROSTER_LIMIT)
    public JsonObject importRoster(byte[] content, @QueryParam("fileName") String fileName) {
        permissions.require(Permission.MAINTAIN_REGISTRY);
        BeneficiaryService.ImportResult result = registry.importRoster(content, fileName, permissions.username());
        JsonArrayBuilder errors = JsonFactories.array();
        result.errors().forEach(error -> errors.add(JsonFactories.object()
                .add("line", error.line())
                .add("column", error.column() == null ? "" : error.column())
                .add("reason", error.reason())));
        return JsonFactories.object()
                .add("persons", result.persons())
                .add("created", result.created())
                .add("updated", result.updated())
                .add("unchanged", result.unchanged())
                .add("invalidRows", result.invalidRows())
                .add("errors", errors)
                .add("errorCount", result.errorCount())
                .build();
    }
}
