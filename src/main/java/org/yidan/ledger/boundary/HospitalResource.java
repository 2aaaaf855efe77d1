package org.yidan.ledger.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.yidan.ledger.control.BodyFields;
import org.yidan.ledger.entity.HospitalRecord;
import org.yidan.platform.control.JsonBodies;
import org.yidan.platform.control.JsonFactories;
import org.yidan.security.boundary.Permissions;
import org.yidan.security.entity.Permission;

/** {@code /api/v1/hospitals}: the registry of designated hospitals (api.md "Additions for the back office"). */
@ApplicationScoped
@Path("hospitals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class HospitalResource {

    @Inject
    HospitalRegistry registry;

    @Inject
    Permissions permissions;

    @PUT
    @Path("{code}")
    public Response put(@PathParam("code") String code, String text) {
        permissions.require(Permission.MAINTAIN_HOSPITALS);
        JsonObject body = JsonBodies.object(text);
        Boolean inCounty = BodyFields.bool(body, "inCounty");
        HospitalRecord record = new HospitalRecord(code, BodyFields.string(body, "name"),
                BodyFields.string(body, "county"), BodyFields.string(body, "level"),
                inCounty != null && inCounty, BodyFields.string(body, "township"));
        boolean created = registry.put(record, inCounty, permissions.username());
        JsonObject json = toJson(registry.list(record.county()).stream()
                .filter(h -> h.code().equals(code)).findFirst().orElseThrow());
        return Response.status(created ? 201 : 200).entity(json).build();
    }

    /** A hospital list as CSV or XLSX: counts and a per-row error list; valid rows are stored. */
    @jakarta.ws.rs.POST
    @Path("import")
    @Consumes(MediaType.WILDCARD)
    public JsonObject importFile(byte[] content) {
        permissions.require(Permission.MAINTAIN_HOSPITALS);
        HospitalRegistry.ImportResult result = registry.importFile(content == null ? new byte[0] : content,
                permissions.username());
        JsonArrayBuilder errors = JsonFactories.array();
        result.errors().forEach(errors::add);
        return JsonFactories.object().add("stored", result.stored()).add("refused", result.errors().size())
                .add("errors", errors).build();
    }

    @GET
    public JsonArray list(@QueryParam("county") String county) {
        JsonArrayBuilder hospitals = JsonFactories.array();
        registry.list(county).forEach(h -> hospitals.add(toJson(h)));
        return hospitals.build();
    }

    static JsonObject toJson(HospitalRecord h) {
        JsonObjectBuilder json = JsonFactories.object().add("code", h.code()).add("name", h.name())
                .add("county", h.county()).add("level", h.level()).add("inCounty", h.inCounty());
        if (h.township() == null) {
            json.addNull("township");
        } else {
            json.add("township", h.township());
        }
        return json.build();
    }
}
