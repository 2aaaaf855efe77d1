package org.yidan.disclosure.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
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
import org.yidan.disclosure.control.DisclosureJson;
import org.yidan.disclosure.control.DisclosureList;
import org.yidan.platform.control.JsonBodies;
import org.yidan.platform.control.RefusedException;
import org.yidan.security.boundary.Permissions;
import org.yidan.security.entity.Permission;

import java.util.List;

/** {@code /api/v1/disclosures}: draft, read, publish, withdraw (api.md "Disclosure"). Only delegates. */
@ApplicationScoped
@Path("disclosures")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DisclosureResource {

    @Inject
    Disclosures disclosures;

    @Inject
    Permissions permissions;

    @POST
    public Response draft(String text, @Context UriInfo uri) {
        permissions.require(Permission.MANAGE_DISCLOSURES);
        JsonObject body = JsonBodies.object(text);
        DisclosureList list = disclosures.draft(string(body, "county"), string(body, "month"),
                string(body, "township"));
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(list.id())).build())
                .entity(DisclosureJson.toJson(list, true)).build();
    }

    @GET
    public jakarta.json.JsonArray list() {
        permissions.require(Permission.MANAGE_DISCLOSURES);
        var array = jakarta.json.Json.createArrayBuilder();
        disclosures.all().forEach(list -> array.add(DisclosureJson.toJson(list, false)));
        return array.build();
    }

    @GET
    @Path("{id}")
    public JsonObject get(@PathParam("id") String id) {
        permissions.require(Permission.MANAGE_DISCLOSURES);
        return DisclosureJson.toJson(disclosures.find(id(id)), true);
    }

    @POST
    @Path("{id}/publication")
    public JsonObject publish(@PathParam("id") String id, String text) {
        permissions.require(Permission.MANAGE_DISCLOSURES);
        JsonObject body = JsonBodies.object(text);
        return DisclosureJson.toJson(disclosures.publish(id(id), string(body, "from"), string(body, "to"),
                string(body, "contact")), true);
    }

    @POST
    @Path("{id}/withdrawal")
    public JsonObject withdraw(@PathParam("id") String id, String text) {
        permissions.require(Permission.MANAGE_DISCLOSURES);
        JsonObject body = JsonBodies.object(text);
        return DisclosureJson.toJson(disclosures.withdraw(id(id), string(body, "reason")), true);
    }

    private static long id(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException notANumber) {
            throw RefusedException.notFound("DISCLOSURE_NOT_FOUND", "There is no disclosure list " + text + ".");
        }
    }

    private static String string(JsonObject body, String field) {
        JsonValue value = body.get(field);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonString text) {
            return text.getString();
        }
        throw new RefusedException(422, "INVALID_FIELD", "'" + field + "' must be a string.",
                List.of(new RefusedException.FieldError(field, "must be a string")));
    }
}
