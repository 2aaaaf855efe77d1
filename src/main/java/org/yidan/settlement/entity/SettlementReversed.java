package org.yidan.settlement.entity;

import java.time.OffsetDateTime;

/**
 * CDI event: a settlement was reversed (冲销). Fired synchronously inside the reversal's transaction, after the
 * accumulators were given back and the audit line written: an observer that writes commits or rolls back with it.
 */
public record SettlementReversed(SettlementFacts settlement, OffsetDateTime reversedAt, String reversedBy,
                                 String reason) {
}
