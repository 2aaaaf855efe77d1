package org.yidan.policy.entity;

import org.yidan.platform.control.RefusedException;

/** How the patient was treated; rules are restricted to some of these. */
public enum VisitType {
    INPATIENT("住院"),
    /** 门诊慢性病/特殊病 under the chronic-disease card (一病一卡). */
    OUTPATIENT_CHRONIC("门诊慢特病"),
    OUTPATIENT_SPECIAL("特殊病/特药门诊"),
    OUTPATIENT_GENERAL("普通门诊");

    private final String displayName;

    VisitType(String displayName) {
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
    public static VisitType parse(String field, String value) {
        return EnumParsing.parse(VisitType.class, field, value);
    }
}
