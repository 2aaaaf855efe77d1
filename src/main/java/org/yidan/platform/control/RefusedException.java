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

    /**
     * The most field errors a refusal carries. A bill of 100,000 invalid items or a roster of junk lines
     * would otherwise answer with an error per element, megabytes that nobody reads; the first ones and
     * the count say as much.
     */
    public static final int MAX_ERRORS = 100;

    private final int status;
    private final String code;
    private final List<FieldError> errors;
    private final int errorCount;

    public RefusedException(int status, String code, String detail, List<FieldError> errors) {
        this(status, code, detail, errors, errors.size());
    }

    /** @param errorCount how many errors there were in all, when {@code errors} holds only the first ones */
    public RefusedException(int status, String code, String detail, List<FieldError> errors, int errorCount) {
        super(Texts.cut(detail, 2000));
        this.status = status;
        this.code = code;
        this.errors = List.copyOf(errors.size() > MAX_ERRORS ? errors.subList(0, MAX_ERRORS) : errors);
        this.errorCount = Math.max(errorCount, errors.size());
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

    /** At most {@link #MAX_ERRORS}; {@link #errorCount()} says how many there were. */
    public List<FieldError> errors() {
        return errors;
    }

    public int errorCount() {
        return errorCount;
    }
}
