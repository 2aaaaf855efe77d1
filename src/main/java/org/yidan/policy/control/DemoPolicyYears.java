package org.yidan.policy.control;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The embedded demo's policy years: the shipped county profiles are of 2020, 2018 and 2017, so a bill discharged
 * today would be refused everywhere. For the demo only (the demo data switch), each enabled county that has no
 * policy for the current year gets one that inherits its latest configured year, through the same
 * {@code inherit} key a county uses, and is shown everywhere as a demo copy, never as the county's policy.
 */
public final class DemoPolicyYears {

    private final Map<String, String> overlay;
    private final Map<String, Integer> copies;

    private DemoPolicyYears(Map<String, String> overlay, Map<String, Integer> copies) {
        this.overlay = Map.copyOf(overlay);
        this.copies = Map.copyOf(copies);
    }

    /** The keys the demo adds for {@code currentYear} on top of {@code config}. */
    public static DemoPolicyYears forYear(Function<String, Optional<String>> config, int currentYear) {
        Map<String, String> overlay = new LinkedHashMap<>();
        Map<String, Integer> copies = new LinkedHashMap<>();
        for (String county : list(config.apply(PolicyConfigReader.COUNTIES))) {
            String yearsKey = PolicyConfigReader.countyKey(county, "years");
            List<String> years = list(config.apply(yearsKey));
            List<Integer> numeric = new ArrayList<>();
            for (String year : years) {
                if (year.matches("\\d{4}")) {
                    numeric.add(Integer.parseInt(year));
                }
            }
            if (numeric.isEmpty() || numeric.contains(currentYear)) {
                continue;
            }
            int latest = numeric.stream().filter(year -> year < currentYear).max(Integer::compare).orElse(-1);
            if (latest < 0) {
                continue;
            }
            overlay.put(yearsKey, String.join(",", years) + "," + currentYear);
            overlay.put(PolicyConfigReader.policyKey(county, currentYear, "inherit"), String.valueOf(latest));
            copies.put(county + "/" + currentYear, latest);
        }
        return new DemoPolicyYears(overlay, copies);
    }

    /** {@code config} with the demo's keys on top. */
    public Function<String, Optional<String>> over(Function<String, Optional<String>> config) {
        return key -> overlay.containsKey(key) ? Optional.of(overlay.get(key)) : config.apply(key);
    }

    /** The year whose parameters the demo copied into {@code county/year}, if that policy is a demo copy. */
    public Optional<Integer> copyOf(String county, int year) {
        return Optional.ofNullable(copies.get(county + "/" + year));
    }

    private static List<String> list(Optional<String> value) {
        return value.map(text -> Arrays.stream(text.split(",")).map(String::trim).filter(item -> !item.isEmpty())
                .toList()).orElse(List.of());
    }
}
