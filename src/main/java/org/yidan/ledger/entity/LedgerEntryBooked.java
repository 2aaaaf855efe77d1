package org.yidan.ledger.entity;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Fired synchronously inside the settlement's (or reversal's) transaction once a journal entry is stored and
 * flushed, so that clearing assigns it to a statement in the same transaction.
 *
 * @param funds each fund's non-zero amount, negative for a reversal
 */
public record LedgerEntryBooked(long entryId, String county, String hospitalCode, String feeMonth,
                                Map<String, BigDecimal> funds) {
}
