package org.yidan.platform.boundary;

import jakarta.ejb.AccessLocalException;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.PessimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.annotation.Metric;
import org.yidan.platform.control.DatabaseFailures;
import org.yidan.platform.control.OutageLog;
import org.yidan.platform.control.RefusedException;

import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one place where a failed request becomes {@code application/problem+json}. Bad input is
 * never a 500 and no response ever carries a stack trace: unexpected failures are logged with an
 * incident id that the response repeats, so IT can find the log line.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

    /** {@code yidan_database_unavailable_total}: API requests answered 503 because the database was unreachable. */
    @Inject
    @Metric(name = "yidan.database.unavailable", absolute = true)
    Counter unavailable;

    @Override
    public Response toResponse(Throwable thrown) {
        var outage = DatabaseFailures.kind(thrown);
        if (outage.isPresent()) {
            OutageLog.failure(LOG, outage.get(), "requests answer 503 DATABASE_UNAVAILABLE");
            unavailable.inc();
            return Problem.databaseUnavailable();
        }
        Throwable cause = unwrap(thrown);
        if (cause instanceof RefusedException refused) {
            return Problem.of(refused);
        }
        if (cause instanceof ConstraintViolationException violations) {
            List<RefusedException.FieldError> errors = violations.getConstraintViolations().stream()
                    .map(ProblemMapper::fieldError).toList();
            return Problem.response(422, "VALIDATION_FAILED", "Request refused by the rules",
                    "The request has invalid fields.", errors);
        }
        if (cause instanceof JsonException || cause instanceof JsonbException || cause instanceof ProcessingException) {
            return Problem.response(400, "MALFORMED_JSON", "Bad request",
                    "The request body is not well-formed JSON of the expected shape.", List.of());
        }
        if (cause instanceof EJBAccessException || cause instanceof AccessLocalException
                || cause instanceof SecurityException) {
            return Problem.response(403, "FORBIDDEN", "Forbidden",
                    "Your role does not allow this action.", List.of());
        }
        if (cause instanceof PessimisticLockException) {
            return Problem.response(409, "BUSY", "Conflict",
                    "Another settlement for this person is in progress; retry with the same Idempotency-Key.", List.of());
        }
        if (cause instanceof NotFoundException) {
            return Problem.response(404, "NOT_FOUND", "Not found", "No such resource.", List.of());
        }
        if (cause instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            if (status < 500) {
                String code = switch (status) {
                    case 400 -> "BAD_REQUEST";
                    case 401 -> "UNAUTHENTICATED";
                    case 403 -> "FORBIDDEN";
                    case 405 -> "METHOD_NOT_ALLOWED";
                    case 406 -> "NOT_ACCEPTABLE";
                    case 415 -> "UNSUPPORTED_MEDIA_TYPE";
                    default -> "HTTP_" + status;
                };
                Response.ResponseBuilder builder = Response.fromResponse(Problem.response(status, code,
                        Problem.titleFor(status), web.getMessage(), List.of()));
                web.getResponse().getHeaders().forEach((name, values) -> {
                    if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                        values.forEach(value -> builder.header(name, value));
                    }
                });
                return builder.build();
            }
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected failure, incident " + incident, thrown);
        return Problem.response(500, "INTERNAL_ERROR", "Internal error",
                "An unexpected error occurred; incident " + incident + " is in the server log.", List.of());
    }

    private static RefusedException.FieldError fieldError(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        // drop the method and parameter names (e.g. "settle.arg0.totalAmount" -> "totalAmount")
        String[] parts = path.split("\\.");
        String field = parts.length > 2 ? String.join(".", List.of(parts).subList(2, parts.length)) : path;
        return new RefusedException.FieldError(field, violation.getMessage());
    }

    /** The first exception in the cause chain that says what went wrong, or the thrown one itself. */
    private static Throwable unwrap(Throwable thrown) {
        Throwable current = thrown;
        for (int depth = 0; depth < 12 && current != null; depth++) {
            if (current instanceof RefusedException || current instanceof ConstraintViolationException
                    || current instanceof JsonException || current instanceof JsonbException
                    || current instanceof ProcessingException || current instanceof EJBAccessException
                    || current instanceof AccessLocalException
                    || current instanceof SecurityException || current instanceof PessimisticLockException
                    || current instanceof WebApplicationException) {
                return current;
            }
            Throwable next = current instanceof EJBException ejb && ejb.getCausedByException() != null
                    ? ejb.getCausedByException() : current.getCause();
            current = next == current ? null : next;
        }
        return thrown;
    }
}
