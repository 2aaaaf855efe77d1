package org.yidan.beneficiaries.boundary;

import org.yidan.platform.control.JsonFactories;
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
import org.yidan.platform.control.JsonBodies;
import org.yidan.security.boundary.Permissions;
import org.yidan.security.boundary.Refusals;
import org.yidan.security.entity.AuditAction;
import org.yidan.security.entity.Permission;


/** {@code /api/v1/beneficiaries} (api.md "Beneficiaries"). Only delegates; one instance serves every request. */
@ApplicationScoped
@Path("beneficiaries")
@Produces(MediaType.APPLICATION_JSON)
public class BeneficiaryResource {

    @Inject
    BeneficiaryService registry;

    @Inject
    Permissions permissions;

    @Inject
    Refusals refusals;

    @PUT
    @Path("{idNumber}")
    @Consumes(MediaType.APPLICATION_JSON)
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
     */
    @POST
    @Path("import")
    @Consumes(MediaType.WILDCARD)
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
