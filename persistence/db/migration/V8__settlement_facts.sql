-- What a settlement was computed on stays with it (issue 13, "entities stay inside").

-- The person's categories held on the discharge date, as codes in the policy's order, comma-separated
-- (e.g. 'DIBAO,REGISTERED_POOR'; '' for none): a reprinted receipt never changes when the registry does, and
-- reports group by what the settlement paid for. Settlements stored before this column get what the registry
-- says held on their discharge date, the best that is still known.
alter table settlement add column person_categories varchar(400);
update settlement s set person_categories = coalesce((
    select string_agg(c.code, ',' order by c.position)
    from beneficiary_category c
    where c.id_number = s.id_number and c.valid_from <= s.discharge_date
      and (c.valid_to is null or c.valid_to >= s.discharge_date)), '');
alter table settlement alter column person_categories set not null;

-- The request is stored as JSON (the shape of POST /api/v1/settlements), and the database knows it. Settlements
-- stored before held the request's canonical text (idNumber=…, one line per field); it is kept as it was, under
-- "canonicalText".
alter table settlement alter column request_json type jsonb using jsonb_build_object('canonicalText', request_json);

-- Visit types and hospital levels are closed lists (policy.entity.VisitType, HospitalLevel).
alter table settlement add constraint settlement_visit_type
    check (visit_type in ('INPATIENT', 'OUTPATIENT_CHRONIC', 'OUTPATIENT_SPECIAL', 'OUTPATIENT_GENERAL'));
alter table settlement add constraint settlement_hospital_level
    check (hospital_level in ('VILLAGE', 'TOWNSHIP', 'COUNTY', 'CITY', 'PROVINCE'));
