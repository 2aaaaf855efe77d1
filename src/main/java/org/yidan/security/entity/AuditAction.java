package org.yidan.security.entity;

/**
 * What an audit line (审计日志) records; the screen names each in the message bundle as {@code audit.action.NAME}.
 * Stored by name, so a name is never changed once a county has lines with it.
 */
public enum AuditAction {
    LOGIN,
    LOGOUT,
    SETTLE,
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
    DISCLOSURE_WITHDRAW
}
