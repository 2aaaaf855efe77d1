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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.yidan.beneficiaries.control.BeneficiaryJson;
import org.yidan.beneficiaries.control.IdNumbers;
import org.yidan.beneficiaries.control.RosterParseResult;
import org.yidan.beneficiaries.control.RosterParser;
import org.yidan.beneficiaries.entity.BeneficiaryRecord;
import org.yidan.platform.control.JsonBodies;
import org.yidan.platform.control.RefusedException;
import org.yidan.security.entity.Role;
import org.yidan.security.boundary.AuditTrail;
import org.yidan.security.boundary.Callers;
import org.yidan.security.entity.AuditEvent;


/** {@code /api/v1/beneficiaries} (api.md "Beneficiaries"). Only delegates; one instance serves every request. */
@ApplicationScoped
@Path("beneficiaries")
@Produces(MediaType.APPLICATION_JSON)
public class BeneficiaryResource {

    @Inject
    BeneficiaryService registry;

    @Inject
    AuditTrail audit;

    @Inject
    Callers callers;

    @Context
    SecurityContext security;

    @PUT
    @Path("{idNumber}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response put(@PathParam("idNumber") String idNumber, String text) {
        callers.requireAnyRole(security, Role.REGISTRAR_NAME, Role.ADMIN_NAME);
        JsonObject body = JsonBodies.object(text);
        String username = callers.username(security);
        BeneficiaryRecord record;
        boolean created;
        try {
            record = BeneficiaryJson.read(IdNumbers.normalise(idNumber), body);
            created = registry.put(record, username);
        } catch (RefusedException refused) {
            audit.recordIndependently(username, "BENEFICIARY_PUT", IdNumbers.isValid(idNumber)
                    ? IdNumbers.mask(idNumber) : "invalid", AuditEvent.Outcome.REFUSED, refused.code());
            throw refused;
        }
        JsonObject json = BeneficiaryJson.write(registry.get(record.idNumber()),
                !callers.mayReadFullIdNumbers(security));
        return Response.status(created ? Response.Status.CREATED : Response.Status.OK).entity(json).build();
    }

    @GET
    @Path("{idNumber}")
    public JsonObject get(@PathParam("idNumber") String idNumber) {
        return BeneficiaryJson.write(registry.get(IdNumbers.normalise(idNumber)),
                !callers.mayReadFullIdNumbers(security));
    }

    /**
     * A roster file (CSV in UTF-8 or GBK, or XLSX) as the request body; {@code ?fileName=} names it in
     * the audit trail. Valid persons are stored, each invalid row is reported with line, column and reason.
     */
    @POST
    @Path("import")
    @Consumes(MediaType.WILDCARD)
    public JsonObject importRoster(byte[] content, @QueryParam("fileName") String fileName) {
        callers.requireAnyRole(security, Role.REGISTRAR_NAME, Role.ADMIN_NAME);
        String username = callers.username(security);
        String name = fileName == null || fileName.isBlank() ? "roster" : fileName;
        RosterParseResult parsed;
        try {
            parsed = RosterParser.parse(content == null ? new byte[0] : content);
        } catch (RefusedException refused) {
            audit.recordIndependently(username, "ROSTER_IMPORT", name, AuditEvent.Outcome.REFUSED, refused.getMessage());
            throw refused;
        }
        // a row may have several errors; count rows
        int invalidRows = (int) parsed.errors().stream().mapToInt(RosterParseResult.RowError::line).distinct().count();
        BeneficiaryService.ImportCounts counts = registry.importRoster(parsed.records(), name, invalidRows, username);
        JsonArrayBuilder errors = JsonFactories.array();
        parsed.errors().forEach(error -> errors.add(JsonFactories.object()
                .add("line", error.line())
                .add("column", error.column() == null ? "" : error.column())
                .add("reason", error.reason())));
        return JsonFactories.object()
                .add("persons", parsed.records().size())
                .add("created", counts.created())
                .add("updated", counts.updated())
                .add("unchanged", counts.unchanged())
                .add("invalidRows", invalidRows)
                .add("errors", errors)
                .build();
    }
}
