package org.yidan.watch.control;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.function.Function;

/**
 * A county's watch parameters, read through MicroProfile Config:
 * <pre>
 * yidan.watch.&lt;county&gt;.self-pay-threshold    yuan of self-pay per person and year that flags a risk case
 * yidan.watch.&lt;county&gt;.income-share          share (0..1) of the household's annual income that flags one too,
 *                                             where the registry knows the income
 * yidan.watch.&lt;county&gt;.actual-ratio-ceiling  compliance: a settlement whose fund total ÷ total is above it
 * yidan.watch.&lt;county&gt;.readmission-days      compliance: a stay at the same hospital starting within this many
 *                                             days of the last discharge (分解住院); default yidan.watch.readmission-days
 * yidan.watch.&lt;county&gt;.hospital-cost-factor  compliance: a hospital whose average inpatient total is above this
 *                                             factor × the county's; default yidan.watch.hospital-cost-factor
 * </pre>
 * An absent threshold (and share) turns the risk watch off for the county; an absent ceiling turns that rule off.
 */
public record WatchSettings(BigDecimal selfPayThreshold, BigDecimal incomeShare, BigDecimal actualRatioCeiling,
                            Integer readmissionDays, BigDecimal hospitalCostFactor) {

    public static WatchSettings read(Function<String, Optional<String>> config, String county) {
        Function<String, Optional<String>> own = name -> config.apply("yidan.watch." + county + "." + name)
                .map(String::trim).filter(text -> !text.isEmpty());
        Function<String, Optional<String>> withDefault = name -> own.apply(name)
                .or(() -> config.apply("yidan.watch." + name).map(String::trim).filter(text -> !text.isEmpty()));
        return new WatchSettings(
                own.apply("self-pay-threshold").map(BigDecimal::new).orElse(null),
                own.apply("income-share").map(BigDecimal::new).orElse(null),
                own.apply("actual-ratio-ceiling").map(BigDecimal::new).orElse(null),
                withDefault.apply("readmission-days").map(Integer::valueOf).orElse(null),
                withDefault.apply("hospital-cost-factor").map(BigDecimal::new).orElse(null));
    }

    /** Whether the county watches for return-to-poverty risk at all (an amount or an income share configured). */
    public boolean watchesRisk() {
        return selfPayThreshold != null || incomeShare != null;
    }

    /**
     * The self-pay above which a person is at risk: the lower of the amount and the share of the household's
     * income, whichever the county configured and the registry knows.
     *
     * @param householdIncome yuan per year, or {@code null} when unknown
     * @return empty when neither applies
     */
    public Optional<BigDecimal> thresholdFor(BigDecimal householdIncome) {
        BigDecimal byIncome = incomeShare == null || householdIncome == null ? null
                : householdIncome.multiply(incomeShare).setScale(2, java.math.RoundingMode.HALF_UP);
        if (selfPayThreshold == null) {
            return Optional.ofNullable(byIncome);
        }
        return Optional.of(byIncome == null ? selfPayThreshold : selfPayThreshold.min(byIncome));
    }
}
