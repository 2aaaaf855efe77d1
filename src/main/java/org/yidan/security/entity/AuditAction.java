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
    DEMO_DATA
}
