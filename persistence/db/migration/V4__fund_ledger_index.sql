-- The fund ledger (基金台账) reads one fund's lines across settlements.
create index settlement_line_fund on settlement_line (fund, receipt_no);
