package org.yidan.settlement.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import org.yidan.security.boundary.Refusals;
import org.yidan.security.entity.AuditAction;
import org.yidan.security.entity.Permission;
import org.yidan.security.entity.Role;
import org.yidan.settlement.control.SettlementJson;
import org.yidan.settlement.control.SettlementRequest;
import org.yidan.settlement.control.SettlementRequestJson;

/** {@code /api/v1/settlements}: preview, settle, read, reverse (api.md "Settlements"). Only delegates. */
@ApplicationScoped
@Path("settlements")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SettlementResource {

    @Inject
    SettlementService settlements;

    @Inject
    Permissions permissions;

    @Inject
    Refusals refusals;

    @POST
    @Path("preview")
    @RolesAllowed({Role.CLERK_NAME, Role.ADMIN_NAME})
    public JsonObject preview(String text) {
        permissions.require(Permission.SETTLE);
        SettlementRequest request = SettlementRequestJson.parse(JsonBodies.object(text));
        return SettlementJson.toJson(settlements.preview(request));
    }

    @POST
    @RolesAllowed({Role.CLERK_NAME, Role.ADMIN_NAME})
    public Response settle(@HeaderParam("Idempotency-Key") String idempotencyKey, String text,
                           @Context UriInfo uri) {
        permissions.require(Permission.SETTLE);
        JsonObject body = JsonBodies.object(text);
        if (idempotencyKey == null || idempotencyKey.isEmpty() || idempotencyKey.length() > 255) {
            throw RefusedException.unprocessable("IDEMPOTENCY_KEY_REQUIRED", "Idempotency-Key",
                    "The header Idempotency-Key (1 to 255 characters) is required to settle");
        }
        String username = permissions.username();
        SettlementService.Outcome outcome = refusals.audited(AuditAction.SETTLE, idNumberOf(body),
                () -> settlements.settle(idempotencyKey, SettlementRequestJson.parse(body), username));
        // a different key is a different settlement (api.md); the caller is still told the bill was settled before
        // (added on the builder: Json.createValue looks the JSON provider up with a ServiceLoader on every call)
        JsonObjectBuilder answer = JsonFactories.object(SettlementJson.toJson(outcome.settlement()));
        if (outcome.possibleDuplicateOf() == null) {
            answer.addNull("possibleDuplicateOf");
        } else {
            answer.add("possibleDuplicateOf", outcome.possibleDuplicateOf());
        }
        JsonObject json = answer.build();
        if (outcome.replayed()) {
            return Response.ok(json).header("Idempotent-Replayed", "true").build();
        }
        // a path, not a URL: an absolute one would be built from the Host header the client sent
        return Response.created(java.net.URI.create(uri.getBaseUri().getRawPath() + "settlements/"
                        + outcome.settlement().receiptNo()))
                .entity(json).build();
    }

    /** As the caller may see it: a fund officer only its own fund's line (the facade decides). */
    @GET
    @Path("{receiptNo}")
    public JsonObject get(@PathParam("receiptNo") String receiptNo) {
        java.util.Optional<String> onlyFund = permissions.onlyFund();
        if (onlyFund.isPresent()) {
            // a fund officer: its fund's line and what that line is booked by, nothing else of the settlement
            return SettlementJson.toFundOfficerJson(settlements.find(receiptNo), onlyFund.get());
        }
        return SettlementJson.toJson(settlements.find(receiptNo));
    }

    @POST
    @Path("{receiptNo}/reversal")
    @RolesAllowed({Role.AUDITOR_NAME, Role.ADMIN_NAME})
    public JsonObject reverse(@PathParam("receiptNo") String receiptNo, String text) {
        permissions.require(Permission.REVERSE);
        JsonObject body = JsonBodies.object(text);
        String reason = null;
        if (body != null && body.get("reason") instanceof JsonString reasonText) {
            reason = reasonText.getString();
        }
        String why = reason;
        return SettlementJson.toJson(refusals.audited(AuditAction.REVERSE, receiptNo,
                () -> settlements.reverse(receiptNo, why, permissions.username())));
    }

    private static String idNumberOf(JsonObject body) {
        if (body != null && body.get("idNumber") instanceof JsonString text && text.getString().length() >= 6) {
            return text.getString().substring(0, 6) + "…";
        }
        return body == null || body.get("idNumber") == JsonValue.NULL ? "-" : "?";
    }
}
