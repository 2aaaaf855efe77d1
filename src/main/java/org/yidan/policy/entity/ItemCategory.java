package org.yidan.policy.entity;

import org.yidan.platform.control.RefusedException;

/** Itemisation inside the policy scope that some rules pay from (e.g. 两免两减半, 基本药物). */
public enum ItemCategory {
    REGISTRATION("挂号费"),
    CONSULTATION("诊查费"),
    EXPERT_CONSULTATION("专家诊查费"),
    LARGE_EQUIPMENT_EXAM("大型设备检查费"),
    ESSENTIAL_DRUG("国家基本药物"),
    OTHER("其他");

    private final String displayName;

    ItemCategory(String displayName) {
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
    public static ItemCategory parse(String field, String value) {
        return EnumParsing.parse(ItemCategory.class, field, value);
    }
}
