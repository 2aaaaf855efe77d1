package org.yidan.reports.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.yidan.platform.control.RefusedException;
import org.yidan.reports.control.ReportPdf;
import org.yidan.reports.control.ReportPeriod;
import org.yidan.reports.control.ReportXlsx;
import org.yidan.reports.control.Summary;
import org.yidan.reports.control.SummaryJson;
import org.yidan.reports.entity.ReportDocument;
import org.yidan.security.boundary.Permissions;
import org.yidan.security.entity.Permission;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * {@code /api/v1/reports}: the summary of api.md (JSON, XLSX or PDF by the Accept header) and the kept monthly
 * reports. Only delegates.
 */
@ApplicationScoped
@Path("reports")
public class ReportResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    Reports reports;

    @Inject
    Permissions permissions;

    @GET
    @Path("summary")
    @Produces({MediaType.APPLICATION_JSON, XLSX, "application/pdf"})
    public Response summary(@QueryParam("county") String county, @QueryParam("from") String from,
                            @QueryParam("to") String to, @Context HttpHeaders headers) {
        permissions.require(Permission.READ_REPORTS);
        if (county == null || county.isBlank()) {
            throw RefusedException.unprocessable("UNKNOWN_COUNTY", "county", "The county is required.");
        }
        Summary summary = reports.summary(county.strip(), ReportPeriod.dates(date("from", from), date("to", to)));
        List<MediaType> accepted = headers.getAcceptableMediaTypes();
        String name = "report-" + county.strip() + "-" + from + "-" + to;
        for (MediaType type : accepted) {
            if (type.isCompatible(MediaType.valueOf(XLSX)) && !type.isWildcardType()) {
                return download(ReportXlsx.render(summary), XLSX, name + ".xlsx");
            }
            if (type.isCompatible(MediaType.valueOf("application/pdf")) && !type.isWildcardType()) {
                return download(ReportPdf.render(summary), "application/pdf", name + ".pdf");
            }
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                break;
            }
        }
        return Response.ok(SummaryJson.toJson(summary), MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** The kept monthly report, exactly as generated: {@code monthly/370323/2020-05.pdf} or {@code .xlsx}. */
    @GET
    @Path("monthly/{county}/{month}.{format:pdf|xlsx}")
    public Response monthly(@PathParam("county") String county, @PathParam("month") String month,
                            @PathParam("format") String format) {
        permissions.require(Permission.READ_REPORTS);
        ReportDocument document = reports.monthly(county, month(month)).orElseThrow(() -> RefusedException.notFound(
                "REPORT_NOT_GENERATED", "The monthly report " + county + "/" + month + " has not been generated."));
        return "pdf".equals(format)
                ? download(document.getPdf(), "application/pdf", name(document) + ".pdf")
                : download(document.getXlsx(), XLSX, name(document) + ".xlsx");
    }

    /** Generates the month once more (a new revision; the earlier ones are kept); audited. */
    @POST
    @Path("monthly/{county}/{month}/regeneration")
    @Produces(MediaType.APPLICATION_JSON)
    public Response regenerate(@PathParam("county") String county, @PathParam("month") String month) {
        permissions.require(Permission.READ_REPORTS);
        ReportDocument document = reports.regenerate(county, month(month));
        return Response.status(201).entity(jakarta.json.Json.createObjectBuilder()
                .add("county", document.getCounty()).add("month", document.getPeriod())
                .add("revision", document.getRevision()).add("generatedAt", document.getGeneratedAt().toString())
                .add("generatedBy", document.getGeneratedBy()).build()).build();
    }

    static String name(ReportDocument document) {
        return "monthly-" + document.getCounty() + "-" + document.getPeriod() + "-r" + document.getRevision();
    }

    static Response download(byte[] bytes, String type, String filename) {
        return Response.ok(bytes, type).header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                .header("Cache-Control", "private, no-store").build();
    }

    private static YearMonth month(String text) {
        try {
            return YearMonth.parse(text);
        } catch (DateTimeException | NullPointerException bad) {
            throw RefusedException.unprocessable("INVALID_PERIOD", "month", "A month is YYYY-MM, not '" + text + "'.");
        }
    }

    private static LocalDate date(String field, String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeException | NullPointerException bad) {
            throw RefusedException.unprocessable("INVALID_PERIOD", field,
                    "'" + field + "' must be a date YYYY-MM-DD (discharge dates, inclusive), not '" + text + "'.");
        }
    }
}
