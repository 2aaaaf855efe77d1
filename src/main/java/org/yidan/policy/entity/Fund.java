package org.yidan.policy.entity;

import org.yidan.platform.control.RefusedException;

/**
 * A fund that pays a share of a bill, in the order a county settles them ("一站式服务、一窗口办理、一单制结算",
 * seed 004 二). Each county lists the funds it uses, in its own order, in its policy.
 */
public enum Fund {
    BASIC("基本医保"),
    CRITICAL("大病保险"),
    ASSISTANCE("医疗救助"),
    HOSPITAL_REDUCTION("医疗机构减免"),
    /** 商业补充保险, called 特惠保 in 沂源. */
    COMMERCIAL("商业补充保险"),
    /** 重特大疾病再救助. */
    RE_ASSISTANCE("再救助");

    private final String displayName;

    Fund(String displayName) {
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
    public static Fund parse(String field, String value) {
        return EnumParsing.parse(Fund.class, field, value);
    }
}
