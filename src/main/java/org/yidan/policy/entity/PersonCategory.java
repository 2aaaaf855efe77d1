package org.yidan.policy.entity;

import org.yidan.platform.control.RefusedException;

/**
 * A category a beneficiary (医保扶贫对象) holds for a period; rules pay according to the categories held on
 * the discharge date.
 */
public enum PersonCategory {
    TEKUN("特困人员"),
    DIBAO("低保对象"),
    DIBAO_EDGE("低保边缘家庭"),
    LOW_INCOME("低收入家庭"),
    /** 建档立卡贫困人口, from 2020 脱贫享受政策人员. */
    REGISTERED_POOR("建档立卡/脱贫享受政策人员"),
    INSTANT_AID("即时帮扶人员"),
    ILLNESS_POVERTY("因病致贫家庭重病患者"),
    /** Taken in temporarily, e.g. during the epidemic (临时纳入, seed 004 三(二)六). */
    TEMPORARY("临时纳入人员"),
    /** 计生两户. */
    FAMILY_PLANNING("计生两户");

    private final String displayName;

    PersonCategory(String displayName) {
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
    public static PersonCategory parse(String field, String value) {
        return EnumParsing.parse(PersonCategory.class, field, value);
    }
}
