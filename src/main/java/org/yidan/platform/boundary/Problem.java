package org.yidan.platform.boundary;

import org.yidan.platform.control.JsonFactories;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.yidan.platform.control.RefusedException;

import java.util.List;

/** RFC 9457 problem details with Yidan's stable machine {@code code} and field errors. */
public final class Problem {

    public static final MediaType PROBLEM_JSON = new MediaType("application", "problem+json");

    private Problem() {
    }

    public static Response response(int status, String code, String title, String detail,
                                    List<RefusedException.FieldError> errors) {
        return Response.status(status).type(PROBLEM_JSON)
                .entity(body(status, code, title, detail, errors).toString()).build();
    }

    /** Seconds a client waits before retrying after {@link #databaseUnavailable()}: a restart or failover takes about that. */
    public static final int RETRY_AFTER_SECONDS = 5;

    /**
     * 503 while the database is unreachable (restart, failover). A settlement is one transaction, so it
     * was stored whole or not at all, and a retry with the same {@code Idempotency-Key} settles exactly once.
     */
    public static Response databaseUnavailable() {
        return Response.fromResponse(response(503, "DATABASE_UNAVAILABLE", titleFor(503),
                        "The database is not reachable at the moment (restart or failover). Retry after "
                                + RETRY_AFTER_SECONDS + " s with the same Idempotency-Key: it settles exactly once.",
                        List.of()))
                .header("Retry-After", String.valueOf(RETRY_AFTER_SECONDS)).build();
    }

    public static Response of(RefusedException refused) {
        Response.ResponseBuilder response = Response.status(refused.status()).type(PROBLEM_JSON)
                .entity(body(refused.status(), refused.code(), titleFor(refused.status()), refused.getMessage(),
                        refused.errors(), refused.errorCount()).toString());
        if (refused.status() == 503) {
            // every 503 is temporary (an outage, a receipt number not drawn): tell the client when to retry
            response.header("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
        }
        if (refused.status() == 413) {
            // the rest of an oversized body is not worth reading: close instead of draining it for keep-alive
            response.header("Connection", "close");
        }
        return response.build();
    }

    static JsonObject body(int status, String code, String title, String detail,
                           List<RefusedException.FieldError> errors) {
        return body(status, code, title, detail, errors, errors.size());
    }

    /** With {@code errorCount} larger than the list, the problem says how many errors were left out. */
    static JsonObject body(int status, String code, String title, String detail,
                           List<RefusedException.FieldError> errors, int errorCount) {
        JsonArrayBuilder fieldErrors = JsonFactories.array();
        for (RefusedException.FieldError error : errors) {
            fieldErrors.add(JsonFactories.object()
                    .add("field", error.field() == null ? "" : error.field())
                    .add("message", error.message() == null ? "" : error.message()));
        }
        JsonObjectBuilder problem = JsonFactories.object()
                .add("type", "urn:yidan:problem:" + code.toLowerCase().replace('_', '-'))
                .add("title", title)
                .add("status", status)
                .add("detail", detail == null ? title : detail)
                .add("code", code)
                .add("errors", fieldErrors);
        if (errorCount > errors.size()) {
            problem.add("errorCount", errorCount);
        }
        return problem.build();
    }

    static String titleFor(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Authentication required";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 406 -> "Not acceptable";
            case 409 -> "Conflict";
            case 413 -> "Content too large";
            case 415 -> "Unsupported media type";
            case 422 -> "Request refused by the rules";
            case 503 -> "Service unavailable";
            default -> status >= 500 ? "Internal error" : "Request refused";
        };
    }
}
