package org.yidan.beneficiaries.control;

import java.io.Serializable;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.Function;

/**
 * Why the registry refuses a row or a field: a key of the message bundle {@code org.yidan.messages} and its
 * arguments. The rules (the roster's row rules, {@link IdNumbers}, {@link BeneficiaryValidator}) name each message
 * once, by its key; the API and the logs read it in English from the bundle's root, the screens in Chinese from
 * {@code messages_zh_CN}. An argument written {@code @key} is itself a message of the bundle (what kind of date,
 * "open"), said in the reader's language too.
 */
public record Reason(String key, List<String> args) implements Serializable {

    private static final String NESTED = "@";
    private static final ResourceBundle ENGLISH = ResourceBundle.getBundle("org.yidan.messages", Locale.ROOT,
            Reason.class.getClassLoader(),
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

    public Reason {
        args = List.copyOf(args);
    }

    /** The reason of {@code key} with these arguments, each as text ({@code null} as empty). */
    public static Reason of(String key, Object... args) {
        return new Reason(key, Arrays.stream(args).map(arg -> arg == null ? "" : String.valueOf(arg)).toList());
    }

    /** An argument that is a message of the bundle itself, said in the reader's language. */
    public static String nested(String key) {
        return NESTED + key;
    }

    /** In English, for the API and the logs. */
    public String english() {
        return text(ENGLISH::getString);
    }

    /** In the language of {@code patterns}, which gives the bundle's pattern of a key. */
    public String text(Function<String, String> patterns) {
        Object[] values = args.stream()
                .map(arg -> arg.startsWith(NESTED) ? patterns.apply(arg.substring(NESTED.length())) : arg)
                .toArray();
        return new MessageFormat(patterns.apply(key), Locale.ROOT).format(values);
    }

    @Override
    public String toString() {
        return english();
    }
}
