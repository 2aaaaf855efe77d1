package org.yidan.policy.entity;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.yidan.platform.control.RefusedException;
import org.yidan.platform.control.Texts;

/** The one way an enum of this package is read from outside text (JSON, configuration). */
final class EnumParsing {

    /** Stable code of {@link RefusedException} for a value no enum constant has. */
    static final String UNKNOWN_VALUE = "UNKNOWN_VALUE";

    private EnumParsing() {
    }

    /**
     * Case-insensitive, surrounding blanks ignored.
     *
     * @throws RefusedException 422 {@code UNKNOWN_VALUE} naming {@code field} and the accepted values
     */
    static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        if (value != null) {
            String wanted = value.trim().toUpperCase(Locale.ROOT);
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(wanted)) {
                    return constant;
                }
            }
        }
        String accepted = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
        throw RefusedException.unprocessable(UNKNOWN_VALUE, field,
                "Unknown value " + Texts.quote(value) + " for " + field + "; expected one of " + accepted);
    }
}
