package org.yidan.policy.entity;

import java.io.Serial;
import java.io.Serializable;
import java.util.List;
import java.util.regex.Pattern;

import org.yidan.platform.control.RefusedException;

/**
 * A fund that pays a share of a bill, in the order a county settles them ("一站式服务、一窗口办理、一单制结算",
 * seed 004 二). Each county lists the funds it uses, in its own order, in its policy.
 *
 * <p>The six standard funds are the constants below. A county may use more (seed 003 settles 计生补助 after 民政
 * assistance; a charity fund elsewhere): each is declared in the configuration with
 * {@code yidan.funds.<CODE>.name=<Chinese name>} (see {@link DeclaredFunds}), so a fund is a validated code, not a
 * closed list. Two funds are equal when their codes are; the display order is the standard six first, in the
 * order below, then declared funds by code.
 */
public final class Fund implements Comparable<Fund>, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * What a fund code looks like: upper-case letters, digits and underscores, starting with a letter, at most 32
     * characters (the database columns hold 32 and CHECK the same format, V18).
     */
    public static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,31}");

    public static final Fund BASIC = new Fund("BASIC", "基本医保", 0);
    public static final Fund CRITICAL = new Fund("CRITICAL", "大病保险", 1);
    public static final Fund ASSISTANCE = new Fund("ASSISTANCE", "医疗救助", 2);
    public static final Fund HOSPITAL_REDUCTION = new Fund("HOSPITAL_REDUCTION", "医疗机构减免", 3);
    /** 商业补充保险, called 特惠保 in 沂源. */
    public static final Fund COMMERCIAL = new Fund("COMMERCIAL", "商业补充保险", 4);
    /** 重特大疾病再救助. */
    public static final Fund RE_ASSISTANCE = new Fund("RE_ASSISTANCE", "再救助", 5);

    private static final List<Fund> STANDARD =
            List.of(BASIC, CRITICAL, ASSISTANCE, HOSPITAL_REDUCTION, COMMERCIAL, RE_ASSISTANCE);

    private final String code;
    private final String displayName;
    /** The position among the standard funds; declared funds come after them. */
    private final int rank;

    private Fund(String code, String displayName, int rank) {
        this.code = code;
        this.displayName = displayName;
        this.rank = rank;
    }

    /**
     * A fund under {@code code} shown as {@code displayName}; a standard code keeps its place in the display order.
     *
     * @throws IllegalArgumentException when the code is not of the {@link #CODE} format or the name is blank
     */
    public static Fund of(String code, String displayName) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("fund code '" + code + "' must be upper-case letters, digits and "
                    + "underscores, starting with a letter, at most 32 characters");
        }
        if (displayName == null || displayName.isBlank()) {
            throw new IllegalArgumentException("fund " + code + " needs a name");
        }
        int rank = standard(code).map(fund -> fund.rank).orElse(STANDARD.size());
        return new Fund(code, displayName.strip(), rank);
    }

    /** The six standard funds, in their order. */
    public static List<Fund> standard() {
        return STANDARD;
    }

    /** The standard fund under {@code code}, if it is one. */
    public static java.util.Optional<Fund> standard(String code) {
        return STANDARD.stream().filter(fund -> fund.code.equals(code)).findFirst();
    }

    /** The code, e.g. {@code BASIC} or {@code FAMILY_PLANNING}: what JSON, the database and the configuration hold. */
    public String code() {
        return code;
    }

    /** The code; kept from the time funds were an enum. */
    public String name() {
        return code;
    }

    /** The Chinese name printed on the receipt and read out at the counter. */
    public String displayName() {
        return displayName;
    }

    /** Every fund this deployment declares (the standard six and the configured ones), in display order. */
    public static Fund[] values() {
        return DeclaredFunds.current().all().toArray(Fund[]::new);
    }

    /**
     * The declared fund under {@code code} (exact), e.g. a code stored in the database.
     *
     * @throws IllegalArgumentException when no fund of that code is declared
     */
    public static Fund valueOf(String code) {
        return DeclaredFunds.current().find(code)
                .orElseThrow(() -> new IllegalArgumentException("No fund " + code + " is declared"));
    }

    /**
     * Reads a value sent by a client or written in the configuration (case-insensitive).
     *
     * @param field the JSON path or configuration key the value came from, named in the error
     * @throws RefusedException 422 {@code UNKNOWN_VALUE} when no fund of that code is declared
     */
    public static Fund parse(String field, String value) {
        return DeclaredFunds.current().parse(field, value);
    }

    @Override
    public int compareTo(Fund other) {
        return rank != other.rank ? Integer.compare(rank, other.rank) : code.compareTo(other.code);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Fund fund && fund.code.equals(code);
    }

    @Override
    public int hashCode() {
        return code.hashCode();
    }

    /** The code, as an enum constant printed itself. */
    @Override
    public String toString() {
        return code;
    }

    @Serial
    private Object readResolve() {
        return standard(code).filter(fund -> fund.displayName.equals(displayName)).map(Object.class::cast)
                .orElse(this);
    }
}
