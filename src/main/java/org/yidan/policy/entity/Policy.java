package org.yidan.policy.entity;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A county's settlement policy for one year: the funds in receipt order and the rule chain in settlement order,
 * with every parameter resolved (after configuration overrides).
 *
 * <p>The {@code fingerprint} is the SHA-256 (lowercase hex) of {@link #canonicalText()}: equal parameters give
 * equal fingerprints, any change another one. A settlement stores it, so that a receipt can always be traced to
 * the exact parameters that computed it.
 *
 * @param county     6-digit administrative division code, e.g. {@code 370323}
 * @param countyName e.g. 沂源县
 * @param fingerprint computed when {@code null} is passed; otherwise must match the parameters
 */
public record Policy(String county, int year, String countyName, List<Fund> funds, List<Rule> rules,
                     String fingerprint) {

    /** Depends on the parameters only, so it is kept per fingerprint: it is asked for every bill. */
    private static final Map<String, List<List<AccumulatorKey>>> LOCK_KEYS = new ConcurrentHashMap<>();
    private static final int LEVELS = HospitalLevel.values().length;

    public Policy {
        Objects.requireNonNull(county, "county");
        Objects.requireNonNull(countyName, "countyName");
        funds = List.copyOf(funds);
        rules = List.copyOf(rules);
        String computed = sha256(canonicalText(county, year, countyName, funds, rules));
        if (fingerprint != null && !fingerprint.equals(computed)) {
            throw new IllegalArgumentException("fingerprint does not match the parameters of " + county + "/" + year);
        }
        fingerprint = computed;
    }

    public static Policy of(String county, int year, String countyName, List<Fund> funds, List<Rule> rules) {
        return new Policy(county, year, countyName, funds, rules, null);
    }

    /** {@code county/year}, e.g. {@code 370323/2020}. */
    public String id() {
        return county + "/" + year;
    }

    /**
     * The funds whose amount an outside system decides (EXTERNAL rules, e.g. basic insurance settled by its own
     * system): the counter asks the clerk for these amounts, and only these are sent with a bill.
     */
    public List<Fund> externalFunds() {
        return rules.stream().filter(rule -> rule.kind() == RuleKind.EXTERNAL).map(Rule::fund).distinct().toList();
    }

    public Optional<Rule> rule(String ruleId) {
        return rules.stream().filter(rule -> rule.id().equals(ruleId)).findFirst();
    }

    /** Every accumulator a settlement under this policy may move, sorted (the locking order). */
    public List<AccumulatorKey> accumulatorKeys() {
        TreeSet<AccumulatorKey> keys = new TreeSet<>();
        for (Rule rule : rules) {
            keys.addAll(rule.accumulatorKeys());
        }
        return List.copyOf(keys);
    }

    /**
     * The accumulators that settling {@code bill} may move, sorted: the settlement service locks these rows
     * ({@code PESSIMISTIC_WRITE}) in this order, reads them (absent rows count as zero) and passes them to the
     * calculator. It depends only on the bill's visit type and hospital level, so it is a superset of what a
     * particular person's settlement moves.
     */
    public List<AccumulatorKey> accumulatorKeysFor(Bill bill) {
        return accumulatorKeysFor(bill.visitType(), bill.hospitalLevel());
    }

    /**
     * @return for a missing visit type or hospital level, every key of the policy
     * @see #accumulatorKeysFor(Bill)
     */
    public List<AccumulatorKey> accumulatorKeysFor(VisitType visitType, HospitalLevel level) {
        if (visitType == null || level == null) {
            return accumulatorKeys();
        }
        List<List<AccumulatorKey>> byBillKind = LOCK_KEYS.get(fingerprint);
        if (byBillKind == null) {
            byBillKind = LOCK_KEYS.computeIfAbsent(fingerprint, fingerprint -> lockKeysByBillKind());
        }
        return byBillKind.get(visitType.ordinal() * LEVELS + level.ordinal());
    }

    private List<List<AccumulatorKey>> lockKeysByBillKind() {
        List<List<AccumulatorKey>> byBillKind = new ArrayList<>();
        for (VisitType visitType : VisitType.values()) {
            for (HospitalLevel level : HospitalLevel.values()) {
                TreeSet<AccumulatorKey> keys = new TreeSet<>();
                for (Rule rule : rules) {
                    if (rule.accepts(visitType, level)) {
                        keys.addAll(rule.accumulatorKeys());
                    }
                }
                byBillKind.add(List.copyOf(keys));
            }
        }
        return List.copyOf(byBillKind);
    }

    /**
     * The annual cap that the {@code paid} amount of this accumulator must stay within, if any: a rule's own cap
     * for {@code rule:<id>}, the shared cap for {@code cap:<key>}.
     */
    public Optional<BigDecimal> capOf(AccumulatorKey key) {
        for (Rule rule : rules) {
            if (rule.kind() == RuleKind.TIERED && rule.cap() != null
                    && (rule.accumulatorKey().equals(key) || rule.capAccumulatorKey().equals(key))) {
                return Optional.of(rule.cap());
            }
        }
        return Optional.empty();
    }

    /**
     * Every resolved parameter in a fixed order and notation (numbers without trailing zeros, sets in declaration
     * order of their enum): the text the fingerprint is computed from, and a readable dump of the policy.
     */
    public String canonicalText() {
        return canonicalText(county, year, countyName, funds, rules);
    }

    private static String canonicalText(String county, int year, String countyName, List<Fund> funds,
                                        List<Rule> rules) {
        StringBuilder text = new StringBuilder()
                .append("policy=").append(county).append('/').append(year).append('\n')
                .append("name=").append(countyName).append('\n')
                .append("funds=").append(String.join(",", funds.stream().map(Fund::code).toList())).append('\n');
        for (Rule rule : rules) {
            text.append(rule.canonicalText()).append('\n');
        }
        return text.toString();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
