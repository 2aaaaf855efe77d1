package org.yidan.simulation.control;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.yidan.platform.control.RefusedException;
import org.yidan.policy.control.PolicyConfigReader;
import org.yidan.policy.control.PolicyConfigurationException;
import org.yidan.policy.entity.Policy;

/**
 * A draft policy (测算方案): a county-year's configured policy with some parameters overridden, in the key scheme of
 * the policy configuration below {@code yidan.policy.<county>.<year>.} (e.g. {@code rule.critical.segments}, or
 * {@code rules} to add or remove a rule). It is read and validated by the very {@link PolicyConfigReader} that reads
 * the deployed configuration, so a draft that passes here would pass as a deployed policy, and a draft that fails
 * names the same keys the readiness check would.
 *
 * @param policy     the draft, resolved
 * @param parameters every key of the draft that has a value, relative to {@code yidan.policy.<county>.<year>.},
 *                   in the order the reader asked for them (funds, rules, then each rule's parameters)
 */
public record DraftPolicy(Policy policy, Map<String, String> overrides, Map<String, String> parameters) {

    public static final String INVALID_POLICY = "INVALID_POLICY";

    private static final Pattern RELATIVE_KEY = Pattern.compile("[a-z0-9][a-z0-9.-]*");

    /**
     * Reads the policy of {@code county}/{@code year} from {@code config} with {@code overrides} on top (an empty
     * value removes a parameter, as in MicroProfile Config).
     *
     * @param overrides relative keys (below {@code yidan.policy.<county>.<year>.}) or full keys of that policy
     * @throws RefusedException 422 {@code INVALID_POLICY} with one error per offending key
     */
    public static DraftPolicy read(Function<String, Optional<String>> config, String county, int year,
                                   Map<String, String> overrides) {
        String prefix = PolicyConfigReader.policyKey(county, year, "");
        Map<String, String> relative = new LinkedHashMap<>();
        List<RefusedException.FieldError> errors = new ArrayList<>();
        overrides.forEach((key, value) -> {
            String name = key.startsWith(prefix) ? key.substring(prefix.length()) : key;
            if (!RELATIVE_KEY.matcher(name).matches() || name.startsWith("yidan.")) {
                errors.add(new RefusedException.FieldError("overrides." + key, "'" + key
                        + "' is not a parameter below " + prefix + " (e.g. rule.critical.segments)"));
            } else {
                relative.put(name, value == null ? "" : value);
            }
        });
        String yearsKey = PolicyConfigReader.countyKey(county, "years");
        Map<String, String> asked = new LinkedHashMap<>();
        // Only this county-year is read: another county's broken parameter is not this draft's problem.
        Function<String, Optional<String>> draftConfig = key -> {
            Optional<String> value;
            if (key.equals(PolicyConfigReader.COUNTIES)) {
                value = Optional.of(county);
            } else if (key.equals(yearsKey)) {
                value = Optional.of(String.valueOf(year));
            } else if (key.startsWith(prefix) && relative.containsKey(key.substring(prefix.length()))) {
                value = Optional.of(relative.get(key.substring(prefix.length()))).filter(text -> !text.isBlank());
            } else {
                value = config.apply(key);
            }
            if (key.startsWith(prefix)) {
                value.ifPresent(text -> asked.put(key.substring(prefix.length()), text.trim()));
                asked.putIfAbsent(key.substring(prefix.length()), null);
            }
            return value;
        };
        List<Policy> read = List.of();
        try {
            read = PolicyConfigReader.read(draftConfig);
        } catch (PolicyConfigurationException invalid) {
            for (PolicyConfigurationException.Problem problem : invalid.problems()) {
                errors.add(new RefusedException.FieldError(problem.key(), problem.message()));
            }
        }
        for (String name : relative.keySet()) {
            if (!asked.containsKey(name)) {
                // the reader never asked for it: a typo or a parameter of a rule not in the chain would be ignored
                errors.add(new RefusedException.FieldError(prefix + name, "not a parameter of this policy: no rule"
                        + " in " + prefix + "rules reads it, or the name is misspelt"));
            }
        }
        if (!errors.isEmpty()) {
            throw new RefusedException(422, INVALID_POLICY, "The draft policy is invalid: " + errors.size()
                    + " problem(s), first " + errors.get(0).field() + ": " + errors.get(0).message(), errors);
        }
        if (read.isEmpty()) {
            throw RefusedException.unprocessable("NO_POLICY", "year", "No policy for county " + county + " in " + year);
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        asked.forEach((name, value) -> {
            if (value != null && !name.isEmpty()) {
                parameters.put(name, value);
            }
        });
        return new DraftPolicy(read.get(0), Map.copyOf(relative), parameters);
    }

    /**
     * The draft as a configuration file an operator deploys as the policy of {@code targetYear}: every parameter
     * spelt out (not only the overrides), so that it does not depend on what the year before said.
     */
    public String toProperties(int targetYear, String note) {
        String county = policy.county();
        StringBuilder text = new StringBuilder();
        text.append("# Draft policy of ").append(policy.countyName()).append(" (").append(county).append(") for ")
                .append(targetYear).append(", from the policy of ").append(policy.year()).append('\n');
        if (note != null && !note.isBlank()) {
            text.append("# ").append(note.replace('\n', ' ')).append('\n');
        }
        text.append("# Overridden: ").append(overrides.isEmpty() ? "nothing" : String.join(", ",
                new TreeMap<>(overrides).keySet())).append('\n');
        text.append("# To deploy: add ").append(targetYear).append(" to ")
                .append(PolicyConfigReader.countyKey(county, "years")).append(" and load this file through MicroProfile"
                        + " Config (e.g. a config source directory or system properties).\n");
        parameters.forEach((name, value) -> text.append(escapeKey(PolicyConfigReader.policyKey(county, targetYear,
                name))).append(" = ").append(escapeValue(value)).append('\n'));
        return text.toString();
    }

    private static String escapeKey(String key) {
        return key.replace(":", "\\:").replace("=", "\\=");
    }

    /** Keeps the file ASCII-safe for {@link java.util.Properties#load(java.io.InputStream)} too. */
    private static String escapeValue(String value) {
        StringBuilder escaped = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (c == '\\') {
                escaped.append("\\\\");
            } else if (c > 0x7e) {
                escaped.append(String.format("\\u%04x", (int) c));
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
