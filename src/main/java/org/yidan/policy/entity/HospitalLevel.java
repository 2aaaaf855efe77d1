package org.yidan.policy.entity;

import org.yidan.platform.control.RefusedException;

/** Level of the treating institution. */
public enum HospitalLevel {
    VILLAGE("村卫生室"),
    /** 乡镇卫生院 or 社区卫生服务中心. */
    TOWNSHIP("乡镇卫生院"),
    COUNTY("县级医疗机构"),
    CITY("市级医疗机构"),
    PROVINCE("省级医疗机构");

    private final String displayName;

    HospitalLevel(String displayName) {
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
    public static HospitalLevel parse(String field, String value) {
        return EnumParsing.parse(HospitalLevel.class, field, value);
    }
}
