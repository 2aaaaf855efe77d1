package org.yidan.policy.entity;

import org.yidan.platform.control.RefusedException;

/** How a rule computes what it pays; see {@link Rule}. */
public enum RuleKind {
    /** Pays what an outside system adjudicated ({@code externalPayments[fund]}). */
    EXTERNAL("外部结算"),
    /** Cumulative segments over the annual base, with an optional annual cap. */
    TIERED("分段累计"),
    /** Tops up what the funds paid on the policy scope to a target share of it. */
    TARGET_RATIO("目标补偿比");

    private final String displayName;

    RuleKind(String displayName) {
        this.displayName = displayName;
    }

    /** The Chinese name printed on the receipt and read out at the counter. */
    public String displayName() {
        return displayName;
    }

    /**
     * Reads a value sent by a client or written in the configuration (case-insensitive).
     *
     * @param field the JSON path or configuration key the value came from, named in the error
     * @throws RefusedException 422 {@code UNKNOWN_VALUE} when no constant has that name
     */
    public static RuleKind parse(String field, String value) {
        return EnumParsing.parse(RuleKind.class, field, value);
    }
}
