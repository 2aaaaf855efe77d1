package org.yidan.settlement.entity;

/**
 * CDI event: a settlement was stored. Fired synchronously inside the settlement's transaction, after the
 * settlement, its lines and the audit line are written: an observer that writes (e.g. the ledger's journal)
 * commits or rolls back with the settlement. Not fired for a replayed Idempotency-Key.
 */
public record SettlementSettled(SettlementFacts settlement) {
}
