package org.yidan.simulation.control;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yidan.policy.entity.BaseSpec;
import org.yidan.policy.entity.Bill;
import org.yidan.policy.entity.Calculation;
import org.yidan.policy.entity.Fund;
import org.yidan.policy.entity.FundLine;
import org.yidan.policy.control.Money;
import org.yidan.policy.entity.HospitalLevel;
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
 *
 * <p>A what-if adds up hundreds of thousands of bills on each side: the sums are kept as whole fen in {@code long}s
 * (each amount of a bill converted once, then added to every slice it falls in) and turned into amounts only by
 * {@link #build}, so that adding a bill makes no objects. An amount has at most two decimals (the calculator refuses
 * others); a sum is read back with the greatest scale of what it added, at least 2, as {@link BigDecimal#add} would
 * have given it.
 */
public final class SummaryBuilder {

    /** Bounds of the self-pay distribution, yuan; the first bucket holds exactly zero. */
    static final BigDecimal[] BUCKETS = {new BigDecimal("0.00"), new BigDecimal("0.01"), new BigDecimal("500.00"),
            new BigDecimal("1000.00"), new BigDecimal("2000.00"), new BigDecimal("5000.00"),
            new BigDecimal("10000.00"), new BigDecimal("20000.00"), new BigDecimal("50000.00")};
    /** {@link #BUCKETS} in fen. */
    private static final long[] BUCKET_FEN = new long[BUCKETS.length];

    static {
        for (int i = 0; i < BUCKETS.length; i++) {
            BUCKET_FEN[i] = Money.inFen(BUCKETS[i]);
        }
    }


    /** By the index of the rule in the policy's chain (= of its step in a calculation): whether it pays on the scope. */
    private final boolean[] scopeRule;
    /** The funds to show, in order, and their sums. */
    private final String[] fundNames;
    private final long[] fundFen;
    /** By the index of a calculation's line (one per fund of the policy, in its order): its slot in {@link #fundFen}. */
    private final int[] lineSlot;
    /** Persons by their index in the replay: a bit each instead of hashing an ID number per bill. */
    private final BitSet persons = new BitSet();
    private final Totals all = new Totals();
    private final Totals[] byCategory = new Totals[PersonCategory.values().length];
    private final Totals[] byVisitType = new Totals[VisitType.values().length];
    private final int[] buckets = new int[BUCKETS.length];
    private final List<TargetSlice> targetSlices = new ArrayList<>();
    private int inCounty;
    private int refused;

    /** Totals of one slice in fen; {@code scopePaid} is what the rules based on the policy scope paid. */
    private static final class Totals {
        int settlements;
        long total;
        int totalScale = Money.SCALE;
        long scope;
        int scopeScale = Money.SCALE;
        long fundTotal;
        long selfPay;
        long scopePaid;
        int inCounty;

        void add(Bill bill, boolean inCountyHospital, long billTotal, long billScope, long billFundTotal,
                 long billSelfPay, long paidOnScope) {
            settlements++;
            if (inCountyHospital) {
                inCounty++;
            }
            total += billTotal;
            totalScale = Math.max(totalScale, bill.totalAmount().scale());
            scope += billScope;
            scopeScale = Math.max(scopeScale, bill.policyScopeAmount().scale());
            fundTotal += billFundTotal;
            selfPay += billSelfPay;
            scopePaid += paidOnScope;
        }

        BigDecimal total() {
            return amount(total, totalScale);
        }

        BigDecimal scope() {
            return amount(scope, scopeScale);
        }

        BigDecimal fundTotal() {
            return amount(fundTotal, Money.SCALE);
        }

        BigDecimal selfPay() {
            return amount(selfPay, Money.SCALE);
        }

        BigDecimal scopePaid() {
            return amount(scopePaid, Money.SCALE);
        }

        Summary.Slice slice(String key) {
            BigDecimal total = total();
            BigDecimal scope = scope();
            BigDecimal fundTotal = fundTotal();
            return new Summary.Slice(key, settlements, total, scope, fundTotal, selfPay(), ratio(fundTotal, total),
                    ratio(scopePaid(), scope));
        }
    }

    /**
     * One target's slice ({@link Target#sliceKeys()}: {@code all}, a visit type, a category, a hospital level or a
     * category × visit type) with its own totals and persons. The keys are looked up once: a key that names no
     * visit type, level or category holds no bill.
     */
    private static final class TargetSlice {
        final Target target;
        final String dimension;
        final String key;
        final String subKey;
        final VisitType visitType;
        final HospitalLevel hospitalLevel;
        final PersonCategory category;
        final Totals totals = new Totals();
        final BitSet persons = new BitSet();

        TargetSlice(Target target) {
            this.target = target;
            String[] keys = target.sliceKeys();
            dimension = keys[0];
            key = keys[1];
            subKey = keys[2];
            visitType = switch (dimension) {
                case "visitType" -> named(VisitType.values(), key);
                case "categoryVisitType" -> named(VisitType.values(), subKey);
                default -> null;
            };
            hospitalLevel = "hospitalLevel".equals(dimension) ? named(HospitalLevel.values(), key) : null;
            category = "category".equals(dimension) || "categoryVisitType".equals(dimension)
                    ? named(PersonCategory.values(), key) : null;
        }

        private static <E extends Enum<E>> E named(E[] values, String name) {
            for (E value : values) {
                if (value.name().equals(name)) {
                    return value;
                }
            }
            return null;
        }

        boolean holds(ReplayBill replayed) {
            Bill bill = replayed.bill();
            return switch (dimension) {
                case "all" -> true;
                case "visitType" -> visitType != null && bill.visitType() == visitType;
                case "hospitalLevel" -> hospitalLevel != null && bill.hospitalLevel() == hospitalLevel;
                case "category" -> category != null && replayed.person().categories().contains(category);
                case "categoryVisitType" -> category != null && visitType != null && bill.visitType() == visitType
                        && replayed.person().categories().contains(category);
                default -> false;
            };
        }

        /** The slice as the reports hold it, for its ratios (funds are not needed for a ratio). */
        Aggregate aggregate() {
            return new Aggregate(dimension, key, subKey, totals.settlements, persons.cardinality(), totals.total(),
                    totals.scope(), totals.fundTotal(), totals.selfPay(), totals.inCounty, Map.of());
        }
    }

    /**
     * @param funds   every fund to show, in order (both policies' funds, so that both sides have the same columns)
     * @param targets the county-year's targets as the reports read them (empty: none configured)
     */
    public SummaryBuilder(Policy policy, List<Fund> funds, List<Target> targets) {
        targets.forEach(target -> targetSlices.add(new TargetSlice(target)));
        List<Rule> rules = policy.rules();
        scopeRule = new boolean[rules.size()];
        for (int i = 0; i < scopeRule.length; i++) {
            scopeRule[i] = rules.get(i).base().kind() != BaseSpec.Kind.SPECIAL_DRUG;
        }
        List<String> names = new ArrayList<>();
        funds.forEach(fund -> {
            if (!names.contains(fund.name())) {
                names.add(fund.name());
            }
        });
        List<Fund> lines = policy.funds();
        lineSlot = new int[lines.size()];
        for (int i = 0; i < lineSlot.length; i++) {
            String name = lines.get(i).name();
            if (!names.contains(name)) {
                names.add(name);
            }
            lineSlot[i] = names.indexOf(name);
        }
        fundNames = names.toArray(String[]::new);
        fundFen = new long[fundNames.length];
    }

    /**
     * @param person      the person's index in the replay (0, 1, 2 … in order of first appearance)
     * @param calculation the calculator's: one line per fund of the policy in its order, one step per rule in chain
     *                    order, {@code fundTotal = Σ lines = Σ steps} and {@code selfPay = totalAmount − fundTotal}
     *                    ({@link Calculation}); its sums are taken in fen from the lines, each amount converted once
     * @return the bill's self-pay in fen
     */
    public long add(ReplayBill replayed, int person, Calculation calculation) {
        Bill bill = replayed.bill();
        long fundTotal = 0;
        List<FundLine> lines = calculation.lines();
        for (int i = 0; i < lines.size(); i++) {
            BigDecimal amount = lines.get(i).amount();
            if (amount.signum() != 0) {
                long fen = Money.inFen(amount);
                fundFen[lineSlot[i]] += fen;
                fundTotal += fen;
            }
        }
        // what the rules based on the scope paid: all but the special-drug rules' steps
        long notOnScope = 0;
        List<Step> steps = calculation.steps();
        for (int i = 0; i < steps.size(); i++) {
            BigDecimal amount = steps.get(i).amount();
            if (!scopeRule[i] && amount.signum() != 0) {
                notOnScope += Money.inFen(amount);
            }
        }
        long paidOnScope = fundTotal - notOnScope;
        boolean inCountyHospital = bill.hospital() != null && bill.hospital().inCounty();
        long total = Money.inFen(bill.totalAmount());
        long scope = Money.inFen(bill.policyScopeAmount());
        // the calculation's total is the bill's to the fen
        long selfPay = total - fundTotal;
        persons.set(person);
        all.add(bill, inCountyHospital, total, scope, fundTotal, selfPay, paidOnScope);
        for (PersonCategory category : replayed.person().categories()) {
            Totals totals = byCategory[category.ordinal()];
            if (totals == null) {
                totals = byCategory[category.ordinal()] = new Totals();
            }
            totals.add(bill, inCountyHospital, total, scope, fundTotal, selfPay, paidOnScope);
        }
        Totals visitType = byVisitType[bill.visitType().ordinal()];
        if (visitType == null) {
            visitType = byVisitType[bill.visitType().ordinal()] = new Totals();
        }
        visitType.add(bill, inCountyHospital, total, scope, fundTotal, selfPay, paidOnScope);
        if (inCountyHospital) {
            inCounty++;
        }
        for (TargetSlice slice : targetSlices) {
            if (slice.holds(replayed)) {
                slice.totals.add(bill, inCountyHospital, total, scope, fundTotal, selfPay, paidOnScope);
                slice.persons.set(person);
            }
        }
        int bucket = BUCKETS.length - 1;
        while (bucket > 0 && selfPay < BUCKET_FEN[bucket]) {
            bucket--;
        }
        buckets[bucket]++;
        return selfPay;
    }

    public void refused() {
        refused++;
    }

    public Summary build(int betterOff, int worseOff) {
        List<Summary.Slice> categories = new ArrayList<>();
        for (PersonCategory category : PersonCategory.values()) {
            if (byCategory[category.ordinal()] != null) {
                categories.add(byCategory[category.ordinal()].slice(category.name()));
            }
        }
        List<Summary.Slice> visitTypes = new ArrayList<>();
        for (VisitType visitType : VisitType.values()) {
            if (byVisitType[visitType.ordinal()] != null) {
                visitTypes.add(byVisitType[visitType.ordinal()].slice(visitType.name()));
            }
        }
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
        Map<String, BigDecimal> funds = new LinkedHashMap<>();
        for (int i = 0; i < fundNames.length; i++) {
            funds.put(fundNames[i], amount(fundFen[i], Money.SCALE));
        }
        BigDecimal total = all.total();
        BigDecimal scope = all.scope();
        BigDecimal fundTotal = all.fundTotal();
        return new Summary(all.settlements, persons.cardinality(), total, scope, Collections.unmodifiableMap(funds),
                fundTotal, all.selfPay(), ratio(fundTotal, total), ratio(all.scopePaid(), scope),
                all.settlements == 0 ? ratio(Money.ZERO, Money.ZERO) : ratio(BigDecimal.valueOf(inCounty),
                        BigDecimal.valueOf(all.settlements)), List.copyOf(categories), List.copyOf(visitTypes),
                List.copyOf(attained), List.copyOf(distribution), betterOff, worseOff, refused);
    }

    /** A sum of fen as yuan at {@code scale} (at least 2). */
    static BigDecimal amount(long fen, int scale) {
        BigDecimal amount = Money.ofFen(fen);
        return scale == Money.SCALE ? amount : amount.setScale(scale);
    }

    static BigDecimal ratio(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? new BigDecimal("0.0000") : part.divide(whole, 4, RoundingMode.HALF_UP);
    }
}
