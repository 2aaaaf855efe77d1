package org.yidan.policy.entity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.yidan.platform.control.RefusedException;
import org.yidan.platform.control.Texts;

/**
 * What a rule pays from, always what is left of it after the rules before it in the chain.
 *
 * @param kind  {@link Kind#SCOPE}, {@link Kind#SPECIAL_DRUG} or {@link Kind#ITEMS}
 * @param items for {@code ITEMS} the item categories, in the order they are consumed; empty otherwise
 */
public record BaseSpec(Kind kind, List<ItemCategory> items) {

    public enum Kind {
        /** What is left of the policy-scope amount (政策范围内/合规费用). */
        SCOPE,
        /** What is left of the special-drug amount (大病保险特药), which lies outside the policy scope. */
        SPECIAL_DRUG,
        /** What is left of the listed item categories, never more than what is left of the scope. */
        ITEMS
    }

    public static final BaseSpec SCOPE = new BaseSpec(Kind.SCOPE, List.of());
    public static final BaseSpec SPECIAL_DRUG = new BaseSpec(Kind.SPECIAL_DRUG, List.of());

    public BaseSpec {
        items = List.copyOf(items);
        if ((kind == Kind.ITEMS) == items.isEmpty()) {
            throw new IllegalArgumentException("ITEMS needs item categories, and only ITEMS has them");
        }
        if (items.stream().distinct().count() != items.size()) {
            throw new IllegalArgumentException("an item category is listed twice: " + items);
        }
    }

    public static BaseSpec items(List<ItemCategory> categories) {
        return new BaseSpec(Kind.ITEMS, categories);
    }

    /**
     * Reads {@code SCOPE}, {@code SPECIAL_DRUG} or {@code ITEMS:C1,C2} (case-insensitive).
     *
     * @throws RefusedException 422 {@code UNKNOWN_VALUE} naming {@code field}
     */
    public static BaseSpec parse(String field, String value) {
        String text = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
        if (text.equals("SCOPE")) {
            return SCOPE;
        }
        if (text.equals("SPECIAL_DRUG")) {
            return SPECIAL_DRUG;
        }
        if (text.startsWith("ITEMS:")) {
            List<ItemCategory> categories = new ArrayList<>();
            for (String part : text.substring("ITEMS:".length()).split(",", -1)) {
                ItemCategory category = ItemCategory.parse(field, part);
                if (categories.contains(category)) {
                    throw RefusedException.unprocessable(EnumParsing.UNKNOWN_VALUE, field,
                            "Item category " + category + " is listed twice in " + field);
                }
                categories.add(category);
            }
            return items(categories);
        }
        throw RefusedException.unprocessable(EnumParsing.UNKNOWN_VALUE, field, "Unknown base " + Texts.quote(value) + " for "
                + field + "; expected SCOPE, SPECIAL_DRUG or ITEMS:<item categories separated by commas>");
    }

    /** The configuration text, e.g. {@code ITEMS:REGISTRATION,CONSULTATION}. */
    @Override
    public String toString() {
        return kind == Kind.ITEMS
                ? "ITEMS:" + items.stream().map(Enum::name).collect(Collectors.joining(","))
                : kind.name();
    }
}
