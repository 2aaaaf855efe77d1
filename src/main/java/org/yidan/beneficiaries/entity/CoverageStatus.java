package org.yidan.beneficiaries.entity;

import java.util.Set;

/**
 * The follow-up of a person recorded uninsured (逐一核实、逐一销号): NEW when first recorded uninsured, CONTACTED
 * (may be repeated, each contact with its note), and one of the two outcomes, ENROLLED (参保) or EXITED (销号, no
 * longer to be insured, e.g. left the poverty roster). The outcomes are final: a wrong outcome is corrected by
 * recording the coverage again, which starts a new follow-up.
 */
public enum CoverageStatus {
    NEW("待核实"),
    CONTACTED("已联系"),
    ENROLLED("已参保"),
    EXITED("已销号");

    private final String displayName;

    CoverageStatus(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    public boolean isFinal() {
        return this == ENROLLED || this == EXITED;
    }

    /** Whether the follow-up may go from this state to {@code next}. */
    public boolean allows(CoverageStatus next) {
        return next != null && next != NEW && next(this).contains(next);
    }

    private static Set<CoverageStatus> next(CoverageStatus from) {
        return switch (from) {
            case NEW, CONTACTED -> Set.of(CONTACTED, ENROLLED, EXITED);
            case ENROLLED, EXITED -> Set.of();
        };
    }
}
