package org.yidan.simulation.control;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yidan.policy.entity.BaseSpec;
import org.yidan.policy.entity.Bill;
import org.yidan.policy.entity.Calculation;
import org.yidan.policy.entity.Fund;
import org.yidan.policy.entity.FundLine;
import org.yidan.policy.entity.PersonCategory;
import org.yidan.policy.entity.Policy;
import org.yidan.policy.entity.Rule;
import org.yidan.policy.entity.Step;
import org.yidan.policy.entity.VisitType;
import org.yidan.reports.control.Aggregate;
import org.yidan.reports.control.Target;

/**
 * Adds up calculator results into a {@link Summary}, the figures the reports compute from stored settlements, here
 * from settlements that were only computed. One builder per policy of a simulation; not thread-safe.
 * The county's targets are the reports' own ({@link org.yidan.reports.control.TargetCatalog}) and are measured as
 * the reports measure them: each target's slice is added up here and its ratio read through the reports'
 * {@link Aggregate}, so that a replay without overrides shows what the report shows for the same bills.
 */
public final class SummaryBuilder {

    /** Bounds of the self-pay distribution, yuan; the first bucket holds exactly zero. */
    static final BigDecimal[] BUCKETS = {new BigDecimal("0.00"), new BigDecimal("0.01"), new BigDecimal("500.00"),
            new BigDecimal("1000.00"), new BigDecimal("2000.00"), new BigDecimal("5000.00"),
            new BigDecimal("10000.00"), new BigDecimal("20000.00"), new BigDecimal("50000.00")};

    private static final BigDecimal ZERO = new BigDecimal("0.00");

    private final Set<String> scopeRules = new HashSet<>();
    private final Map<String, BigDecimal> funds = new LinkedHashMap<>();
    /** Persons by their index in the replay: a bit each instead of hashing an ID number per bill. */
    private final BitSet persons = new BitSet();
    private final Totals all = new Totals();
    private final Map<PersonCategory, Totals> byCategory = new EnumMap<>(PersonCategory.class);
    private final Map<VisitType, Totals> byVisitType = new EnumMap<>(VisitType.class);
    private final int[] buckets = new int[BUCKETS.length];
    private final List<TargetSlice> targetSlices = new ArrayList<>();
    private int inCounty;
    private int refused;

    /** Totals of one slice; {@code scopePaid} is what the rules based on the policy scope paid. */
    private static final class Totals {
        int settlements;
        BigDecimal total = ZERO;
        BigDecimal scope = ZERO;
        BigDecimal fundTotal = ZERO;
        BigDecimal selfPay = ZERO;
        BigDecimal scopePaid = ZERO;
        int inCounty;

        void add(Bill bill, Calculation calculation, BigDecimal paidOnScope) {
            settlements++;
            if (bill.hospital() != null && bill.hospital().inCounty()) {
                inCounty++;
            }
            total = total.add(bill.totalAmount());
            scope = scope.add(bill.policyScopeAmount());
            fundTotal = fundTotal.add(calculation.fundTotal());
            selfPay = selfPay.add(calculation.selfPay());
            scopePaid = scopePaid.add(paidOnScope);
        }

        Summary.Slice slice(String key) {
            return new Summary.Slice(key, settlements, total, scope, fundTotal, selfPay, ratio(fundTotal, total),
                    ratio(scopePaid, scope));
        }
    }

    /**
     * One target's slice ({@link Target#sliceKeys()}: {@code all}, a visit type, a category, a hospital level or a
     * category × visit type) with its own totals and persons.
     */
    private static final class TargetSlice {
        final Target target;
        final String dimension;
        final String key;
        final String subKey;
        final Totals totals = new Totals();
        final BitSet persons = new BitSet();

        TargetSlice(Target target) {
            this.target = target;
            String[] keys = target.sliceKeys();
            dimension = keys[0];
            key = keys[1];
            subKey = keys[2];
        }

        boolean holds(ReplayBill replayed) {
            Bill bill = replayed.bill();
            return switch (dimension) {
                case "all" -> true;
                case "visitType" -> bill.visitType().name().equals(key);
                case "hospitalLevel" -> bill.hospitalLevel() != null && bill.hospitalLevel().name().equals(key);
                case "category" -> holdsCategory(replayed, key);
                case "categoryVisitType" -> holdsCategory(replayed, key) && bill.visitType().name().equals(subKey);
                default -> false;
            };
        }

        private static boolean holdsCategory(ReplayBill replayed, String code) {
            for (PersonCategory category : replayed.person().categories()) {
                if (category.name().equals(code)) {
                    return true;
                }
            }
            return false;
        }

        /** The slice as the reports hold it, for its ratios (funds are not needed for a ratio). */
        Aggregate aggregate() {
            return new Aggregate(dimension, key, subKey, totals.settlements, persons.cardinality(), totals.total,
                    totals.scope, totals.fundTotal, totals.selfPay, totals.inCounty, Map.of());
        }
    }

    /**
     * @param funds   every fund to show, in order (both policies' funds, so that both sides have the same columns)
     * @param targets the county-year's targets as the reports read them (empty: none configured)
     */
    public SummaryBuilder(Policy policy, List<Fund> funds, List<Target> targets) {
        targets.forEach(target -> targetSlices.add(new TargetSlice(target)));
        for (Rule rule : policy.rules()) {
            if (rule.base().kind() != BaseSpec.Kind.SPECIAL_DRUG) {
                scopeRules.add(rule.id());
            }
        }
        funds.forEach(fund -> this.funds.put(fund.name(), ZERO));
    }

    /** @param person the person's index in the replay (0, 1, 2 … in order of first appearance) */
    public void add(ReplayBill replayed, int person, Calculation calculation) {
        Bill bill = replayed.bill();
        BigDecimal paidOnScope = ZERO;
        for (Step step : calculation.steps()) {
            if (scopeRules.contains(step.ruleId())) {
                paidOnScope = paidOnScope.add(step.amount());
            }
        }
        for (FundLine line : calculation.lines()) {
            funds.merge(line.fund().name(), line.amount(), BigDecimal::add);
        }
        persons.set(person);
        all.add(bill, calculation, paidOnScope);
        for (PersonCategory category : replayed.person().categories()) {
            byCategory.computeIfAbsent(category, c -> new Totals()).add(bill, calculation, paidOnScope);
        }
        byVisitType.computeIfAbsent(bill.visitType(), v -> new Totals()).add(bill, calculation, paidOnScope);
        if (bill.hospital() != null && bill.hospital().inCounty()) {
            inCounty++;
        }
        for (TargetSlice slice : targetSlices) {
            if (slice.holds(replayed)) {
                slice.totals.add(bill, calculation, paidOnScope);
                slice.persons.set(person);
            }
        }
        int bucket = BUCKETS.length - 1;
        while (bucket > 0 && calculation.selfPay().compareTo(BUCKETS[bucket]) < 0) {
            bucket--;
        }
        buckets[bucket]++;
    }

    public void refused() {
        refused++;
    }

    public Summary build(int betterOff, int worseOff) {
        List<Summary.Slice> categories = new ArrayList<>();
        byCategory.forEach((category, totals) -> categories.add(totals.slice(category.name())));
        List<Summary.Slice> visitTypes = new ArrayList<>();
        byVisitType.forEach((visitType, totals) -> visitTypes.add(totals.slice(visitType.name())));
        List<Summary.TargetResult> attained = new ArrayList<>();
        for (TargetSlice slice : targetSlices) {
            BigDecimal actual = slice.aggregate().ratio(slice.target.ratio());
            attained.add(new Summary.TargetResult(slice.target, actual, slice.target.met(actual)));
        }
        List<Summary.Bucket> distribution = new ArrayList<>();
        for (int i = 0; i < BUCKETS.length; i++) {
            distribution.add(new Summary.Bucket(BUCKETS[i], i + 1 < BUCKETS.length ? BUCKETS[i + 1] : null,
                    buckets[i]));
        }
        return new Summary(all.settlements, persons.cardinality(), all.total, all.scope, Collections.unmodifiableMap(
                new LinkedHashMap<>(funds)), all.fundTotal,
                all.selfPay, ratio(all.fundTotal, all.total), ratio(all.scopePaid, all.scope),
                all.settlements == 0 ? ratio(ZERO, ZERO) : ratio(BigDecimal.valueOf(inCounty),
                        BigDecimal.valueOf(all.settlements)), List.copyOf(categories), List.copyOf(visitTypes),
                List.copyOf(attained), List.copyOf(distribution), betterOff, worseOff, refused);
    }

    static BigDecimal ratio(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? new BigDecimal("0.0000") : part.divide(whole, 4, RoundingMode.HALF_UP);
    }
}
