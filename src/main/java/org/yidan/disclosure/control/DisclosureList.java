package org.yidan.disclosure.control;

import org.yidan.policy.entity.Fund;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A disclosure list, as the office reviews it and the public reads it once published; {@code rows} may be left
 * empty where only the list's figures are shown ({@code persons} is the count either way).
 */
public record DisclosureList(long id, String county, String countyName, String township, String month,
                             String status, List<Fund> funds, int persons, List<DisclosureRow> rows,
                             Map<Fund, BigDecimal> totals,
                             BigDecimal total, LocalDate publicFrom, LocalDate publicTo, String contact,
                             OffsetDateTime createdAt, OffsetDateTime publishedAt, OffsetDateTime withdrawnAt,
                             String withdrawalReason) implements Serializable {
}
