package org.yidan.beneficiaries.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
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
import org.yidan.beneficiaries.control.CoverageJson;
import org.yidan.beneficiaries.control.CoverageParser;
import org.yidan.beneficiaries.control.IdNumbers;
import org.yidan.beneficiaries.control.ListExport;
import org.yidan.beneficiaries.entity.CoverageFollowUp;
import org.yidan.beneficiaries.entity.CoverageStatus;
import org.yidan.platform.control.CountyClock;
import org.yidan.platform.control.JsonBodies;
import org.yidan.platform.control.JsonFactories;
import org.yidan.platform.control.RefusedException;
import org.yidan.security.boundary.AuditTrail;
import org.yidan.security.boundary.Permissions;
import org.yidan.security.entity.Permission;
import org.yidan.security.entity.AuditAction;
import org.yidan.security.entity.AuditEvent;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * {@code /api/v1/coverage} (api.md, back-office additions): the import of the enrolment system's export, the
 * coverage list, one person's coverage with its follow-up, the follow-up's transitions and the coverage rates.
 * Only delegates.
 */
@ApplicationScoped
@Path("coverage")
@Produces(MediaType.APPLICATION_JSON)
public class CoverageResource {

    /** The error list of an import answer is cut here; {@code invalidRows} still counts them all. */
    public static final int MAX_REPORTED_ERRORS = 1000;

    @Inject
    CoverageService coverage;

    @Inject
    AuditTrail audit;

    @Inject
    Permissions permissions;

    @Context
    SecurityContext security;

    /** The export as the request body (CSV in UTF-8 or GBK, or XLSX); {@code ?fileName=} names it in the audit. */
    @POST
    @Path("import")
    @Consumes(MediaType.WILDCARD)
    public JsonObject importFile(byte[] content, @QueryParam("fileName") String fileName) {
        permissions.require(Permission.MAINTAIN_REGISTRY);
        String username = permissions.username();
        String name = fileName == null || fileName.isBlank() ? "coverage" : fileName.strip();
        CoverageParser.Result parsed;
        try {
            parsed = CoverageParser.parse(content);
        } catch (RefusedException refused) {
            audit.recordIndependently(username, AuditAction.COVERAGE_IMPORT, name, AuditEvent.Outcome.REFUSED,
                    refused.code() + ": " + refused.getMessage());
            throw refused;
        }
        CoverageService.ImportOutcome outcome = coverage.importRows(parsed.valid(), name, parsed.invalidRows(),
                username);
        List<CoverageParser.RowError> errors = new ArrayList<>(parsed.errors());
        errors.addAll(outcome.unknownPersons());
        errors.sort(Comparator.comparingInt(CoverageParser.RowError::line));
        JsonArrayBuilder list = JsonFactories.array();
        errors.stream().limit(MAX_REPORTED_ERRORS).forEach(error -> list.add(JsonFactories.object()
                .add("line", error.line()).add("column", error.column()).add("reason", error.reason())));
        return JsonFactories.object()
                .add("rows", parsed.rows())
                .add("stored", parsed.valid().size() - outcome.unknownPersons().size())
                .add("created", outcome.created())
                .add("updated", outcome.updated())
                .add("unchanged", outcome.unchanged())
                .add("invalidRows", parsed.invalidRows() + outcome.unknownPersons().size())
                .add("errors", list)
                .add("errorsTruncated", errors.size() > MAX_REPORTED_ERRORS)
                .build();
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, "text/csv", ListExport.XLSX})
    public Response list(@QueryParam("county") String county, @QueryParam("year") String year,
                         @QueryParam("insured") String insured, @Context HttpHeaders headers) {
        permissions.require(Permission.READ_REGISTRY_DUTIES);
        Boolean only = insured == null || insured.isBlank() ? null : switch (insured.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw RefusedException.unprocessable("FIELD_INVALID", "insured", "insured must be true or false.");
        };
        int parsedYear = year(year);
        boolean mask = !permissions.mayReadFullIdNumbers();
        List<CoverageService.ListRow> rows = coverage.list(county(county), parsedYear, only);
        MediaType wanted = wanted(headers);
        if (wanted != null) {
            List<List<Object>> cells = new ArrayList<>();
            for (CoverageService.ListRow row : rows) {
                var record = row.record();
                cells.add(java.util.Arrays.asList(mask ? IdNumbers.mask(row.idNumber()) : row.idNumber(), row.name(),
                        row.township(), row.insured() ? "是" : "否", row.status() == null ? null
                                : row.status().displayName(), record.since(), record.scheme(),
                        record.subsidyCategory(), record.subsidyAmount()));
            }
            List<String> header = List.of("身份证号", "姓名", "乡镇", "是否参保", "跟进状态", "参保日期", "险种", "补贴类别",
                    "补贴金额");
            return file(wanted, "coverage-" + county.strip() + "-" + parsedYear, header, cells);
        }
        JsonArrayBuilder list = JsonFactories.array();
        for (CoverageService.ListRow row : rows) {
            JsonObjectBuilder json = JsonFactories.object()
                    .add("idNumber", mask ? IdNumbers.mask(row.idNumber()) : row.idNumber())
                    .add("name", row.name());
            nullable(json, "township", row.township());
            json.add("insured", row.insured());
            nullable(json, "status", row.status() == null ? null : row.status().name());
            list.add(json);
        }
        return Response.ok(list.build(), MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** CSV or XLSX when the client asks for one of them before JSON; null for JSON. */
    static MediaType wanted(HttpHeaders headers) {
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !type.isWildcardType()) {
                return null;
            }
            if (!type.isWildcardType() && type.getType().equals("text") && type.getSubtype().equals("csv")) {
                return type;
            }
            if (!type.isWildcardType() && ListExport.XLSX.equals(type.getType() + "/" + type.getSubtype())) {
                return type;
            }
        }
        return null;
    }

    static Response file(MediaType wanted, String baseName, List<String> header, List<List<Object>> cells) {
        boolean csv = wanted.getSubtype().equals("csv");
        byte[] body = csv ? ListExport.csv(header, cells) : ListExport.xlsx(baseName, header, cells);
        return Response.ok(body, csv ? "text/csv; charset=UTF-8" : ListExport.XLSX)
                .header("Content-Disposition", "attachment; filename=\"" + baseName + (csv ? ".csv" : ".xlsx") + "\"")
                .build();
    }

    /** One person's coverage in one year with the follow-up's history. */
    @GET
    @Path("{idNumber}/{year}")
    public JsonObject get(@PathParam("idNumber") String idNumber, @PathParam("year") String year) {
        permissions.require(Permission.READ_REGISTRY_DUTIES);
        return detail(coverage.get(IdNumbers.normalise(idNumber), year(year)));
    }

    @POST
    @Path("{idNumber}/{year}/transition")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject transition(@PathParam("idNumber") String idNumber, @PathParam("year") String year,
                                 String text) {
        permissions.require(Permission.MAINTAIN_REGISTRY);
        String username = permissions.username();
        try {
            JsonObject body = JsonBodies.object(text);
            String statusText = ChronicApplicationResource.string(body, "status");
            CoverageStatus next;
            try {
                next = CoverageStatus.valueOf(statusText == null ? "" : statusText.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                throw RefusedException.unprocessable("UNKNOWN_VALUE", "status",
                        "status must be CONTACTED, ENROLLED or EXITED.");
            }
            return detail(coverage.transition(IdNumbers.normalise(idNumber), year(year), next,
                    ChronicApplicationResource.string(body, "note"), username));
        } catch (RefusedException refused) {
            audit.recordIndependently(username, AuditAction.COVERAGE_FOLLOW_UP, IdNumbers.isValid(idNumber)
                            ? IdNumbers.mask(idNumber) + "/" + year : "invalid", AuditEvent.Outcome.REFUSED,
                    refused.code() + ": " + refused.getMessage());
            throw refused;
        }
    }

    /** The coverage rate of a county's year by township and by category. */
    @GET
    @Path("rates")
    public JsonObject rates(@QueryParam("county") String county, @QueryParam("year") String year) {
        permissions.require(Permission.READ_REGISTRY_DUTIES);
        String place = county(county);
        int parsed = year(year);
        return JsonFactories.object()
                .add("county", place)
                .add("year", parsed)
                .add("byTownship", rates(coverage.ratesByTownship(place, parsed)))
                .add("byCategory", rates(coverage.ratesByCategory(place, parsed)))
                .build();
    }

    private static JsonArrayBuilder rates(List<CoverageService.Rate> rates) {
        JsonArrayBuilder list = JsonFactories.array();
        for (CoverageService.Rate rate : rates) {
            JsonObjectBuilder json = JsonFactories.object();
            nullable(json, "group", rate.group());
            json.add("persons", rate.persons()).add("insured", rate.insured()).add("uninsured", rate.uninsured())
                    .add("notRecorded", rate.notRecorded()).add("exited", rate.exited());
            if (rate.rate() == null) {
                json.addNull("rate");
            } else {
                json.add("rate", rate.rate());
            }
            list.add(json);
        }
        return list;
    }

    private JsonObject detail(CoverageService.Detail detail) {
        boolean mask = !permissions.mayReadFullIdNumbers();
        JsonObjectBuilder json = CoverageJson.write(detail.record(),
                mask ? IdNumbers.mask(detail.record().idNumber()) : detail.record().idNumber());
        json.add("name", detail.name());
        nullable(json, "status", detail.status() == null ? null : detail.status().name());
        JsonArrayBuilder history = JsonFactories.array();
        for (CoverageFollowUp step : detail.history()) {
            JsonObjectBuilder entry = JsonFactories.object();
            nullable(entry, "from", step.getFromStatus() == null ? null : step.getFromStatus().name());
            entry.add("to", step.getToStatus().name()).add("note", step.getNote()).add("by", step.getActedBy())
                    .add("at", step.getActedAt().atZoneSameInstant(CountyClock.ZONE).toOffsetDateTime().toString());
            history.add(entry);
        }
        return json.add("followUp", history).build();
    }

    static String county(String county) {
        if (county == null || !county.strip().matches("\\d{6}")) {
            throw RefusedException.unprocessable("FIELD_INVALID", "county", "county must be a 6-digit county code.");
        }
        return county.strip();
    }

    static int year(String year) {
        if (year == null || year.isBlank()) {
            return CountyClock.today().getYear();
        }
        try {
            return Integer.parseInt(year.strip());
        } catch (NumberFormatException notAYear) {
            throw RefusedException.unprocessable("FIELD_INVALID", "year", "year must be a number such as 2020");
        }
    }

    private static void nullable(JsonObjectBuilder json, String name, String value) {
        if (value == null) {
            json.add(name, JsonValue.NULL);
        } else {
            json.add(name, value);
        }
    }
}
