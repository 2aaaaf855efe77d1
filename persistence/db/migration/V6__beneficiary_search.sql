-- Finding a person by the last digits of the ID number (the counter's and the registry's usual question): the
-- reversed number turns "ends with 1234" into the prefix search reverse(id_number) like '4321%', which this index
-- answers; a plain index cannot serve like '%1234' and PostgreSQL scanned the whole registry.
create index beneficiary_id_reversed on beneficiary (reverse(id_number) text_pattern_ops);

-- Browsing one county's persons page by page, in ID order.
create index beneficiary_county_id on beneficiary (county, id_number);
