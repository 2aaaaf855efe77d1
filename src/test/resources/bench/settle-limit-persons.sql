-- The persons settle-limit.sql settles: 400 DIBAO beneficiaries 000000000000000001 … 000000000000000400 of 370323,
-- and the hospital it names. Run once on a freshly migrated database.
insert into beneficiary (id_number, name, county, household_id, township) select lpad(g::text, 18, '0'), 'p' || g, '370323', 'H' || g, '南麻镇' from generate_series(1, 400) g;
insert into beneficiary_category (id_number, position, code, valid_from) select lpad(g::text, 18, '0'), 0, 'DIBAO', '2019-01-01' from generate_series(1, 400) g;
insert into hospital (code, name, county, level, in_county) values ('H370323001', '沂源县人民医院', '370323', 'COUNTY', true);
