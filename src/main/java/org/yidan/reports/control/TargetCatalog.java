package org.yidan.reports.control;

import org.yidan.policy.entity.HospitalLevel;
import org.yidan.policy.entity.PersonCategory;
import org.yidan.policy.entity.VisitType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads a county's targets for a year from MicroProfile Config:
 * <pre>
 * yidan.report.&lt;county&gt;.&lt;year&gt;.targets=id1,id2
 * yidan.report.&lt;county&gt;.&lt;year&gt;.target.&lt;id&gt;.ratio=actualRatio | scopeRatio | inCountyShare
 * yidan.report.&lt;county&gt;.&lt;year&gt;.target.&lt;id&gt;.slice=all | visitType:X | category:X | hospitalLevel:X | category:X/visitType:Y
 * yidan.report.&lt;county&gt;.&lt;year&gt;.target.&lt;id&gt;.bound=FLOOR | CEILING
 * yidan.report.&lt;county&gt;.&lt;year&gt;.target.&lt;id&gt;.value=0.85
 * yidan.report.&lt;county&gt;.&lt;year&gt;.target.&lt;id&gt;.name=（optional; otherwise made from slice and ratio）
 * </pre>
 * plus one product default that is not any county's number but common practice: a ceiling on the actual ratio
 * of all settlements, {@code yidan.report.default.actual-ratio-ceiling} (0.90 shipped), which a county
 * replaces with {@code yidan.report.<county>.actual-ratio-ceiling=0.88} or drops with {@code none}.
 */
public final class TargetCatalog {

    public static final String DEFAULT_CEILING_KEY = "yidan.report.default.actual-ratio-ceiling";
    private static final Set<String> RATIOS = Set.of("actualRatio", "scopeRatio", "inCountyShare");

    private TargetCatalog() {
    }

    /**
     * @throws IllegalArgumentException naming the key when a target is configured wrongly
     */
    public static List<Target> load(Function<String, Optional<String>> config, String county, int year) {
        List<Target> targets = new ArrayList<>();
        String prefix = "yidan.report." + county + "." + year + ".";
        for (String id : config.apply(prefix + "targets").map(v -> v.split(",")).orElse(new String[0])) {
            id = id.strip();
            if (id.isEmpty()) {
                continue;
            }
            String key = prefix + "target." + id + ".";
            String ratio = required(config, key + "ratio");
            if (!RATIOS.contains(ratio)) {
                throw new IllegalArgumentException(key + "ratio: one of " + RATIOS + ", not " + ratio);
            }
            String slice = required(config, key + "slice");
            Target.Bound bound;
            try {
                bound = Target.Bound.valueOf(required(config, key + "bound").toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException wrong) {
                throw new IllegalArgumentException(key + "bound: FLOOR or CEILING");
            }
            BigDecimal value = ratioValue(key + "value", required(config, key + "value"));
            String name = config.apply(key + "name").filter(n -> !n.isBlank())
                    .orElse(sliceName(key + "slice", slice) + ratioName(ratio));
            targets.add(new Target(id, name, ratio, slice, bound, value, "county"));
        }
        Optional<String> own = config.apply("yidan.report." + county + ".actual-ratio-ceiling");
        String ceiling = own.or(() -> config.apply(DEFAULT_CEILING_KEY)).orElse("none").strip();
        if (!ceiling.isEmpty() && !"none".equalsIgnoreCase(ceiling)) {
            boolean countyOwn = own.isPresent();
            BigDecimal value = ratioValue(countyOwn ? "yidan.report." + county + ".actual-ratio-ceiling"
                    : DEFAULT_CEILING_KEY, ceiling);
            targets.add(new Target("actual-ratio-ceiling",
                    countyOwn ? "实际补偿比上限" : "实际补偿比上限（通行做法，系统默认值）",
                    "actualRatio", "all", Target.Bound.CEILING, value, countyOwn ? "county" : "default"));
        }
        return targets;
    }

    /** The slice in Chinese, e.g. 门诊慢特病, 低保对象·住院, 全部. */
    public static String sliceName(String key, String slice) {
        if ("all".equals(slice)) {
            return "全部";
        }
        StringBuilder name = new StringBuilder();
        for (String part : slice.split("/")) {
            int colon = part.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException(key + ": dimension:value expected, not " + slice);
            }
            String value = part.substring(colon + 1);
            try {
                String label = switch (part.substring(0, colon)) {
                    case "visitType" -> VisitType.valueOf(value).displayName();
                    case "category" -> PersonCategory.valueOf(value).displayName();
                    case "hospitalLevel" -> HospitalLevel.valueOf(value).displayName();
                    default -> throw new IllegalArgumentException(key + ": visitType, category or hospitalLevel, not "
                            + part.substring(0, colon));
                };
                name.append(name.isEmpty() ? "" : "·").append(label);
            } catch (IllegalArgumentException unknown) {
                throw new IllegalArgumentException(key + ": " + unknown.getMessage());
            }
        }
        if (slice.contains("/") && !slice.matches("category:[A-Z_]+/visitType:[A-Z_]+")) {
            throw new IllegalArgumentException(key + ": a two-way slice is category:X/visitType:Y");
        }
        return name.toString();
    }

    public static String ratioName(String ratio) {
        return switch (ratio) {
            case "actualRatio" -> "实际补偿比";
            case "scopeRatio" -> "政策范围内补偿比";
            case "inCountyShare" -> "县域内就诊率";
            default -> ratio;
        };
    }

    private static String required(Function<String, Optional<String>> config, String key) {
        return config.apply(key).map(String::strip).filter(v -> !v.isEmpty())
                .orElseThrow(() -> new IllegalArgumentException(key + " is missing"));
    }

    private static BigDecimal ratioValue(String key, String text) {
        try {
            BigDecimal value = new BigDecimal(text.strip());
            if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
                throw new IllegalArgumentException(key + ": a ratio from 0 to 1, not " + text);
            }
            return value;
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException(key + ": a ratio from 0 to 1, not " + text);
        }
    }
}
