package org.yidan.platform.control;

import java.util.List;

/**
 * A request that the rules refuse: bad input, an ineligible person, a conflict.
 * Plain Java so that the calculator and the parsers can throw it without knowing JAX-RS;
 * the REST layer turns it into {@code application/problem+json} with the stable {@link #code()}.
 */
public class RefusedException extends RuntimeException {

    /** One offending field: {@code field} is a JSON path such as {@code items[2].amount}. */
    public record FieldError(String field, String message) {
    }

    private final int status;
    private final String code;
    private final List<FieldError> errors;

    public RefusedException(int status, String code, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.code = code;
        this.errors = List.copyOf(errors);
    }

    /** 422: well-formed, but the rules refuse it. */
    public static RefusedException unprocessable(String code, String detail) {
        return new RefusedException(422, code, detail, List.of());
    }

    /** 422 naming the offending field. */
    public static RefusedException unprocessable(String code, String field, String detail) {
        return new RefusedException(422, code, detail, List.of(new FieldError(field, detail)));
    }

    public static RefusedException notFound(String code, String detail) {
        return new RefusedException(404, code, detail, List.of());
    }

    public static RefusedException conflict(String code, String detail) {
        return new RefusedException(409, code, detail, List.of());
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
