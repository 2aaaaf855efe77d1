package org.yidan.settlement.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
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
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.yidan.platform.control.JsonBodies;
import org.yidan.platform.control.RefusedException;
import org.yidan.security.entity.Role;
import org.yidan.security.boundary.AuditTrail;
import org.yidan.security.boundary.Callers;
import org.yidan.security.entity.AuditEvent;
import org.yidan.settlement.control.SettlementJson;
import org.yidan.settlement.control.SettlementRequest;
import org.yidan.settlement.control.SettlementRequestJson;
import org.yidan.settlement.control.SettlementView;

/** {@code /api/v1/settlements}: preview, settle, read, reverse (api.md "Settlements"). Only delegates. */
@ApplicationScoped
@Path("settlements")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SettlementResource {

    @Inject
    SettlementService settlements;

    @Inject
    AuditTrail audit;

    @Inject
    Callers callers;

    @Context
    SecurityContext security;

    @POST
    @Path("preview")
    public JsonObject preview(String text) {
        callers.requireAnyRole(security, Role.CLERK_NAME, Role.ADMIN_NAME);
        SettlementRequest request = SettlementRequestJson.parse(JsonBodies.object(text));
        return SettlementJson.toJson(settlements.preview(request), callers.mayReadFullIdNumbers(security));
    }

    @POST
    public Response settle(@HeaderParam("Idempotency-Key") String idempotencyKey, String text,
                           @Context UriInfo uri) {
        callers.requireAnyRole(security, Role.CLERK_NAME, Role.ADMIN_NAME);
        JsonObject body = JsonBodies.object(text);
        if (idempotencyKey == null || idempotencyKey.isEmpty() || idempotencyKey.length() > 255) {
            throw RefusedException.unprocessable("IDEMPOTENCY_KEY_REQUIRED", "Idempotency-Key",
                    "The header Idempotency-Key (1 to 255 characters) is required to settle");
        }
        String username = callers.username(security);
        SettlementService.Outcome outcome;
        try {
            outcome = settlements.settle(idempotencyKey, SettlementRequestJson.parse(body), username);
        } catch (RefusedException refused) {
            audit.recordIndependently(username, "SETTLE", idNumberOf(body), AuditEvent.Outcome.REFUSED,
                    refused.code() + ": " + refused.getMessage());
            throw refused;
        }
        JsonObject json = SettlementJson.toJson(outcome.settlement(), callers.mayReadFullIdNumbers(security));
        if (outcome.replayed()) {
            return Response.ok(json).header("Idempotent-Replayed", "true").build();
        }
        return Response.created(uri.getAbsolutePathBuilder().path(outcome.settlement().receiptNo()).build())
                .entity(json).build();
    }

    @GET
    @Path("{receiptNo}")
    public JsonObject get(@PathParam("receiptNo") String receiptNo) {
        SettlementView view = settlements.find(receiptNo);
        return SettlementJson.toJson(callers.restrictToOwnFund(security, view), callers.mayReadFullIdNumbers(security));
    }

    @POST
    @Path("{receiptNo}/reversal")
    public JsonObject reverse(@PathParam("receiptNo") String receiptNo, String text) {
        callers.requireAnyRole(security, Role.AUDITOR_NAME, Role.ADMIN_NAME);
        JsonObject body = JsonBodies.object(text);
        String reason = null;
        if (body != null && body.get("reason") instanceof JsonString reasonText) {
            reason = reasonText.getString();
        }
        String username = callers.username(security);
        try {
            return SettlementJson.toJson(settlements.reverse(receiptNo, reason, username),
                    callers.mayReadFullIdNumbers(security));
        } catch (RefusedException refused) {
            audit.recordIndependently(username, "REVERSE", receiptNo, AuditEvent.Outcome.REFUSED,
                    refused.code() + ": " + refused.getMessage());
            throw refused;
        }
    }

    private static String idNumberOf(JsonObject body) {
        if (body != null && body.get("idNumber") instanceof JsonString text && text.getString().length() >= 6) {
            return text.getString().substring(0, 6) + "…";
        }
        return body == null || body.get("idNumber") == JsonValue.NULL ? "-" : "?";
    }
}
