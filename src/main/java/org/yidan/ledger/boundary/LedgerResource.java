package org.yidan.ledger.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.yidan.ledger.entity.LedgerFilter;
import org.yidan.ledger.entity.LedgerRow;
import org.yidan.ledger.entity.LedgerTotals;
import org.yidan.platform.control.CountyClock;
import org.yidan.platform.control.JsonFactories;
import org.yidan.platform.control.RefusedException;
import org.yidan.security.boundary.Permissions;
import org.yidan.security.entity.Permission;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * {@code GET /api/v1/ledger}: the journal's entries, newest last, as a JSON page ({@code page} from 0, {@code size}
 * at most 1000) or, with {@code Accept: text/csv} or the XLSX media type, every entry of the filter streamed.
 */
@ApplicationScoped
@Path("ledger")
public class LedgerResource {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    Ledger ledger;

    @Inject
    LedgerExports exports;

    @Inject
    Permissions permissions;

    @GET
    @Produces({MediaType.APPLICATION_JSON, "text/csv", XLSX})
    public Response list(@QueryParam("county") String county, @QueryParam("from") String from,
                         @QueryParam("to") String to, @QueryParam("fund") String fund,
                         @QueryParam("hospital") String hospital, @QueryParam("township") String township,
                         @QueryParam("category") String category, @QueryParam("visitType") String visitType,
                         @QueryParam("page") String page, @QueryParam("size") String size,
                         @Context HttpHeaders headers) {
        permissions.require(Permission.READ_FUND_LEDGER);
        LedgerFilter requested = new LedgerFilter(county, from, to,
                fund == null || fund.isBlank() ? List.of() : List.of(fund.trim()), hospital, township, category,
                visitType == null || visitType.isBlank() ? List.of() : List.of(visitType.trim()));
        LedgerFilter filter = ledger.scoped(requested);
        LedgerExports.Format format = format(headers.getAcceptableMediaTypes());
        if (format != null) {
            boolean fullIds = ledger.mayReadFullIdNumbers();
            StreamingOutput body = out -> exports.write(filter, fullIds, format, out);
            String name = "ledger" + (filter.county() == null ? "" : "-" + filter.county().trim())
                    + (format == LedgerExports.Format.CSV ? ".csv" : ".xlsx");
            return Response.ok(body, format == LedgerExports.Format.CSV ? "text/csv; charset=UTF-8" : XLSX)
                    .header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
        }
        int pageNumber = number("page", page, 0);
        int pageSize = number("size", size, 100);
        if (pageNumber < 0) {
            throw RefusedException.unprocessable("FIELD_INVALID", "page", "page counts from 0.");
        }
        if (pageSize < 1 || pageSize > Ledger.MAX_PAGE_SIZE) {
            throw RefusedException.unprocessable("FIELD_INVALID", "size", "size is from 1 to 1000.");
        }
        List<LedgerRow> rows = ledger.page(filter, pageNumber * pageSize, pageSize);
        LedgerTotals totals = ledger.totals(filter);
        JsonArrayBuilder entries = JsonFactories.array();
        rows.forEach(row -> entries.add(toJson(row)));
        JsonObject json = JsonFactories.object().add("entries", entries).add("page", pageNumber)
                .add("size", pageSize).add("total", totals.entries()).add("totals", toJson(totals)).build();
        return Response.ok(json, MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** CSV or XLSX when the client asks for it before JSON; null for JSON. */
    static LedgerExports.Format format(List<MediaType> acceptable) {
        for (MediaType type : acceptable) {
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !type.isWildcardType()) {
                return null;
            }
            if ("text".equals(type.getType()) && "csv".equals(type.getSubtype())) {
                return LedgerExports.Format.CSV;
            }
            if ("application".equals(type.getType()) && XLSX.endsWith(type.getSubtype())
                    && type.getSubtype().startsWith("vnd.openxmlformats")) {
                return LedgerExports.Format.XLSX;
            }
        }
        return null;
    }

    private static int number(String field, String text, int fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw RefusedException.unprocessable("FIELD_INVALID", field, field + " must be a whole number.");
        }
    }

    static JsonObject toJson(LedgerRow row) {
        JsonObjectBuilder funds = JsonFactories.object();
        row.funds().forEach((fund, amount) -> funds.add(fund, money(amount)));
        JsonArrayBuilder categories = JsonFactories.array();
        if (row.categories() != null && !row.categories().isBlank()) {
            for (String category : row.categories().split(",")) {
                categories.add(category);
            }
        }
        JsonObjectBuilder json = JsonFactories.object().add("id", row.id()).add("receiptNo", row.receiptNo())
                .add("entryType", row.entryType());
        if (row.reversalOf() == null) {
            json.addNull("reversalOf");
        } else {
            json.add("reversalOf", row.reversalOf());
        }
        json.add("feeMonth", row.feeMonth())
                .add("bookedAt", row.bookedAt().atZoneSameInstant(CountyClock.ZONE).toOffsetDateTime().toString())
                .add("idNumber", row.idNumber()).add("name", row.name());
        nullable(json, "township", row.township());
        json.add("categories", categories).add("hospitalCode", row.hospitalCode());
        nullable(json, "hospitalName", row.hospitalName());
        json.add("hospitalLevel", row.hospitalLevel()).add("visitType", row.visitType())
                .add("admissionDate", row.admissionDate().toString())
                .add("dischargeDate", row.dischargeDate().toString())
                .add("totalAmount", money(row.totalAmount())).add("policyScopeAmount", money(row.policyScopeAmount()))
                .add("specialDrugAmount", money(row.specialDrugAmount())).add("funds", funds)
                .add("fundTotal", money(row.fundTotal())).add("selfPay", money(row.selfPay()));
        return json.build();
    }

    static JsonObject toJson(LedgerTotals totals) {
        JsonObjectBuilder funds = JsonFactories.object();
        totals.funds().forEach((fund, amount) -> funds.add(fund, money(amount)));
        return JsonFactories.object().add("entries", totals.entries()).add("totalAmount", money(totals.totalAmount()))
                .add("policyScopeAmount", money(totals.policyScopeAmount())).add("funds", funds)
                .add("fundTotal", money(totals.fundTotal())).add("selfPay", money(totals.selfPay())).build();
    }

    private static void nullable(JsonObjectBuilder json, String name, String value) {
        if (value == null) {
            json.addNull(name);
        } else {
            json.add(name, value);
        }
    }

    static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }
}
