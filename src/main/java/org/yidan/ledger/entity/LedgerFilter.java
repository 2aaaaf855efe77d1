package org.yidan.ledger.entity;

import java.io.Serializable;
import java.util.List;

/**
 * What to read of the journal; every part optional.
 *
 * @param from       first fee month {@code YYYY-MM}, inclusive
 * @param to         last fee month, inclusive
 * @param funds      the amount columns to show; entries without an amount of one of them are left out.
 *                   Empty: every fund, every entry
 * @param visitTypes entries of these visit types only; empty: all
 */
public record LedgerFilter(String county, String from, String to, List<String> funds, String hospitalCode,
                           String township, String category, List<String> visitTypes) implements Serializable {

    public LedgerFilter {
        funds = funds == null ? List.of() : List.copyOf(funds);
        visitTypes = visitTypes == null ? List.of() : List.copyOf(visitTypes);
    }

    public LedgerFilter withFunds(List<String> otherFunds) {
        return new LedgerFilter(county, from, to, otherFunds, hospitalCode, township, category, visitTypes);
    }
}
