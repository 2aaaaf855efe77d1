package org.yidan.simulation.control;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What a simulation found: both sides, the difference (draft − baseline) and the persons whose self-pay changed most.
 *
 * @param targetsConfigured whether the county-year has targets; without, the ratios are shown without them
 */
public record SimulationResult(Summary baseline, Summary draft, Difference difference, List<Change> largestChanges,
                               boolean targetsConfigured) {

    public record Difference(int settlements, Map<String, BigDecimal> funds, BigDecimal fundTotal, BigDecimal selfPay,
                             BigDecimal actualRatio, BigDecimal scopeRatio, int betterOff, int worseOff) {
    }

    /**
     * One person's self-pay over the period under both policies.
     *
     * @param idNumber masked (first 6 and last 4 characters)
     */
    public record Change(String idNumber, int settlements, BigDecimal baselineSelfPay, BigDecimal draftSelfPay,
                         BigDecimal change) {
    }
}
