package org.yidan.security.entity;

/**
 * What an audit line (审计日志) records; the screen names each in the message bundle as {@code audit.action.NAME}.
 * Stored by name, so a name is never changed once a county has lines with it.
 */
public enum AuditAction {
    LOGIN,
    LOGOUT,
    SETTLE,
    /** The clerk was told the same bill had been settled before and confirmed the settlement once more. */
    SETTLE_DUPLICATE_CONFIRMED,
    REVERSE,
    BENEFICIARY_CREATE,
    BENEFICIARY_REPLACE,
    /** A refused create-or-replace, before it is known which of the two it would have been. */
    BENEFICIARY_PUT,
    ROSTER_IMPORT,
    USER_CREATE,
    USER_UNLOCK,
    USER_UPDATE,
    USER_PASSWORD_RESET,
    PASSWORD_CHANGE,
    /** A password stored with fewer PBKDF2 iterations, hashed again at the user's sign-in. */
    PASSWORD_REHASH,
    DEMO_DATA,
    SIMULATION_START,
    SIMULATION_CANCEL,
    /** The watch flagged a person (return-to-poverty risk) at a settlement. */
    RISK_FLAG,
    /** A reversal took a flagged person's self-pay back under the threshold. */
    RISK_CLEAR,
    RISK_TRANSITION,
    /** The monthly report generated on schedule (统计月报). */
    REPORT_GENERATE,
    /** A monthly report generated once more on a person's request: a new revision. */
    REPORT_REGENERATE,
    /** 公示: a month's list drafted, published (frozen) or withdrawn. */
    DISCLOSURE_DRAFT,
    DISCLOSURE_PUBLISH,
    DISCLOSURE_WITHDRAW,
    /** Insurance coverage (参保) of a person and year recorded for the first time, or changed. */
    COVERAGE_CREATE,
    COVERAGE_REPLACE,
    /** A refused coverage record, before it is known whether it would have created or changed one. */
    COVERAGE_PUT,
    COVERAGE_IMPORT,
    /** A step of the follow-up of an uninsured person (逐一核实、逐一销号). */
    COVERAGE_FOLLOW_UP,
    /** Chronic-disease applications (慢病申报): filed, and decided (a refused decision, before it is known which). */
    CHRONIC_FILE,
    CHRONIC_DECIDE,
    CHRONIC_APPROVE,
    CHRONIC_REFUSE,
    HOSPITAL_PUT,
    HOSPITAL_IMPORT,
    CLEARING_GENERATE,
    CLEARING_CONFIRM,
    CLEARING_PAY,
    CLEARING_PREPAY,
    CLEARING_ASSESS
}
