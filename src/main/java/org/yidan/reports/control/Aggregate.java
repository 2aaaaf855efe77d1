package org.yidan.reports.control;

import org.yidan.policy.control.Money;
import org.yidan.policy.entity.Fund;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.TreeMap;
import java.util.Map;

/**
 * The figures of one slice of settled settlements (all of them, one visit type, one category, one month ...):
 * counts, amounts and each fund's total, and the ratios derived from them.
 *
 * @param dimension   what the slice is cut by: {@code all}, {@code visitType}, {@code hospitalLevel},
 *                    {@code hospital}, {@code township}, {@code month}, {@code category},
 *                    {@code categoryVisitType}, {@code standardTag}
 * @param key         the slice's value in that dimension (a visit type, a category code, {@code 2020-05} ...);
 *                    null for {@code all} and where the value is unknown (no township)
 * @param subKey      the second key of a two-way slice (the visit type of {@code categoryVisitType}), else null
 * @param settlements 人次: settlements counted once each
 * @param persons     人数: distinct persons
 * @param inCounty    settlements at a hospital inside the county
 */
public record Aggregate(String dimension, String key, String subKey, long settlements, long persons,
                        BigDecimal totalAmount, BigDecimal policyScopeAmount, BigDecimal fundTotal,
                        BigDecimal selfPay, long inCounty, Map<Fund, BigDecimal> funds) implements Serializable {

    /** Ratios are published with four decimals (api.md), rounded half-up like every amount. */
    public static final int RATIO_SCALE = 4;

    public Aggregate {
        TreeMap<Fund, BigDecimal> copy = new TreeMap<>();
        for (Fund fund : Fund.values()) {
            copy.put(fund, funds.getOrDefault(fund, Money.ZERO));
        }
        funds = Collections.unmodifiableMap(copy);
    }

    public static Aggregate empty(String dimension, String key) {
        return new Aggregate(dimension, key, null, 0, 0, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, 0, Map.of());
    }

    /** 实际补偿比: what the funds paid over the whole bill; null when there is no bill. */
    public BigDecimal actualRatio() {
        return ratio(fundTotal, totalAmount);
    }

    /** 政策范围内补偿比: what the funds paid over the amount within the policy scope. */
    public BigDecimal scopeRatio() {
        return ratio(fundTotal, policyScopeAmount);
    }

    /** 县域内就诊率: the share of settlements at hospitals inside the county. */
    public BigDecimal inCountyShare() {
        return ratio(BigDecimal.valueOf(inCounty), BigDecimal.valueOf(settlements));
    }

    /** 次均费用: the average bill per settlement. */
    public BigDecimal averagePerSettlement() {
        return settlements == 0 ? null : totalAmount.divide(BigDecimal.valueOf(settlements), Money.SCALE, Money.ROUNDING);
    }

    /** Ratio by name, as targets name them: actualRatio, scopeRatio, inCountyShare. */
    public BigDecimal ratio(String name) {
        return switch (name) {
            case "actualRatio" -> actualRatio();
            case "scopeRatio" -> scopeRatio();
            case "inCountyShare" -> inCountyShare();
            default -> throw new IllegalArgumentException("unknown ratio " + name);
        };
    }

    static BigDecimal ratio(BigDecimal part, BigDecimal whole) {
        if (whole == null || whole.signum() == 0) {
            return null;
        }
        return part.divide(whole, RATIO_SCALE, RoundingMode.HALF_UP);
    }
}
