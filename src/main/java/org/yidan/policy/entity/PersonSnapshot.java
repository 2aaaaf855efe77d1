package org.yidan.policy.entity;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the rules need to know about a person on the discharge date of a bill: the categories held that day and
 * the chronic diseases whose approval is effective that day. Empty categories mean the person is no beneficiary
 * that day, and the calculator refuses the bill ({@code NOT_ELIGIBLE}).
 */
public record PersonSnapshot(Set<PersonCategory> categories, Set<String> chronicDiseases) {

    public PersonSnapshot {
        EnumSet<PersonCategory> held = EnumSet.noneOf(PersonCategory.class);
        held.addAll(categories);
        categories = Collections.unmodifiableSet(held);
        chronicDiseases = Collections.unmodifiableSet(new TreeSet<>(chronicDiseases));
    }

    public static PersonSnapshot of(Set<PersonCategory> categories, Set<String> chronicDiseases) {
        return new PersonSnapshot(categories, chronicDiseases);
    }

    /**
     * The snapshot on {@code date} from the registry's effective-dated records: a category counts when
     * {@code from <= date <= to} (open {@code to}: still held); a disease approval counts from the day after its
     * approval date (办结后次日享受待遇, seed 004). An exit (销号) is expressed by closing the categories.
     */
    public static PersonSnapshot asOf(LocalDate date, Collection<CategoryPeriod> categories,
                                      Collection<DiseaseApproval> approvals) {
        EnumSet<PersonCategory> held = EnumSet.noneOf(PersonCategory.class);
        for (CategoryPeriod period : categories) {
            if (period.holdsOn(date)) {
                held.add(period.category());
            }
        }
        Set<String> diseases = new TreeSet<>();
        for (DiseaseApproval approval : approvals) {
            if (approval.effectiveOn(date)) {
                diseases.add(approval.disease());
            }
        }
        return new PersonSnapshot(held, diseases);
    }

    /**
     * As {@link #asOf(LocalDate, Collection, Collection)}, for a person who may have exited the registry (销号):
     * from the exit date on, the person holds nothing.
     */
    public static PersonSnapshot asOf(LocalDate date, Collection<CategoryPeriod> categories,
                                      Collection<DiseaseApproval> approvals, LocalDate exitedOn) {
        if (exitedOn != null && !date.isBefore(exitedOn)) {
            return new PersonSnapshot(EnumSet.noneOf(PersonCategory.class), Set.of());
        }
        return asOf(date, categories, approvals);
    }

    public boolean isBeneficiary() {
        return !categories.isEmpty();
    }
}
