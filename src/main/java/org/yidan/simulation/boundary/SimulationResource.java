package org.yidan.simulation.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.yidan.platform.control.JsonBodies;
import org.yidan.platform.control.JsonFactories;
import org.yidan.platform.control.RefusedException;
import org.yidan.security.boundary.Permissions;
import org.yidan.security.entity.Permission;
import org.yidan.simulation.control.SimulationWorkbook;
import org.yidan.simulation.entity.Simulation;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code /api/v1/simulations}: policy what-if (api.md "What-if"). Only delegates. */
@ApplicationScoped
@Path("simulations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SimulationResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    SimulationService simulations;

    @Inject
    SimulationRunner runner;

    @Inject
    Permissions permissions;

    /** 202 with the new simulation's id; it runs in the background. */
    @POST
    public Response start(String text, @Context UriInfo uri) {
        allow();
        JsonObject body = JsonBodies.object(text);
        Map<String, String> overrides = new LinkedHashMap<>();
        JsonValue given = body.get("overrides");
        if (given != null && given != JsonValue.NULL) {
            if (given.getValueType() != JsonValue.ValueType.OBJECT) {
                throw RefusedException.unprocessable("FIELD_INVALID", "overrides",
                        "overrides must be an object of parameter keys and values");
            }
            given.asJsonObject().forEach((key, value) -> overrides.put(key, switch (value.getValueType()) {
                case STRING -> ((JsonString) value).getString();
                case NUMBER -> ((JsonNumber) value).bigDecimalValue().toPlainString();
                case NULL -> "";
                default -> throw RefusedException.unprocessable("FIELD_INVALID", "overrides." + key,
                        "A parameter's value is a string or a number");
            }));
        }
        Integer year = null;
        if (body.get("year") instanceof JsonNumber number && number.isIntegral()) {
            year = number.intValue();
        } else if (body.get("year") instanceof JsonString string && string.getString().matches("\\d{4}")) {
            year = Integer.valueOf(string.getString());
        }
        SimulationService.Started started = simulations.create(body.getString("county", null), year,
                date(body, "from"), date(body, "to"), overrides, permissions.username());
        Simulation simulation = started.simulation();
        runner.submit(simulation.getId(), simulation.getCounty(), simulation.getPeriodFrom(),
                simulation.getPeriodTo(), started.baseline(), started.draft(), started.targets());
        return Response.accepted(JsonFactories.object().add("id", simulation.getId())
                        .add("status", simulation.getStatus().name()).build())
                .location(uri.getAbsolutePathBuilder().path(String.valueOf(simulation.getId())).build()).build();
    }

    @GET
    public JsonValue list() {
        allow();
        JsonArrayBuilder list = JsonFactories.array();
        simulations.latest(100).forEach(simulation -> list.add(head(simulation)));
        return list.build();
    }

    @GET
    @Path("{id}")
    public JsonObject get(@PathParam("id") long id) {
        allow();
        Simulation simulation = simulations.find(id);
        JsonObjectBuilder json = head(simulation);
        json.add("overrides", read(simulation.getOverridesJson()));
        if (simulation.getBills() != null) {
            json.add("bills", simulation.getBills());
        }
        if (simulation.getFailure() != null) {
            json.add("failure", simulation.getFailure());
        }
        if (simulation.getResultJson() != null) {
            read(simulation.getResultJson()).forEach(json::add);
        } else {
            json.addNull("baseline").addNull("draft").addNull("difference");
        }
        return json.build();
    }

    @GET
    @Path("{id}")
    @Produces(XLSX + ";qs=0.5")
    public Response workbook(@PathParam("id") long id) {
        allow();
        Simulation simulation = simulations.find(id);
        if (simulation.getResultJson() == null) {
            throw RefusedException.conflict("SIMULATION_NOT_DONE", "Simulation " + id + " has no result yet: "
                    + simulation.getStatus());
        }
        return Response.ok(SimulationWorkbook.of(read(simulation.getResultJson())), XLSX)
                .header("Content-Disposition", "attachment; filename=\"simulation-" + id + ".xlsx\"").build();
    }

    @GET
    @Path("{id}/result.xlsx")
    @Produces(XLSX)
    public Response workbookFile(@PathParam("id") long id) {
        return workbook(id);
    }

    /** The whole draft as a properties file for the next year, ready to deploy. */
    @GET
    @Path("{id}/draft.properties")
    @Produces("text/plain;charset=UTF-8")
    public Response draftProperties(@PathParam("id") long id) {
        allow();
        Simulation simulation = simulations.find(id);
        return Response.ok(simulation.getDraftProperties().getBytes(StandardCharsets.UTF_8),
                        "text/plain;charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"yidan-policy-" + simulation.getCounty() + "-"
                        + (simulation.getPolicyYear() + 1) + "-draft-" + id + ".properties\"").build();
    }

    @POST
    @Path("{id}/cancellation")
    public JsonObject cancel(@PathParam("id") long id) {
        allow();
        return head(simulations.cancel(id, permissions.username())).build();
    }

    private void allow() {
        permissions.require(Permission.SIMULATE);
    }

    private static JsonObjectBuilder head(Simulation simulation) {
        return JsonFactories.object().add("id", simulation.getId()).add("county", simulation.getCounty())
                .add("year", simulation.getPolicyYear()).add("from", simulation.getPeriodFrom().toString())
                .add("to", simulation.getPeriodTo().toString()).add("status", simulation.getStatus().name())
                .add("progress", simulation.getProgress()).add("createdBy", simulation.getCreatedBy())
                .add("createdAt", simulation.getCreatedAt().toString());
    }

    private static JsonObject read(String json) {
        try (var reader = JsonFactories.READERS.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    private static LocalDate date(JsonObject body, String field) {
        JsonValue value = body.get(field);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        try {
            return LocalDate.parse(((JsonString) value).getString());
        } catch (ClassCastException | DateTimeParseException invalid) {
            throw RefusedException.unprocessable("DATE_INVALID", field, field + " must be a date YYYY-MM-DD");
        }
    }
}
