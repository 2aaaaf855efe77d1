package org.yidan.reports.control;

import java.io.Serializable;
import java.math.BigDecimal;

/**
 * A target (考核指标) of a county and year: a floor or a ceiling on one ratio of one slice, e.g. 会宁's
 * "chronic outpatient actual ratio at least 0.85".
 *
 * @param id        the key's id, e.g. {@code chronic-outpatient-actual}
 * @param name      what the report calls it (Chinese)
 * @param ratio     actualRatio, scopeRatio or inCountyShare
 * @param slice     {@code all}, {@code visitType:X}, {@code category:X}, {@code hospitalLevel:X} or
 *                  {@code category:X/visitType:Y}
 * @param bound     FLOOR (actual ≥ target) or CEILING (actual ≤ target)
 * @param source    where the number comes from: the county's document, or a product default an operator may override
 */
public record Target(String id, String name, String ratio, String slice, Bound bound, BigDecimal target,
                     String source) implements Serializable {

    public enum Bound { FLOOR, CEILING }

    /** Whether {@code actual} meets the target; null when there is nothing to measure. */
    public Boolean met(BigDecimal actual) {
        if (actual == null) {
            return null;
        }
        return bound == Bound.FLOOR ? actual.compareTo(target) >= 0 : actual.compareTo(target) <= 0;
    }

    /** The dimension and keys of {@link Aggregate} that hold this target's slice. */
    public String[] sliceKeys() {
        if ("all".equals(slice)) {
            return new String[]{"all", null, null};
        }
        if (slice.startsWith("category:") && slice.contains("/visitType:")) {
            String[] parts = slice.split("/");
            return new String[]{"categoryVisitType", parts[0].substring("category:".length()),
                    parts[1].substring("visitType:".length())};
        }
        int colon = slice.indexOf(':');
        return new String[]{slice.substring(0, colon), slice.substring(colon + 1), null};
    }
}
