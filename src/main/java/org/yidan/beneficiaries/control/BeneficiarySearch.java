package org.yidan.beneficiaries.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the counter and the registry ask the registry for, as one SQL condition over {@code beneficiary}: a county
 * (optional) and a query that is a whole ID number, its last 4 to 17 characters, or any part of a name.
 *
 * <p>The ID-suffix condition is {@code reverse(id_number) like '<reversed suffix>%'}, which the index
 * {@code beneficiary_id_reversed} (V6) answers. The reversed suffix is written into the SQL as a literal, not bound:
 * a prefix {@code like} can only use the index when the planner sees the pattern, and a prepared statement's generic
 * plan does not. The suffix has been checked to be digits with an optional final X, so the literal is safe.
 */
public record BeneficiarySearch(String condition, List<Object> parameters) {

    private static final String SUFFIX = "[0-9]{3,16}[0-9X]";

    public BeneficiarySearch {
        parameters = List.copyOf(parameters);
    }

    /** {@code county} null: every county; {@code query} blank: everyone (of the county). */
    public static BeneficiarySearch of(String county, String query) {
        List<String> conditions = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        if (county != null && !county.isBlank()) {
            parameters.add(county.trim());
            conditions.add("county = ?" + parameters.size());
        }
        String text = query == null ? "" : query.trim();
        if (!text.isEmpty()) {
            String upper = text.toUpperCase(Locale.ROOT);
            if (upper.length() == 18 && IdNumbers.isValid(upper)) {
                parameters.add(IdNumbers.normalise(upper));
                conditions.add("id_number = ?" + parameters.size());
            } else if (upper.matches(SUFFIX)) {
                conditions.add(idSuffixCondition(upper));
            } else {
                parameters.add("%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
                conditions.add("name like ?" + parameters.size() + " escape '\\'");
            }
        }
        return new BeneficiarySearch(conditions.isEmpty() ? "true" : String.join(" and ", conditions), parameters);
    }

    /** Whether {@code query} is read as the last digits of an ID number. */
    public static boolean isIdSuffix(String query) {
        return query != null && query.trim().toUpperCase(Locale.ROOT).matches(SUFFIX);
    }

    /** The indexed condition "the ID number ends with {@code suffix}". */
    public static String idSuffixCondition(String suffix) {
        String upper = suffix.trim().toUpperCase(Locale.ROOT);
        if (!upper.matches(SUFFIX)) {
            throw new IllegalArgumentException("Not the last digits of an ID number: " + suffix);
        }
        return "reverse(id_number) like '" + new StringBuilder(upper).reverse() + "%'";
    }
}
