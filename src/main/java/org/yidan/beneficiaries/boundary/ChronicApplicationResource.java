package org.yidan.beneficiaries.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.yidan.beneficiaries.control.ChronicApplicationJson;
import org.yidan.beneficiaries.control.IdNumbers;
import org.yidan.beneficiaries.control.ListExport;
import org.yidan.beneficiaries.entity.ChronicApplication.Status;
import org.yidan.platform.control.CountyClock;
import org.yidan.platform.control.JsonBodies;
import org.yidan.platform.control.JsonFactories;
import org.yidan.platform.control.RefusedException;
import org.yidan.security.boundary.AuditTrail;
import org.yidan.security.boundary.Permissions;
import org.yidan.security.entity.Permission;
import org.yidan.security.entity.AuditAction;
import org.yidan.security.entity.AuditEvent;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code /api/v1/chronic-applications} (api.md, back-office additions): the county's applications by status, the
 * quarter's work list ({@code ?due=true}) and the decision. Only delegates.
 */
@ApplicationScoped
@Path("chronic-applications")
@Produces(MediaType.APPLICATION_JSON)
public class ChronicApplicationResource {

    @Inject
    ChronicApplicationService applications;

    @Inject
    AuditTrail audit;

    @Inject
    Permissions permissions;

    @Context
    SecurityContext security;

    @GET
    @Produces({MediaType.APPLICATION_JSON, "text/csv", ListExport.XLSX})
    public Response list(@QueryParam("county") String county, @QueryParam("status") String status,
                         @QueryParam("due") boolean due, @Context HttpHeaders headers) {
        permissions.require(Permission.READ_REGISTRY_DUTIES);
        String place = CoverageResource.county(county);
        List<ChronicApplicationService.View> found = due ? applications.due(place, CountyClock.today())
                : applications.list(place, status(status));
        boolean mask = !permissions.mayReadFullIdNumbers();
        MediaType wanted = CoverageResource.wanted(headers);
        if (wanted != null) {
            List<List<Object>> cells = new ArrayList<>();
            for (ChronicApplicationService.View view : found) {
                var a = view.application();
                cells.add(java.util.Arrays.asList(a.getId(), mask ? IdNumbers.mask(a.getIdNumber()) : a.getIdNumber(),
                        view.name(), a.getDisease(), a.getFiledOn(), a.getTrack().displayName(), a.getDueBy(),
                        a.getStatus().displayName(), a.getDecidedOn(), a.getReason(), a.getNote()));
            }
            return CoverageResource.file(wanted, "chronic-applications-" + place, List.of("编号", "身份证号", "姓名",
                    "病种", "申报日期", "办理方式", "应办结日期", "状态", "办结日期", "理由", "材料说明"), cells);
        }
        JsonArrayBuilder list = JsonFactories.array();
        found.forEach(view -> list.add(ChronicApplicationJson.write(view.application(), view.name(), mask)));
        return Response.ok(list.build(), MediaType.APPLICATION_JSON_TYPE).build();
    }

    @POST
    @Path("{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject decide(@PathParam("id") String id, String text) {
        permissions.require(Permission.MAINTAIN_REGISTRY);
        String username = permissions.username();
        try {
            long number;
            try {
                number = Long.parseLong(id);
            } catch (NumberFormatException notANumber) {
                throw RefusedException.notFound(ChronicApplicationService.APPLICATION_NOT_FOUND,
                        "No chronic-disease application " + id);
            }
            JsonObject body = JsonBodies.object(text);
            Boolean approved = body.containsKey("approved") && !body.isNull("approved")
                    ? switch (body.get("approved").getValueType()) {
                        case TRUE -> Boolean.TRUE;
                        case FALSE -> Boolean.FALSE;
                        default -> throw RefusedException.unprocessable("FIELD_INVALID", "approved",
                                "approved must be true or false.");
                    } : null;
            ChronicApplicationService.View view = applications.decide(number, approved,
                    date(body, "decidedOn"), string(body, "reason"), username);
            return ChronicApplicationJson.write(view.application(), view.name(),
                    !permissions.mayReadFullIdNumbers());
        } catch (RefusedException refused) {
            audit.recordIndependently(username, AuditAction.CHRONIC_DECIDE, "application " + id, AuditEvent.Outcome.REFUSED,
                    refused.code() + ": " + refused.getMessage());
            throw refused;
        }
    }

    static Status status(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Status.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw RefusedException.unprocessable("UNKNOWN_VALUE", "status", "status must be FILED, APPROVED or REFUSED.");
        }
    }

    static String string(JsonObject body, String name) {
        if (!body.containsKey(name) || body.isNull(name)) {
            return null;
        }
        if (body.get(name).getValueType() != jakarta.json.JsonValue.ValueType.STRING) {
            throw RefusedException.unprocessable("FIELD_INVALID", name, name + " must be a string.");
        }
        return body.getString(name);
    }

    static LocalDate date(JsonObject body, String name) {
        String text = string(body, name);
        if (text == null) {
            return null;
        }
        try {
            if (!text.matches("\\d{4}-\\d{2}-\\d{2}")) {
                throw new DateTimeParseException("not ISO", text, 0);
            }
            return LocalDate.parse(text);
        } catch (DateTimeParseException notADay) {
            throw RefusedException.unprocessable("FIELD_INVALID", name, name + " must be a day written YYYY-MM-DD.");
        }
    }
}
