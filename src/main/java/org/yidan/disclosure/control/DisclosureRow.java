package org.yidan.disclosure.control;

import org.yidan.policy.entity.Fund;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Map;

/**
 * One person of a disclosure list (公示名单), already masked: nothing here may not be published.
 *
 * @param name       masked name (张*三)
 * @param idNumber   masked ID number (first 6 and last 4)
 * @param categories the person's categories in Chinese (低保对象、…)
 * @param amounts    each disclosed fund's amount that month
 * @param total      the person's total of the disclosed funds
 */
public record DisclosureRow(String township, String name, String idNumber, String categories,
                            Map<Fund, BigDecimal> amounts, BigDecimal total) implements Serializable {
}
