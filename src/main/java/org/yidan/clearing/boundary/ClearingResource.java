package org.yidan.clearing.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
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
import org.yidan.clearing.entity.Statement;
import org.yidan.clearing.entity.StatementView;
import org.yidan.ledger.control.BodyFields;
import org.yidan.platform.control.CountyClock;
import org.yidan.platform.control.JsonBodies;
import org.yidan.platform.control.JsonFactories;
import org.yidan.platform.control.RefusedException;
import org.yidan.security.boundary.Permissions;
import org.yidan.security.entity.Permission;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;

/**
 * {@code /api/v1/clearing}: statements (generate, list, read, confirm, pay, PDF and XLSX), prepayments and
 * assessments (api.md "Additions for the back office"). Only delegates.
 */
@ApplicationScoped
@Path("clearing")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ClearingResource {

    @Inject
    ClearingService clearing;

    @Inject
    StatementDocuments documents;

    @Inject
    Permissions permissions;

    @POST
    @Path("statements")
    public Response generate(String text) {
        requireOfficerOrAdmin();
        JsonObject body = JsonBodies.object(text);
        List<StatementView> generated = clearing.generate(BodyFields.string(body, "county"),
                BodyFields.string(body, "fund"), BodyFields.string(body, "period"),
                BodyFields.string(body, "hospitalCode"));
        JsonArrayBuilder list = JsonFactories.array();
        generated.forEach(view -> list.add(toJson(view)));
        return Response.status(201).entity(list.build()).build();
    }

    @GET
    @Path("statements")
    public Response list(@QueryParam("county") String county, @QueryParam("fund") String fund,
                         @QueryParam("period") String period, @QueryParam("hospital") String hospital,
                         @QueryParam("status") String status) {
        requireReader();
        Statement.Status wanted = null;
        if (status != null && !status.isBlank()) {
            try {
                wanted = Statement.Status.valueOf(status.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                throw RefusedException.unprocessable("UNKNOWN_VALUE", "status",
                        "status is one of " + List.of(Statement.Status.values()) + ".");
            }
        }
        JsonArrayBuilder list = JsonFactories.array();
        clearing.list(new ClearingService.Filter(county, fund, period, hospital, wanted))
                .forEach(view -> list.add(toJson(view)));
        return Response.ok(list.build()).build();
    }

    @GET
    @Path("statements/{id}")
    @Produces({MediaType.APPLICATION_JSON, "application/pdf", StatementDocuments.XLSX})
    public Response get(@PathParam("id") String id, @Context jakarta.ws.rs.core.HttpHeaders headers) {
        requireReader();
        StatementView view = clearing.find(id(id));
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isWildcardType() || type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                break;
            }
            if ("pdf".equals(type.getSubtype())) {
                return pdf(view);
            }
            if (StatementDocuments.XLSX.endsWith(type.getSubtype()) && !type.isWildcardSubtype()) {
                return xlsx(view);
            }
        }
        return Response.ok(toJson(view), MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("statements/{id}/statement.pdf")
    @Produces("application/pdf")
    public Response getPdf(@PathParam("id") String id) {
        requireReader();
        return pdf(clearing.find(id(id)));
    }

    @GET
    @Path("statements/{id}/statement.xlsx")
    @Produces(StatementDocuments.XLSX)
    public Response getXlsx(@PathParam("id") String id) {
        requireReader();
        return xlsx(clearing.find(id(id)));
    }

    @POST
    @Path("statements/{id}/confirmation")
    public JsonObject confirm(@PathParam("id") String id) {
        requireOfficerOrAdmin();
        return toJson(clearing.confirm(id(id)));
    }

    @POST
    @Path("statements/{id}/payment")
    public JsonObject pay(@PathParam("id") String id, String text) {
        requireOfficerOrAdmin();
        JsonObject body = JsonBodies.object(text);
        return toJson(clearing.pay(id(id), BodyFields.date(body, "paidOn"), BodyFields.string(body, "reference"),
                BodyFields.amount(body, "amount")));
    }

    @POST
    @Path("prepayments")
    public Response prepay(String text) {
        requireOfficerOrAdmin();
        JsonObject body = JsonBodies.object(text);
        ClearingService.Prepayment p = clearing.prepay(BodyFields.string(body, "county"),
                BodyFields.string(body, "fund"), BodyFields.string(body, "hospitalCode"),
                BodyFields.amount(body, "amount"), BodyFields.date(body, "paidOn"),
                BodyFields.string(body, "reference"));
        return Response.status(201).entity(JsonFactories.object().add("id", p.id()).add("county", p.county())
                .add("fund", p.fund()).add("hospitalCode", p.hospitalCode()).add("amount", money(p.amount()))
                .add("paidOn", p.paidOn().toString()).add("reference", p.reference())
                .add("outstanding", money(p.outstanding())).build()).build();
    }

    @POST
    @Path("assessments")
    public Response assess(String text) {
        requireOfficerOrAdmin();
        JsonObject body = JsonBodies.object(text);
        ClearingService.Assessment a = clearing.assess(BodyFields.string(body, "county"),
                BodyFields.string(body, "fund"), BodyFields.string(body, "hospitalCode"),
                BodyFields.integer(body, "year"), BodyFields.number(body, "score"));
        return Response.status(201).entity(JsonFactories.object().add("id", a.id()).add("county", a.county())
                .add("fund", a.fund()).add("hospitalCode", a.hospitalCode()).add("year", a.year())
                .add("score", a.score()).add("held", money(a.held())).add("released", money(a.released()))
                .build()).build();
    }

    private Response pdf(StatementView view) {
        return Response.ok(documents.pdf(view), "application/pdf")
                .header("Content-Disposition", "inline; filename=\"statement-" + view.id() + ".pdf\"").build();
    }

    private Response xlsx(StatementView view) {
        return Response.ok(documents.xlsx(view), StatementDocuments.XLSX)
                .header("Content-Disposition", "attachment; filename=\"statement-" + view.id() + ".xlsx\"").build();
    }

    private void requireOfficerOrAdmin() {
        permissions.require(Permission.CLEAR_STATEMENTS);
    }

    private void requireReader() {
        permissions.require(Permission.READ_FUND_LEDGER);
    }

    private static long id(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw RefusedException.notFound("STATEMENT_NOT_FOUND", "No statement with id " + text);
        }
    }

    static JsonObject toJson(StatementView v) {
        JsonArrayBuilder lines = JsonFactories.array();
        for (StatementView.Line line : v.lines()) {
            JsonObjectBuilder json = JsonFactories.object().add("receiptNo", line.receiptNo())
                    .add("entryType", line.entryType()).add("feeMonth", line.feeMonth())
                    .add("amount", money(line.amount())).add("name", line.personName())
                    .add("idNumber", line.idNumber()).add("dischargeDate", line.dischargeDate().toString());
            lines.add(json);
        }
        JsonObjectBuilder json = JsonFactories.object().add("id", v.id()).add("county", v.county())
                .add("fund", v.fund()).add("hospitalCode", v.hospitalCode());
        if (v.hospitalName() == null) {
            json.addNull("hospitalName");
        } else {
            json.add("hospitalName", v.hospitalName());
        }
        json.add("period", v.period()).add("status", v.status().name()).add("lineCount", v.lineCount())
                .add("lines", lines).add("total", money(v.total()))
                .add("prepaymentApplied", money(v.prepaymentApplied())).add("heldBack", money(v.heldBack()))
                .add("payable", money(v.payable()))
                .add("generatedAt", v.generatedAt().atZoneSameInstant(CountyClock.ZONE).toOffsetDateTime().toString());
        if (v.confirmedAt() != null) {
            json.add("confirmedAt", v.confirmedAt().atZoneSameInstant(CountyClock.ZONE).toOffsetDateTime().toString())
                    .add("confirmedBy", v.confirmedBy());
        }
        if (v.paidOn() != null) {
            json.add("paidOn", v.paidOn().toString()).add("reference", v.paidReference())
                    .add("paidAmount", money(v.paidAmount()));
        }
        return json.build();
    }

    private static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }
}
