package org.yidan.policy.entity;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * One link of a county's rule chain: who is eligible, what it pays from and how much.
 *
 * <p>Eligibility: the bill's visit type is in {@code visitTypes}; the person holds, on the discharge date, at
 * least one of {@code categories}; the hospital's level is in {@code hospitalLevels}; the person holds an
 * approval, effective on the discharge date, for one of {@code chronicDiseases}. An empty set means "no
 * restriction" for all four. Within a {@code group}, only the first eligible rule of the chain applies.
 *
 * <p>Amounts: see {@link RuleKind}. For {@code TIERED} rules the person's annual base and paid amounts are kept in
 * the accumulator {@link #accumulatorKey()}; rules with the same {@code capKey} count their payments against one
 * shared annual cap, kept in {@link #capAccumulatorKey()}.
 *
 * @param id              lowercase letters, digits and hyphens; unique within the policy
 * @param group           {@code null} when the rule belongs to no group
 * @param segments        {@code TIERED} only: ascending, contiguous from 0, the last one open
 * @param cap             {@code TIERED} only: the annual cap (年度封顶), {@code null} for none; for a shared
 *                        {@code capKey} the cap of the whole key
 * @param capKey          {@code TIERED} only: name of a cap shared with other rules, {@code null} for the rule's own
 * @param targetRatio     {@code TARGET_RATIO} only: the share of the policy scope the funds must reach together
 */
public record Rule(String id, Fund fund, RuleKind kind, BaseSpec base,
                   Set<VisitType> visitTypes, Set<PersonCategory> categories, Set<HospitalLevel> hospitalLevels,
                   Set<String> chronicDiseases, String group,
                   List<Segment> segments, BigDecimal cap, String capKey, BigDecimal targetRatio) {

    public Rule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(fund, "fund");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(base, "base");
        visitTypes = enumSet(VisitType.class, visitTypes);
        categories = enumSet(PersonCategory.class, categories);
        hospitalLevels = enumSet(HospitalLevel.class, hospitalLevels);
        chronicDiseases = Collections.unmodifiableSet(new TreeSet<>(chronicDiseases));
        segments = List.copyOf(segments);
    }

    /** Accumulator of this rule's annual base and paid amount ({@code rule:<id>}). */
    public AccumulatorKey accumulatorKey() {
        return AccumulatorKey.rule(id);
    }

    /** Accumulator whose paid amount counts against this rule's cap: {@code cap:<capKey>} or the rule's own. */
    public AccumulatorKey capAccumulatorKey() {
        return capKey == null ? accumulatorKey() : AccumulatorKey.cap(capKey);
    }

    /** The accumulators a settlement under this rule may move; none unless the rule is {@code TIERED}. */
    public List<AccumulatorKey> accumulatorKeys() {
        if (kind != RuleKind.TIERED) {
            return List.of();
        }
        return capKey == null ? List.of(accumulatorKey()) : List.of(accumulatorKey(), AccumulatorKey.cap(capKey));
    }

    /** Whether a bill of this visit type at this hospital level can be eligible, whoever the person is. */
    public boolean accepts(VisitType visitType, HospitalLevel level) {
        return (visitTypes.isEmpty() || visitTypes.contains(visitType))
                && (hospitalLevels.isEmpty() || hospitalLevels.contains(level));
    }

    /** Whether the person's categories and diseases (held on the discharge date) make them eligible. */
    public boolean accepts(PersonSnapshot person) {
        return (categories.isEmpty() ? !person.categories().isEmpty() : intersects(categories, person.categories()))
                && (chronicDiseases.isEmpty() || intersects(chronicDiseases, person.chronicDiseases()));
    }

    /** One line of the policy's canonical text; every resolved parameter, in a fixed order and notation. */
    String canonicalText() {
        return "rule=" + id
                + ";fund=" + fund
                + ";kind=" + kind
                + ";base=" + base
                + ";visit-types=" + join(visitTypes)
                + ";categories=" + join(categories)
                + ";hospital-levels=" + join(hospitalLevels)
                + ";chronic-diseases=" + String.join(",", chronicDiseases)
                + ";group=" + (group == null ? "" : group)
                + ";segments=" + segments.stream().map(Segment::toString).collect(Collectors.joining(","))
                + ";cap=" + (cap == null ? "" : Segment.plain(cap))
                + ";cap-key=" + (capKey == null ? "" : capKey)
                + ";target-ratio=" + (targetRatio == null ? "" : Segment.plain(targetRatio));
    }

    private static <E> boolean intersects(Set<E> wanted, Set<E> held) {
        for (E element : held) {
            if (wanted.contains(element)) {
                return true;
            }
        }
        return false;
    }

    private static String join(Set<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).collect(Collectors.joining(","));
    }

    private static <E extends Enum<E>> Set<E> enumSet(Class<E> type, Collection<E> values) {
        EnumSet<E> set = EnumSet.noneOf(type);
        set.addAll(values);
        return Collections.unmodifiableSet(set);
    }
}
