package org.yidan.simulation.control;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import org.yidan.platform.control.RefusedException;
import org.yidan.policy.entity.PersonCategory;
import org.yidan.policy.entity.VisitType;

/**
 * Reads a county-year's ratio targets, when configured:
 * <pre>
 * yidan.targets.&lt;county&gt;.&lt;year&gt;.names                  target names, comma-separated
 * yidan.targets.&lt;county&gt;.&lt;year&gt;.&lt;name&gt;.ratio           ACTUAL (fund total ÷ total, default) or SCOPE
 * yidan.targets.&lt;county&gt;.&lt;year&gt;.&lt;name&gt;.visit-type      a slice by visit type (optional)
 * yidan.targets.&lt;county&gt;.&lt;year&gt;.&lt;name&gt;.category        a slice by person category (optional)
 * yidan.targets.&lt;county&gt;.&lt;year&gt;.&lt;name&gt;.floor | .ceiling the bound, 0..1
 * </pre>
 * No {@code names} key: the county has no targets and the simulation shows the ratios alone, saying so.
 */
public final class Targets {

    private Targets() {
    }

    public static String key(String county, int year, String name) {
        return "yidan.targets." + county + "." + year + "." + name;
    }

    /** @return empty when the county-year has no targets configured */
    public static Optional<List<Target>> read(Function<String, Optional<String>> config, String county, int year) {
        Optional<String> names = config.apply(key(county, year, "names")).filter(text -> !text.isBlank());
        if (names.isEmpty()) {
            return Optional.empty();
        }
        List<Target> targets = new ArrayList<>();
        for (String raw : names.get().split(",")) {
            String name = raw.trim();
            if (name.isEmpty()) {
                continue;
            }
            try {
                targets.add(target(config, county, year, name));
            } catch (IllegalArgumentException invalid) {
                throw RefusedException.unprocessable("INVALID_TARGET", key(county, year, name),
                        "The target " + name + " is invalid: " + invalid.getMessage());
            }
        }
        return Optional.of(List.copyOf(targets));
    }

    private static Target target(Function<String, Optional<String>> config, String county, int year, String name) {
        {
            Function<String, Optional<String>> value = part -> config.apply(key(county, year, name + "." + part))
                    .map(String::trim).filter(text -> !text.isEmpty());
            boolean scope = value.apply("ratio").map(text -> text.equalsIgnoreCase("SCOPE")).orElse(false);
            VisitType visitType = value.apply("visit-type").map(text -> VisitType.valueOf(text.toUpperCase(Locale.ROOT)))
                    .orElse(null);
            PersonCategory category = value.apply("category")
                    .map(text -> PersonCategory.valueOf(text.toUpperCase(Locale.ROOT))).orElse(null);
            Optional<String> floor = value.apply("floor");
            Optional<String> ceiling = value.apply("ceiling");
            if (floor.isPresent() == ceiling.isPresent()) {
                throw RefusedException.unprocessable("INVALID_TARGET", key(county, year, name),
                        "A target needs exactly one of .floor and .ceiling");
            }
            return new Target(name, scope, visitType, category,
                    floor.isPresent() ? Target.Bound.FLOOR : Target.Bound.CEILING,
                    new BigDecimal(floor.orElseGet(ceiling::get)));
        }
    }
}
