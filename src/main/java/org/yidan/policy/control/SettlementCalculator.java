package org.yidan.policy.control;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.yidan.platform.control.RefusedException;
import org.yidan.policy.entity.Accumulator;
import org.yidan.policy.entity.AccumulatorDelta;
import org.yidan.policy.entity.AccumulatorKey;
import org.yidan.policy.entity.BaseSpec;
import org.yidan.policy.entity.Bill;
import org.yidan.policy.entity.BillItem;
import org.yidan.policy.entity.Calculation;
import org.yidan.policy.entity.Fund;
import org.yidan.policy.entity.FundLine;
import org.yidan.policy.entity.HospitalLevel;
import org.yidan.policy.entity.ItemCategory;
import org.yidan.policy.entity.PersonCategory;
import org.yidan.policy.entity.PersonSnapshot;
import org.yidan.policy.entity.Policy;
import org.yidan.policy.entity.Rule;
import org.yidan.policy.entity.RuleKind;
import org.yidan.policy.entity.Segment;
import org.yidan.policy.entity.Step;
import org.yidan.policy.entity.StepOutcome;
import org.yidan.policy.entity.VisitType;

/**
 * Settles one bill across a county's rule chain: pure, no I/O, thread-safe.
 *
 * <p>Each rule in turn takes what is left of its base, pays an amount (scale 2, half-up to the fen, never more than
 * the base) and lowers what is left for the rules after it:
 * <ul>
 *   <li>{@code EXTERNAL}: pays {@code externalPayments[fund]} (0 when absent); more than the base is refused.</li>
 *   <li>{@code TIERED}: with {@code f(x) = Σ ratio × |[lo,hi) ∩ [0,x)|}, {@code B0} the rule's base accumulated
 *       this year and {@code b} this bill's base: {@code pay = min(f(B0 + b) − f(B0), cap − paidThisYear, b)};
 *       the rule's base accumulator grows by {@code b} even when the cap binds, its paid accumulator (and the
 *       shared cap's, if any) by {@code pay}.</li>
 *   <li>{@code TARGET_RATIO r}: {@code pay = min(max(0, round(r × scope) − paidOnScopeSoFar), base)}.</li>
 * </ul>
 * Bases: {@code SCOPE} what is left of the policy scope; {@code SPECIAL_DRUG} what is left of the special drugs;
 * {@code ITEMS:C1,C2} what is left of those items, at most what is left of the scope; a payment from items lowers
 * the scope and the items (in the listed order).
 *
 * <p>Use: {@code calculate(policy, person, bill, accumulators)} with the values of
 * {@link Policy#accumulatorKeysFor(Bill)} (absent = zero); add the returned
 * {@link Calculation#accumulatorDeltas()} to the stored accumulators; on reversal add their
 * {@link AccumulatorDelta#negate()}.
 */
public final class SettlementCalculator {

    public static final String AMOUNT_INVALID = "AMOUNT_INVALID";
    public static final String SCOPE_EXCEEDS_TOTAL = "SCOPE_EXCEEDS_TOTAL";
    public static final String ITEMS_EXCEED_SCOPE = "ITEMS_EXCEED_SCOPE";
    public static final String EXTERNAL_EXCEEDS_BASE = "EXTERNAL_EXCEEDS_BASE";
    /** An external amount for a fund whose EXTERNAL rule does not apply to this bill (or does not exist). */
    public static final String EXTERNAL_NOT_APPLICABLE = "EXTERNAL_NOT_APPLICABLE";
    public static final String DATES_INVALID = "DATES_INVALID";
    public static final String NOT_ELIGIBLE = "NOT_ELIGIBLE";
    public static final String UNKNOWN_VALUE = "UNKNOWN_VALUE";
    public static final String NO_POLICY = "NO_POLICY";

    private static final int ITEM_CATEGORIES = ItemCategory.values().length;

    private static final Explanations TEXT = Explanations.load();

    /** Per policy (by fingerprint, i.e. by parameters), everything about its rules that no bill changes. */
    private final Map<String, Plan> plans = new ConcurrentHashMap<>();

    /**
     * Settles {@code bill} for {@code person} under {@code policy}.
     *
     * @param person       categories and approved diseases on the bill's discharge date
     * @param accumulators the person's accumulators for the policy year, at least those of
     *                     {@link Policy#accumulatorKeysFor(Bill)}; an absent key counts as zero
     * @throws RefusedException 422 with one of this class's codes when the bill or the person is refused
     */
    public Calculation calculate(Policy policy, PersonSnapshot person, Bill bill,
                                 Map<AccumulatorKey, Accumulator> accumulators) {
        return calculate(policy, person, bill, accumulators, true);
    }

    /**
     * As {@link #calculate(Policy, PersonSnapshot, Bill, Map)}, with every step's explanation empty: the same
     * amounts, outcomes, lines and accumulator deltas, by the same code, without composing the sentences. For the
     * policy what-if, which adds up the amounts of a county-year's bills and shows no explanation: composing them was
     * a good part of its time and most of its garbage.
     */
    public Calculation calculateAmounts(Policy policy, PersonSnapshot person, Bill bill,
                                        Map<AccumulatorKey, Accumulator> accumulators) {
        return calculate(policy, person, bill, accumulators, false);
    }

    private Calculation calculate(Policy policy, PersonSnapshot person, Bill bill,
                                  Map<AccumulatorKey, Accumulator> accumulators, boolean explained) {
        validate(bill);
        if (bill.dischargeDate().getYear() != policy.year()) {
            throw RefusedException.unprocessable(NO_POLICY, "dischargeDate", "The policy " + policy.id()
                    + " does not cover a discharge on " + bill.dischargeDate());
        }
        if (!person.isBeneficiary()) {
            throw RefusedException.unprocessable(NOT_ELIGIBLE, "idNumber",
                    "The person holds no beneficiary category on the discharge date " + bill.dischargeDate());
        }
        Plan plan = plans.computeIfAbsent(policy.fingerprint(), fingerprint -> new Plan(policy, TEXT));
        return new Run(plan, person, bill, accumulators, explained).settle();
    }

    /**
     * Whether the person can be settled at all: the one answer the counter shows and {@link #calculate} enforces.
     * A person who has exited (销号) has an empty snapshot from the exit date on.
     */
    public static boolean eligible(PersonSnapshot person) {
        return person.isBeneficiary();
    }

    /**
     * The rules that can pay this person under {@code policy}, whatever the bill's amounts: the person holds one of
     * their categories and diseases, and within a group only the first such rule, as {@link #calculate} chooses.
     * Empty for a person who is not {@link #eligible}.
     *
     * @param visitType  only rules for this visit type, or any visit type when {@code null}
     */
    public static List<Rule> rulesFor(Policy policy, PersonSnapshot person, VisitType visitType) {
        if (!eligible(person)) {
            return List.of();
        }
        List<Rule> applicable = new ArrayList<>();
        Set<String> groupsTaken = new HashSet<>();
        for (Rule rule : policy.rules()) {
            boolean visitAccepted = visitType == null || rule.visitTypes().isEmpty()
                    || rule.visitTypes().contains(visitType);
            if (!visitAccepted || !rule.accepts(person)) {
                continue;
            }
            if (rule.group() != null && !groupsTaken.add(rule.group())) {
                continue;
            }
            applicable.add(rule);
        }
        return List.copyOf(applicable);
    }

    /**
     * Refuses a bill brought to settlement (or its preview) whose discharge date is after the county's
     * {@code today}: a bill is settled at discharge (出院结算), so a later date is a slip of the year or month, and
     * settled it would book the stay into a month to come and use up that year's caps. Not part of
     * {@link #validate}: a what-if replays bills against their own dates, whatever today is.
     *
     * @throws RefusedException 422 {@code DATES_INVALID} naming {@code dischargeDate}
     */
    public static void requireDischargedBy(Bill bill, java.time.LocalDate today) {
        if (bill.dischargeDate() != null && bill.dischargeDate().isAfter(today)) {
            throw RefusedException.unprocessable(DATES_INVALID, "dischargeDate", "The discharge date "
                    + bill.dischargeDate() + " is after today (" + today + "): a bill is settled at discharge");
        }
    }

    /**
     * Refuses a bill that no policy could settle: amounts negative or finer than the fen, policy scope plus special
     * drugs above the total, items above the policy scope, discharge before admission, missing visit type or
     * hospital level.
     *
     * @throws RefusedException 422 naming the offending field
     */
    public static void validate(Bill bill) {
        if (bill.visitType() == null) {
            throw RefusedException.unprocessable(UNKNOWN_VALUE, "visitType", "The visit type is missing");
        }
        if (bill.hospitalLevel() == null) {
            throw RefusedException.unprocessable(UNKNOWN_VALUE, "hospital.level", "The hospital level is missing");
        }
        requireAmount("totalAmount", bill.totalAmount());
        requireAmount("policyScopeAmount", bill.policyScopeAmount());
        requireAmount("specialDrugAmount", bill.specialDrugAmount());
        BigDecimal items = BigDecimal.ZERO;
        for (int i = 0; i < bill.items().size(); i++) {
            BillItem item = bill.items().get(i);
            if (item == null || item.category() == null) {
                throw RefusedException.unprocessable(UNKNOWN_VALUE, "items[" + i + "].category",
                        "The item category is missing");
            }
            if (!Money.isValidAmount(item.amount())) {
                // the field's name is composed only for a refusal: valid bills are most of them
                requireAmount("items[" + i + "].amount", item.amount());
            }
            items = items.add(item.amount());
        }
        for (Map.Entry<Fund, BigDecimal> external : bill.externalPayments().entrySet()) {
            if (!Money.isValidAmount(external.getValue())) {
                requireAmount("externalPayments." + external.getKey(), external.getValue());
            }
        }
        if (bill.admissionDate() == null) {
            throw RefusedException.unprocessable(DATES_INVALID, "admissionDate", "The admission date is missing");
        }
        if (bill.dischargeDate() == null) {
            throw RefusedException.unprocessable(DATES_INVALID, "dischargeDate", "The discharge date is missing");
        }
        if (bill.dischargeDate().isBefore(bill.admissionDate())) {
            throw RefusedException.unprocessable(DATES_INVALID, "dischargeDate", "The discharge date "
                    + bill.dischargeDate() + " is before the admission date " + bill.admissionDate());
        }
        if (bill.policyScopeAmount().add(bill.specialDrugAmount()).compareTo(bill.totalAmount()) > 0) {
            throw RefusedException.unprocessable(SCOPE_EXCEEDS_TOTAL, "policyScopeAmount",
                    "Policy scope " + bill.policyScopeAmount() + " plus special drugs " + bill.specialDrugAmount()
                            + " exceed the total " + bill.totalAmount());
        }
        if (items.compareTo(bill.policyScopeAmount()) > 0) {
            throw RefusedException.unprocessable(ITEMS_EXCEED_SCOPE, "items",
                    "The items add up to " + items + ", more than the policy scope " + bill.policyScopeAmount());
        }
    }

    private static void requireAmount(String field, BigDecimal amount) {
        if (amount == null) {
            throw RefusedException.unprocessable(AMOUNT_INVALID, field, field + " is missing");
        }
        if (!Money.isValidAmount(amount)) {
            throw RefusedException.unprocessable(AMOUNT_INVALID, field,
                    field + " must be a non-negative amount with at most two decimals, not " + amount.toPlainString());
        }
    }

    private static BigDecimal fen(BigDecimal validAmount) {
        return validAmount.setScale(Money.SCALE, Money.ROUNDING);
    }

    /** A rule with its keys, labels and the sentences that do not depend on the bill, prepared once. */
    private static final class RulePlan {
        final Rule rule;
        /** The rule's place in the chain. */
        final int index;
        /** Its group's place among the policy's groups ({@link Plan#groups}), -1 when it has none. */
        int group = -1;
        final AccumulatorKey ruleKey;
        final AccumulatorKey sharedCapKey;
        final AccumulatorKey capCounter;
        final String fundName;
        final String baseName;
        final String label;
        final Segment[] segments;
        final String[] segmentLabels;
        final String[] ratioTexts;
        final String deductible;
        final String cap;
        final String capShared;
        final String targetRatio;
        final String externalNone;
        final String nothing;
        final String[] visitTypeRefusal = new String[VisitType.values().length];
        final String[] hospitalLevelRefusal = new String[HospitalLevel.values().length];
        final String categoryRefusal;
        final String diseaseRefusal;
        final Map<String, String> exclusions = new HashMap<>();

        RulePlan(Rule rule, int index, Explanations text) {
            this.rule = rule;
            this.index = index;
            this.ruleKey = rule.accumulatorKey();
            this.sharedCapKey = rule.capKey() == null ? null : AccumulatorKey.cap(rule.capKey());
            this.capCounter = rule.capAccumulatorKey();
            this.fundName = rule.fund().displayName();
            this.baseName = text.baseName(rule.base());
            this.label = text.ruleLabel(rule);
            this.segments = rule.segments().toArray(Segment[]::new);
            this.segmentLabels = new String[segments.length];
            this.ratioTexts = new String[segments.length];
            for (int i = 0; i < segments.length; i++) {
                Segment segment = segments[i];
                segmentLabels[i] = segment.isOpen()
                        ? segment.lo().signum() == 0 ? text.segmentAll
                        : text.segmentOpen.format(Money.formatBound(segment.lo()))
                        : text.segmentClosed.format(Money.formatBound(segment.lo()), Money.formatBound(segment.hi()));
                ratioTexts[i] = Money.formatRatio(segment.ratio());
            }
            this.deductible = segments.length > 0 && segments[0].ratio().signum() == 0 && !segments[0].isOpen()
                    ? text.tieredDeductible.format(Money.format(segments[0].hi())) : null;
            this.cap = rule.cap() == null ? null : Money.format(rule.cap());
            this.capShared = rule.capKey() == null ? "" : text.capShared;
            this.targetRatio = rule.targetRatio() == null ? null : Money.formatRatio(rule.targetRatio());
            this.externalNone = text.externalNone.format(fundName);
            this.nothing = text.tieredNothing.format(fundName, baseName);
            for (VisitType visitType : VisitType.values()) {
                if (!rule.visitTypes().isEmpty() && !rule.visitTypes().contains(visitType)) {
                    visitTypeRefusal[visitType.ordinal()] = text.notEligibleVisitType.format(fundName,
                            text.visitTypes(rule.visitTypes()), visitType.displayName());
                }
            }
            for (HospitalLevel level : HospitalLevel.values()) {
                if (!rule.hospitalLevels().isEmpty() && !rule.hospitalLevels().contains(level)) {
                    hospitalLevelRefusal[level.ordinal()] = text.notEligibleHospitalLevel.format(fundName,
                            text.hospitalLevels(rule.hospitalLevels()), level.displayName());
                }
            }
            this.categoryRefusal = text.notEligibleCategory.format(fundName, text.categories(rule.categories()));
            this.diseaseRefusal = text.notEligibleChronicDisease.format(fundName,
                    text.diseases(rule.chronicDiseases()));
        }
    }

    /** The prepared rules of one policy. */
    private static final class Plan {
        final Policy policy;
        /** {@link Policy#id()}, which composes it anew each time it is asked. */
        final String policyId;
        final RulePlan[] rules;
        /** How many groups the rules form. */
        final int groups;
        /** By fund of the policy (in its order): the indices of its rules in the chain, i.e. of their steps. */
        final int[][] rulesOfFund;

        Plan(Policy policy, Explanations text) {
            this.policy = policy;
            this.policyId = policy.id();
            this.groups = (int) policy.rules().stream().map(Rule::group).filter(java.util.Objects::nonNull)
                    .distinct().count();
            List<Fund> funds = policy.funds();
            this.rulesOfFund = new int[funds.size()][];
            for (int fund = 0; fund < rulesOfFund.length; fund++) {
                List<Integer> indices = new ArrayList<>();
                for (int rule = 0; rule < policy.rules().size(); rule++) {
                    if (policy.rules().get(rule).fund().equals(funds.get(fund))) {
                        indices.add(rule);
                    }
                }
                rulesOfFund[fund] = indices.stream().mapToInt(Integer::intValue).toArray();
            }
            this.rules = new RulePlan[policy.rules().size()];
            List<String> groupNames = new ArrayList<>();
            for (int i = 0; i < rules.length; i++) {
                rules[i] = new RulePlan(policy.rules().get(i), i, text);
                Rule rule = rules[i].rule;
                if (rule.group() != null) {
                    if (!groupNames.contains(rule.group())) {
                        groupNames.add(rule.group());
                    }
                    rules[i].group = groupNames.indexOf(rule.group());
                }
                for (int earlier = 0; earlier < i; earlier++) {
                    RulePlan winner = rules[earlier];
                    if (rule.group() != null && rule.group().equals(winner.rule.group())) {
                        rules[i].exclusions.put(winner.rule.id(),
                                text.excludedByGroup.format(rules[i].fundName, rules[i].label, winner.label));
                    }
                }
            }
        }
    }

    /** The state of one settlement while the chain runs. */
    private static final class Run {
        private final Plan plan;
        private final Policy policy;
        private final PersonSnapshot person;
        private final Bill bill;
        private final Map<AccumulatorKey, Accumulator> accumulators;
        private final BigDecimal scope;
        private BigDecimal scopeLeft;
        private BigDecimal drugLeft;
        private final BigDecimal[] itemsLeft = new BigDecimal[ITEM_CATEGORIES];
        /** By group ({@link RulePlan#group}): the first rule of it that applied. Arrays, not maps: one per bill. */
        private final RulePlan[] groupWinners;
        private final Map<AccumulatorKey, BigDecimal[]> deltas = new HashMap<>(8);
        /** By rule index: whether it is an EXTERNAL rule that settled its fund's external amount. */
        private final boolean[] externalSettled;
        /** Whether the steps are explained; if not, each explanation is empty and none is composed. */
        private final boolean explained;

        Run(Plan plan, PersonSnapshot person, Bill bill, Map<AccumulatorKey, Accumulator> accumulators,
            boolean explained) {
            this.plan = plan;
            this.explained = explained;
            this.groupWinners = new RulePlan[plan.groups];
            this.externalSettled = new boolean[plan.rules.length];
            this.policy = plan.policy;
            this.person = person;
            this.bill = bill;
            this.accumulators = accumulators;
            this.scope = fen(bill.policyScopeAmount());
            this.scopeLeft = scope;
            this.drugLeft = fen(bill.specialDrugAmount());
            for (BillItem item : bill.items()) {
                int index = item.category().ordinal();
                BigDecimal amount = fen(item.amount());
                itemsLeft[index] = itemsLeft[index] == null ? amount : itemsLeft[index].add(amount);
            }
        }

        Calculation settle() {
            List<Step> steps = new ArrayList<>(plan.rules.length);
            for (RulePlan rule : plan.rules) {
                steps.add(apply(rule));
            }
            for (Map.Entry<Fund, BigDecimal> external : bill.externalPayments().entrySet()) {
                if (external.getValue().signum() != 0 && !externalSettled(external.getKey())) {
                    throw RefusedException.unprocessable(EXTERNAL_NOT_APPLICABLE,
                            "externalPayments." + external.getKey(), "No EXTERNAL rule of the policy "
                                    + policy.id() + " for " + external.getKey() + " applies to this bill");
                }
            }
            // each step is of its rule's fund: the lines group them by the plan's index, in chain order
            List<Fund> funds = policy.funds();
            List<FundLine> lines = new ArrayList<>(funds.size());
            BigDecimal fundTotal = Money.ZERO;
            for (int fund = 0; fund < funds.size(); fund++) {
                int[] rulesOfFund = plan.rulesOfFund[fund];
                List<Step> fundSteps = new ArrayList<>(rulesOfFund.length);
                BigDecimal amount = Money.ZERO;
                for (int rule : rulesOfFund) {
                    Step step = steps.get(rule);
                    fundSteps.add(step);
                    amount = amount.add(step.amount());
                }
                lines.add(new FundLine(funds.get(fund), amount, fundSteps));
                fundTotal = fundTotal.add(amount);
            }
            BigDecimal total = fen(bill.totalAmount());
            return new Calculation(plan.policyId, policy.fingerprint(), total, lines, steps, fundTotal,
                    total.subtract(fundTotal), sortedDeltas());
        }

        private Step apply(RulePlan plan) {
            Rule rule = plan.rule;
            String refusal = refusal(plan);
            if (refusal != null) {
                if (rule.kind() == RuleKind.EXTERNAL) {
                    refuseExternalIfPaid(rule, "does not apply to this bill or person");
                }
                return new Step(rule.id(), rule.fund(), Money.ZERO, Money.ZERO, text(refusal),
                        StepOutcome.NOT_ELIGIBLE, false);
            }
            if (plan.group >= 0) {
                RulePlan winner = groupWinners[plan.group];
                if (winner == null) {
                    groupWinners[plan.group] = plan;
                } else {
                    if (rule.kind() == RuleKind.EXTERNAL) {
                        refuseExternalIfPaid(rule, "is excluded by the rule " + winner.rule.id() + " of its group");
                    }
                    return new Step(rule.id(), rule.fund(), Money.ZERO, Money.ZERO,
                            text(plan.exclusions.get(winner.rule.id())), StepOutcome.EXCLUDED_BY_GROUP, false);
                }
            }
            BigDecimal base = baseOf(rule.base());
            Step step = switch (rule.kind()) {
                case EXTERNAL -> external(plan, base);
                case TIERED -> tiered(plan, base);
                case TARGET_RATIO -> targetRatio(plan, base);
            };
            take(rule.base(), step.amount());
            return step;
        }

        /** Whether an EXTERNAL rule of {@code fund} settled its external amount. */
        private boolean externalSettled(Fund fund) {
            for (int i = 0; i < externalSettled.length; i++) {
                if (externalSettled[i] && plan.rules[i].rule.fund().equals(fund)) {
                    return true;
                }
            }
            return false;
        }

        /** A sentence prepared with the policy, or nothing when the steps are not explained. */
        private String text(String prepared) {
            return explained ? prepared : "";
        }

        /** Why the rule does not apply to this bill and person, or {@code null} when it does. */
        private String refusal(RulePlan plan) {
            String refusal = plan.visitTypeRefusal[bill.visitType().ordinal()];
            if (refusal == null) {
                refusal = plan.hospitalLevelRefusal[bill.hospitalLevel().ordinal()];
            }
            if (refusal == null && !plan.rule.accepts(person)) {
                Set<PersonCategory> categories = plan.rule.categories();
                boolean categoryHeld = categories.isEmpty();
                for (PersonCategory held : person.categories()) {
                    categoryHeld |= categories.contains(held);
                }
                refusal = categoryHeld ? plan.diseaseRefusal : plan.categoryRefusal;
            }
            return refusal;
        }

        private void refuseExternalIfPaid(Rule rule, String why) {
            BigDecimal amount = bill.externalPayments().get(rule.fund());
            if (amount != null && amount.signum() != 0) {
                throw RefusedException.unprocessable(EXTERNAL_NOT_APPLICABLE, "externalPayments." + rule.fund(),
                        "The rule " + rule.id() + " that settles " + rule.fund() + " " + why);
            }
        }

        private Step external(RulePlan plan, BigDecimal base) {
            Rule rule = plan.rule;
            externalSettled[plan.index] = true;
            BigDecimal amount = bill.externalPayments().get(rule.fund());
            if (amount == null) {
                return new Step(rule.id(), rule.fund(), base, Money.ZERO, text(plan.externalNone),
                        StepOutcome.APPLIED, false);
            }
            amount = fen(amount);
            if (amount.compareTo(base) > 0) {
                throw RefusedException.unprocessable(EXTERNAL_EXCEEDS_BASE, "externalPayments." + rule.fund(),
                        rule.fund() + " pays " + amount + " but only " + base + " is left of its base " + rule.base());
            }
            return new Step(rule.id(), rule.fund(), base, amount,
                    explained ? TEXT.external.format(plan.fundName, Money.format(amount)) : "", StepOutcome.APPLIED,
                    false);
        }

        private Step tiered(RulePlan plan, BigDecimal base) {
            Rule rule = plan.rule;
            if (base.signum() == 0) {
                return new Step(rule.id(), rule.fund(), base, Money.ZERO, text(plan.nothing), StepOutcome.APPLIED,
                        false);
            }
            BigDecimal from = current(plan.ruleKey).base();
            BigDecimal to = from.add(base);

            // null: not explained (the sentence is composed only where it is read)
            StringBuilder explanation = explained ? new StringBuilder(200) : null;
            if (explanation != null) {
                TEXT.tieredHead.appendTo(explanation, plan.fundName, plan.baseName, Money.format(to));
                if (plan.deductible != null) {
                    explanation.append(plan.deductible);
                }
                explanation.append(TEXT.tieredSeparator);
            }

            BigDecimal raw = BigDecimal.ZERO;
            int parts = 0;
            int paidParts = 0;
            Segment[] segments = plan.segments;
            for (int i = 0; i < segments.length; i++) {
                Segment segment = segments[i];
                if (segment.lo().compareTo(to) >= 0) {
                    break;
                }
                BigDecimal lo = segment.lo().max(from);
                BigDecimal hi = segment.isOpen() ? to : segment.hi().min(to);
                if (hi.compareTo(lo) <= 0) {
                    continue;
                }
                BigDecimal part = hi.subtract(lo);
                if (parts++ > 0 && explanation != null) {
                    explanation.append(TEXT.partSeparator);
                }
                if (segment.ratio().signum() == 0) {
                    if (explanation == null) {
                        continue;
                    }
                    if (i == 0) {
                        TEXT.partDeductible.appendTo(explanation, Money.format(part));
                    } else {
                        TEXT.partUnpaid.appendTo(explanation, plan.segmentLabels[i], Money.format(part));
                    }
                } else {
                    BigDecimal share = part.multiply(segment.ratio());
                    raw = raw.add(share);
                    paidParts++;
                    if (explanation != null) {
                        TEXT.partPaid.appendTo(explanation, plan.segmentLabels[i], plan.ratioTexts[i],
                                Money.format(part), Money.format(share));
                    }
                }
            }
            BigDecimal pay = Money.toFen(raw);
            if (paidParts > 1 && explanation != null) {
                explanation.append(TEXT.tieredSeparator);
                TEXT.tieredTotal.appendTo(explanation, Money.format(pay));
            }

            boolean capBound = false;
            if (rule.cap() != null) {
                BigDecimal capLeft = rule.cap().subtract(current(plan.capCounter).paid()).max(Money.ZERO);
                if (explanation != null) {
                    explanation.append(TEXT.partSeparator);
                }
                if (capLeft.signum() == 0) {
                    if (explanation != null) {
                        TEXT.capReached.appendTo(explanation, plan.cap, "", plan.capShared);
                    }
                    capBound = pay.signum() > 0;
                    pay = Money.ZERO;
                } else if (capLeft.compareTo(pay) < 0) {
                    if (explanation != null) {
                        TEXT.capPartial.appendTo(explanation, plan.cap, Money.format(capLeft), plan.capShared);
                    }
                    capBound = true;
                    pay = capLeft;
                } else if (explanation != null) {
                    TEXT.capLeft.appendTo(explanation, plan.cap, Money.format(capLeft), plan.capShared);
                }
            }
            pay = pay.min(base);

            addDelta(plan.ruleKey, base, pay);
            if (plan.sharedCapKey != null) {
                addDelta(plan.sharedCapKey, Money.ZERO, pay);
            }
            return new Step(rule.id(), rule.fund(), base, pay, explanation == null ? "" : explanation.toString(),
                    StepOutcome.APPLIED, capBound);
        }

        private Step targetRatio(RulePlan plan, BigDecimal base) {
            Rule rule = plan.rule;
            BigDecimal target = Money.toFen(rule.targetRatio().multiply(scope));
            BigDecimal paidSoFar = scope.subtract(scopeLeft);
            BigDecimal shortfall = target.subtract(paidSoFar).max(Money.ZERO);
            BigDecimal pay = shortfall.min(base);
            String explanation = !explained ? ""
                    : shortfall.signum() == 0
                    ? TEXT.targetReached.format(plan.fundName, plan.targetRatio, Money.format(scope),
                    Money.format(target), Money.format(paidSoFar))
                    : TEXT.target.format(plan.fundName, plan.targetRatio, Money.format(scope), Money.format(target),
                    Money.format(paidSoFar), Money.format(pay));
            return new Step(rule.id(), rule.fund(), base, pay, explanation, StepOutcome.APPLIED, false);
        }

        private BigDecimal baseOf(BaseSpec base) {
            return switch (base.kind()) {
                case SCOPE -> scopeLeft;
                case SPECIAL_DRUG -> drugLeft;
                case ITEMS -> {
                    BigDecimal items = Money.ZERO;
                    for (ItemCategory category : base.items()) {
                        BigDecimal left = itemsLeft[category.ordinal()];
                        if (left != null) {
                            items = items.add(left);
                        }
                    }
                    yield items.min(scopeLeft);
                }
            };
        }

        private void take(BaseSpec base, BigDecimal amount) {
            if (amount.signum() == 0) {
                return;
            }
            switch (base.kind()) {
                case SCOPE -> scopeLeft = scopeLeft.subtract(amount);
                case SPECIAL_DRUG -> drugLeft = drugLeft.subtract(amount);
                case ITEMS -> {
                    scopeLeft = scopeLeft.subtract(amount);
                    BigDecimal remaining = amount;
                    for (ItemCategory category : base.items()) {
                        BigDecimal left = itemsLeft[category.ordinal()];
                        if (left == null || remaining.signum() == 0) {
                            continue;
                        }
                        BigDecimal taken = left.min(remaining);
                        itemsLeft[category.ordinal()] = left.subtract(taken);
                        remaining = remaining.subtract(taken);
                    }
                }
            }
        }

        private Accumulator current(AccumulatorKey key) {
            Accumulator stored = accumulators.getOrDefault(key, Accumulator.ZERO);
            BigDecimal[] delta = deltas.get(key);
            return delta == null ? stored
                    : new Accumulator(stored.base().add(delta[0]), stored.paid().add(delta[1]));
        }

        private void addDelta(AccumulatorKey key, BigDecimal base, BigDecimal paid) {
            BigDecimal[] delta = deltas.computeIfAbsent(key, k -> new BigDecimal[] {Money.ZERO, Money.ZERO});
            delta[0] = delta[0].add(base);
            delta[1] = delta[1].add(paid);
        }

        private List<AccumulatorDelta> sortedDeltas() {
            List<AccumulatorDelta> sorted = new ArrayList<>(deltas.size());
            for (Map.Entry<AccumulatorKey, BigDecimal[]> delta : deltas.entrySet()) {
                BigDecimal[] value = delta.getValue();
                if (value[0].signum() != 0 || value[1].signum() != 0) {
                    sorted.add(new AccumulatorDelta(delta.getKey(), value[0], value[1]));
                }
            }
            sorted.sort((a, b) -> a.key().compareTo(b.key()));
            return sorted;
        }
    }
}
