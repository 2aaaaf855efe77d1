package org.yidan.policy.entity;

/** Why a rule paid what it paid. */
public enum StepOutcome {
    /** The rule applied; it may still pay 0 (deductible not reached, cap reached, nothing left). */
    APPLIED,
    /** Visit type, category, hospital level or chronic-disease approval does not match. */
    NOT_ELIGIBLE,
    /** An earlier rule of the same group applied (同一救助只享受一项). */
    EXCLUDED_BY_GROUP
}
