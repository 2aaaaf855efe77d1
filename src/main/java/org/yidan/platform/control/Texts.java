package org.yidan.platform.control;

/**
 * Puts what a client sent into a message without letting the client decide the message's size: a refusal
 * that repeats a megabyte of input would cost a megabyte per refusal, in the response and in the log.
 */
public final class Texts {

    /** The most characters of client input any message repeats. */
    public static final int MAX_QUOTED = 40;

    private Texts() {
    }

    /** {@code 'value'}, cut to {@link #MAX_QUOTED} characters with an ellipsis when longer. */
    public static String quote(String value) {
        return "'" + cut(value, MAX_QUOTED) + "'";
    }

    /** {@code value} cut to {@code max} characters, the last one an ellipsis when it was longer. */
    public static String cut(String value, int max) {
        if (value == null) {
            return "";
        }
        if (value.length() <= max) {
            return value;
        }
        int end = max - 1;
        // never split a surrogate pair: half a character is not text
        if (end > 0 && Character.isHighSurrogate(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(0, end) + "…";
    }

    /**
     * A stored code by its name for people (e.g. {@code DIBAO} → 低保对象 through {@code PersonCategory}); a code the
     * lookup does not know (an enum's {@code valueOf} throws) stays as it is, and null stays null.
     */
    public static String nameOr(String code, java.util.function.UnaryOperator<String> name) {
        try {
            return code == null ? null : name.apply(code);
        } catch (IllegalArgumentException unknown) {
            return code;
        }
    }
}
