package org.yidan.policy.entity;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Names one annual accumulator of a person (per person, per year).
 *
 * <ul>
 *   <li>{@code rule:<rule id>}: the cumulative base ({@code base}) and the amount paid ({@code paid}) of one
 *       {@link RuleKind#TIERED} rule this year;</li>
 *   <li>{@code cap:<cap key>}: the amount paid ({@code paid}) by all rules sharing that cap key this year; its
 *       {@code base} stays 0.</li>
 * </ul>
 * Keys sort by their text ({@link String#compareTo}, the same as PostgreSQL {@code ORDER BY acc_key COLLATE "C"});
 * the settlement service locks accumulator rows in that order so that two settlements never wait on each other
 * in a cycle.
 */
public record AccumulatorKey(String value) implements Comparable<AccumulatorKey> {

    private static final String RULE = "rule:";
    private static final String CAP = "cap:";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");
    /** Keys are made per rule and bill; the few distinct ones are kept rather than re-validated each time. */
    private static final Map<String, AccumulatorKey> KNOWN = new ConcurrentHashMap<>();

    public AccumulatorKey {
        Objects.requireNonNull(value, "value");
        String name = value.startsWith(RULE) ? value.substring(RULE.length())
                : value.startsWith(CAP) ? value.substring(CAP.length()) : null;
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not an accumulator key: " + value);
        }
    }

    public static AccumulatorKey rule(String ruleId) {
        return parse(RULE + ruleId);
    }

    public static AccumulatorKey cap(String capKey) {
        return parse(CAP + capKey);
    }

    /**
     * Reads a key as stored, e.g. {@code rule:critical}.
     *
     * @throws IllegalArgumentException when it is neither {@code rule:<id>} nor {@code cap:<key>}
     */
    public static AccumulatorKey parse(String value) {
        AccumulatorKey known = KNOWN.get(value);
        if (known != null) {
            return known;
        }
        AccumulatorKey key = new AccumulatorKey(value);
        if (KNOWN.size() < 10_000) {
            KNOWN.putIfAbsent(value, key);
        }
        return key;
    }

    public boolean isCap() {
        return value.startsWith(CAP);
    }

    @Override
    public int compareTo(AccumulatorKey other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
