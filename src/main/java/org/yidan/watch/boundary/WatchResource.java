package org.yidan.watch.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.yidan.beneficiaries.control.IdNumbers;
import org.yidan.platform.control.JsonBodies;
import org.yidan.platform.control.JsonFactories;
import org.yidan.platform.control.RefusedException;
import org.yidan.security.boundary.Permissions;
import org.yidan.security.entity.Permission;
import org.yidan.watch.control.TableExport;
import org.yidan.watch.entity.RiskCase;
import org.yidan.watch.entity.RiskStep;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** {@code /api/v1/watch}: the return-to-poverty work list and the compliance findings (api.md "Watch"). */
@ApplicationScoped
@Path("watch")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WatchResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String CSV = "text/csv;charset=UTF-8";
    /** Exports only when asked for: a client that names no type (or any) gets JSON. */
    static final String CSV_EXPORT = "text/csv;charset=UTF-8;qs=0.5";
    static final String XLSX_EXPORT = XLSX + ";qs=0.5";
    static final List<String> RISK_HEADER = List.of("id", "idNumber", "name", "year", "selfPay", "threshold",
            "flaggedBy", "status");
    static final List<String> COMPLIANCE_HEADER = List.of("receiptNo", "rule", "reason", "hospitalCode",
            "dischargeDate");

    @Inject
    RiskCases risks;

    @Inject
    Compliance compliance;

    @Inject
    Permissions permissions;

    @GET
    @Path("risk")
    public JsonValue risk(@QueryParam("county") String county, @QueryParam("year") Integer year,
                          @QueryParam("status") String status) {
        allow();
        JsonArrayBuilder list = JsonFactories.array();
        for (List<Object> row : riskRows(county, year, status)) {
            JsonObjectBuilder item = JsonFactories.object();
            for (int i = 0; i < RISK_HEADER.size(); i++) {
                Object value = row.get(i);
                if (value instanceof BigDecimal amount) {
                    item.add(RISK_HEADER.get(i), amount.setScale(2, RoundingMode.HALF_UP));
                } else if (value instanceof Long number) {
                    item.add(RISK_HEADER.get(i), number);
                } else if (value instanceof Integer number) {
                    item.add(RISK_HEADER.get(i), number);
                } else {
                    item.add(RISK_HEADER.get(i), String.valueOf(value));
                }
            }
            list.add(item);
        }
        return list.build();
    }

    @GET
    @Path("risk")
    @Produces({CSV_EXPORT, XLSX_EXPORT})
    public Response riskExport(@QueryParam("county") String county, @QueryParam("year") Integer year,
                               @QueryParam("status") String status, @jakarta.ws.rs.HeaderParam("Accept") String accept) {
        allow();
        return export(accept, "risk", RISK_HEADER, riskRows(county, year, status));
    }

    @POST
    @Path("risk/{id}/transition")
    public JsonObject transition(@PathParam("id") long id, String text) {
        permissions.require(Permission.WATCH);
        JsonObject body = JsonBodies.object(text);
        RiskCase risk = risks.transition(id, string(body, "status"), string(body, "note"), permissions.username());
        JsonArrayBuilder steps = JsonFactories.array();
        for (RiskStep step : risk.getSteps()) {
            JsonObjectBuilder item = JsonFactories.object();
            if (step.getFromStatus() == null) {
                item.addNull("from");
            } else {
                item.add("from", step.getFromStatus().name());
            }
            steps.add(item.add("to", step.getToStatus().name()).add("note", step.getNote())
                    .add("by", step.getUsername()).add("at", step.getOccurredAt().toString()));
        }
        return JsonFactories.object().add("id", risk.getId())
                .add("idNumber", shown(risk.getIdNumber())).add("year", risk.getYear())
                .add("selfPay", risk.getSelfPay()).add("threshold", risk.getThreshold())
                .add("flaggedBy", risk.getFlaggedBy()).add("status", risk.getStatus().name())
                .add("steps", steps).build();
    }

    @GET
    @Path("compliance")
    public JsonValue compliance(@QueryParam("county") String county, @QueryParam("from") String from,
                                @QueryParam("to") String to, @QueryParam("rule") String rule) {
        allow();
        JsonArrayBuilder list = JsonFactories.array();
        for (Compliance.Row row : compliance.findings(county, date("from", from), date("to", to), rule)) {
            list.add(JsonFactories.object().add("receiptNo", row.receiptNo()).add("rule", row.rule())
                    .add("reason", row.reason()).add("hospitalCode", row.hospitalCode())
                    .add("dischargeDate", row.dischargeDate().toString()));
        }
        return list.build();
    }

    @GET
    @Path("compliance")
    @Produces({CSV_EXPORT, XLSX_EXPORT})
    public Response complianceExport(@QueryParam("county") String county, @QueryParam("from") String from,
                                     @QueryParam("to") String to, @QueryParam("rule") String rule,
                                     @jakarta.ws.rs.HeaderParam("Accept") String accept) {
        allow();
        List<List<Object>> rows = new ArrayList<>();
        for (Compliance.Row row : compliance.findings(county, date("from", from), date("to", to), rule)) {
            rows.add(List.of(row.receiptNo(), row.rule(), row.reason(), row.hospitalCode(), row.dischargeDate()));
        }
        return export(accept, "compliance", COMPLIANCE_HEADER, rows);
    }

    List<List<Object>> riskRows(String county, Integer year, String status) {
        List<List<Object>> rows = new ArrayList<>();
        for (RiskCases.Row row : risks.list(county, year, status)) {
            rows.add(List.of(row.id(), shown(row.idNumber()), row.name(), row.year(), row.selfPay(),
                    row.threshold(), row.flaggedBy(), row.status().name()));
        }
        return rows;
    }

    private Response export(String accept, String name, List<String> header, List<List<Object>> rows) {
        if (accept != null && accept.contains(XLSX)) {
            return Response.ok(TableExport.xlsx(name, header, rows), XLSX)
                    .header("Content-Disposition", "attachment; filename=\"" + name + ".xlsx\"").build();
        }
        return Response.ok(TableExport.csv(header, rows), CSV)
                .header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"").build();
    }

    private String shown(String idNumber) {
        return permissions.mayReadFullIdNumbers() ? idNumber : IdNumbers.mask(idNumber);
    }

    private void allow() {
        permissions.require(Permission.WATCH);
    }

    private static String string(JsonObject body, String field) {
        return body.get(field) instanceof JsonString text ? text.getString() : null;
    }

    private static LocalDate date(String field, String text) {
        if (text == null || text.isBlank()) {
            throw RefusedException.unprocessable("FIELD_REQUIRED", field, field + " is required (YYYY-MM-DD)");
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException invalid) {
            throw RefusedException.unprocessable("DATE_INVALID", field, field + " must be a date YYYY-MM-DD");
        }
    }
}
