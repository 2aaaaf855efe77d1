package org.yidan.simulation.control;

import org.yidan.platform.MigratedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.yidan.beneficiaries.control.IdNumbers;
import org.yidan.policy.entity.Bill;
import org.yidan.policy.entity.BillItem;
import org.yidan.policy.entity.Fund;
import org.yidan.policy.entity.Hospital;
import org.yidan.policy.entity.HospitalLevel;
import org.yidan.policy.entity.ItemCategory;
import org.yidan.policy.entity.PersonCategory;
import org.yidan.policy.entity.PersonSnapshot;
import org.yidan.policy.entity.VisitType;
import org.yidan.settlement.control.SettlementRequest;
import org.yidan.settlement.control.SettlementRequestJson;
import org.yidan.settlement.control.StoredRequests;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bills a what-if replays, read by {@link StoredBills} from settlements stored on a real PostgreSQL with the
 * product's migrations: each bill rebuilt from the settlement's columns (V22 generates the items and external
 * payments from the stored request) is the very bill the settlement was made from, field by field, and the bill the
 * stored request reads back as; a person's snapshot is shared by their bills while nothing it depends on changes.
 */
class StoredBillsTest {

    private static final LocalDate FROM = LocalDate.of(2020, 1, 1);
    private static final LocalDate TO = LocalDate.of(2020, 12, 31);
    private static final String ANNA = idNumber("37032319800101001");
    private static final String BORIS = idNumber("37032319800202002");

    @RegisterExtension
    static final MigratedPostgres.PerClass DATABASE = new MigratedPostgres.PerClass();

    /** Every field set, none to its default, so that a field the columns drop cannot go unnoticed. */
    private static Bill everyField() {
        Map<Fund, BigDecimal> external = new LinkedHashMap<>();
        external.put(Fund.COMMERCIAL, new BigDecimal("12.30"));
        external.put(Fund.BASIC, new BigDecimal("4321.09"));
        external.put(Fund.ASSISTANCE, new BigDecimal("0.05"));
        return new Bill(VisitType.INPATIENT, new Hospital("H-370323 01", HospitalLevel.CITY, false),
                LocalDate.of(2020, 3, 1), LocalDate.of(2020, 3, 9), new BigDecimal("9876.54"),
                new BigDecimal("8765.43"), new BigDecimal("321.00"),
                List.of(new BillItem(ItemCategory.REGISTRATION, new BigDecimal("15.00")),
                        new BillItem(ItemCategory.LARGE_EQUIPMENT_EXAM, new BigDecimal("480.50")),
                        new BillItem(ItemCategory.CONSULTATION, new BigDecimal("0.00"))),
                external);
    }

    @Test
    void theSampleBillSetsEveryField() {
        Bill bill = everyField();
        for (RecordComponent component : Bill.class.getRecordComponents()) {
            Object value;
            try {
                value = component.getAccessor().invoke(bill);
            } catch (ReflectiveOperationException impossible) {
                throw new IllegalStateException(impossible);
            }
            assertNotNull(value, component.getName());
            assertTrue(!(value instanceof BigDecimal amount) || amount.signum() != 0, component.getName());
            assertTrue(!(value instanceof Collection<?> list) || !list.isEmpty(), component.getName());
            assertTrue(!(value instanceof Map<?, ?> map) || !map.isEmpty(), component.getName());
        }
    }

    @Test
    void aBillRebuiltFromTheColumnsIsTheBillTheSettlementWasMadeFrom() throws Exception {
        Bill full = everyField();
        Bill plain = new Bill(VisitType.OUTPATIENT_GENERAL, new Hospital("V1", HospitalLevel.VILLAGE, true),
                LocalDate.of(2020, 5, 5), LocalDate.of(2020, 5, 5), new BigDecimal("100.00"), new BigDecimal("80.00"),
                new BigDecimal("0.00"), null, null);
        Bill legacy = new Bill(VisitType.OUTPATIENT_CHRONIC, new Hospital("T2", HospitalLevel.TOWNSHIP, true),
                LocalDate.of(2020, 6, 1), LocalDate.of(2020, 6, 1), new BigDecimal("250.00"), new BigDecimal("200.00"),
                new BigDecimal("10.00"), List.of(new BillItem(ItemCategory.ESSENTIAL_DRUG, new BigDecimal("40.00"))),
                Map.of(Fund.BASIC, new BigDecimal("60.00")));
        try (Connection db = DATABASE.connect()) {
            clear(db);
            person(db, ANNA, null);
            store(db, "A1", ANNA, full, "DIBAO,REGISTERED_POOR", false);
            store(db, "A2", ANNA, plain, "DIBAO", false);
            store(db, "A3", ANNA, legacy, "DIBAO", true);

            List<ReplayBill> bills = StoredBills.read(StoredBills.over(db), "370323", FROM, TO);

            assertEquals(List.of("A1", "A2", "A3"), bills.stream().map(ReplayBill::receiptNo).toList());
            assertEquals(full, bills.get(0).bill());
            assertEquals(plain, bills.get(1).bill());
            assertEquals(legacy, bills.get(2).bill());
            // the items keep their order; the amounts their two decimals (BigDecimal's equals sees the scale)
            assertEquals(full.items(), bills.get(0).bill().items());
            // and the columns say what the stored request says
            try (Statement statement = db.createStatement();
                 ResultSet requests = statement.executeQuery(
                         "select request_json::text from settlement order by receipt_no")) {
                for (ReplayBill bill : bills) {
                    requests.next();
                    assertEquals(StoredRequests.read(requests.getString(1)).bill(), bill.bill());
                }
            }
        }
    }

    @Test
    void theColumnsFollowTheStoredRequest() throws Exception {
        try (Connection db = DATABASE.connect()) {
            clear(db);
            person(db, ANNA, null);
            store(db, "A1", ANNA, everyField(), "DIBAO", false);
            try (Statement statement = db.createStatement();
                 ResultSet row = statement.executeQuery("select bill_item_categories::text, bill_item_amounts::text,"
                         + " external_funds::text, external_amounts::text from settlement")) {
                row.next();
                assertEquals("{REGISTRATION,LARGE_EQUIPMENT_EXAM,CONSULTATION}", row.getString(1));
                assertEquals("{15.00,480.50,0.00}", row.getString(2));
                assertEquals("{ASSISTANCE,BASIC,COMMERCIAL}", row.getString(3));
                assertEquals("{0.05,4321.09,12.30}", row.getString(4));
            }
        }
    }

    @Test
    void aPersonsBillsShareASnapshotWhileNothingItDependsOnChanges() throws Exception {
        try (Connection db = DATABASE.connect()) {
            clear(db);
            person(db, ANNA, null);
            person(db, BORIS, LocalDate.of(2020, 7, 1));
            try (Statement statement = db.createStatement()) {
                statement.execute("insert into beneficiary_disease (id_number, code, approved_on) values ('" + ANNA
                        + "', 'HYPERTENSION', date '2020-04-10')");
            }
            store(db, "A1", ANNA, outpatient(LocalDate.of(2020, 2, 1)), "DIBAO", false);
            store(db, "A2", ANNA, outpatient(LocalDate.of(2020, 3, 1)), "DIBAO", false);
            // the approval counts from the day after it
            store(db, "A3", ANNA, outpatient(LocalDate.of(2020, 4, 10)), "DIBAO", false);
            store(db, "A4", ANNA, outpatient(LocalDate.of(2020, 4, 11)), "DIBAO", false);
            store(db, "A5", ANNA, outpatient(LocalDate.of(2020, 5, 1)), "DIBAO", false);
            store(db, "A6", ANNA, outpatient(LocalDate.of(2020, 6, 1)), "DIBAO,REGISTERED_POOR", false);
            store(db, "B1", BORIS, outpatient(LocalDate.of(2020, 6, 30)), "TEKUN", false);
            // exited on 1 July: from then on nobody, whatever the settlement stored
            store(db, "B2", BORIS, outpatient(LocalDate.of(2020, 7, 1)), "TEKUN", false);

            Map<String, PersonSnapshot> snapshots = new LinkedHashMap<>();
            for (ReplayBill bill : StoredBills.read(StoredBills.over(db), "370323", FROM, TO)) {
                snapshots.put(bill.receiptNo(), bill.person());
            }

            PersonSnapshot dibao = PersonSnapshot.of(EnumSet.of(PersonCategory.DIBAO), Set.of());
            assertEquals(dibao, snapshots.get("A1"));
            assertSame(snapshots.get("A1"), snapshots.get("A2"));
            assertSame(snapshots.get("A1"), snapshots.get("A3"));
            assertEquals(PersonSnapshot.of(EnumSet.of(PersonCategory.DIBAO), Set.of("HYPERTENSION")),
                    snapshots.get("A4"));
            assertSame(snapshots.get("A4"), snapshots.get("A5"));
            assertEquals(PersonSnapshot.of(EnumSet.of(PersonCategory.DIBAO, PersonCategory.REGISTERED_POOR),
                    Set.of("HYPERTENSION")), snapshots.get("A6"));
            assertEquals(PersonSnapshot.of(EnumSet.of(PersonCategory.TEKUN), Set.of()), snapshots.get("B1"));
            assertEquals(PersonSnapshot.of(Set.of(), Set.of()), snapshots.get("B2"));
            assertNotEquals(snapshots.get("B1"), snapshots.get("B2"));
        }
    }

    @Test
    void asASourceTheBillsComeOneByOneInDischargeOrderAndTheCountIsExpected() throws Exception {
        try (Connection db = DATABASE.connect()) {
            clear(db);
            person(db, ANNA, null);
            person(db, BORIS, null);
            for (int day = 0; day < 40; day++) {
                // several a day, settled in another order than their receipts
                for (int bill = 0; bill < 1 + day % 3; bill++) {
                    store(db, "R" + (99 - day) + "-" + bill, bill % 2 == 0 ? ANNA : BORIS,
                            outpatient(FROM.plusDays(day * 7L)), "DIBAO", false);
                }
            }
            Replay.Source source = StoredBills.source(StoredBills.over(db), "370323", FROM, TO);
            List<ReplayBill> handed = new ArrayList<>();
            source.each(handed::add);
            assertEquals(79, source.expected());
            assertEquals(79, handed.size());
            assertEquals(StoredBills.read(StoredBills.over(db), "370323", FROM, TO), handed);
            for (int i = 1; i < handed.size(); i++) {
                assertTrue(!handed.get(i).bill().dischargeDate().isBefore(handed.get(i - 1).bill().dischargeDate()));
            }
        }
    }

    @Test
    void arrayElementsInPostgresqlsTextForm() {
        assertArrayEquals(new String[0], StoredBills.elements("{}"));
        assertArrayEquals(new String[]{"BASIC", "NULL", "1.00"}, StoredBills.elements("{BASIC,\"NULL\",1.00}"));
    }

    /** A read stopped early (a cancelled what-if) gives the connection back ready for the next request's statement. */
    @Test
    void aReadStoppedEarlyLeavesTheConnectionUsable() throws Exception {
        try (Connection db = DATABASE.connect()) {
            StoredBills.Rows rows = StoredBills.over(db);
            IllegalStateException stop = new IllegalStateException("stopped by the consumer");
            int[] seen = new int[1];
            IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> rows.query(
                    "select g, repeat('x', 100) from generate_series(1, ?1) g", row -> {
                        if (++seen[0] == 2) {
                            throw stop;
                        }
                    }, 50_000));
            assertSame(stop, thrown);
            assertEquals(0, thrown.getSuppressed().length);
            try (Statement statement = db.createStatement();
                 java.sql.ResultSet result = statement.executeQuery("select 41 + 1")) {
                assertTrue(result.next());
                assertEquals(42, result.getInt(1));
            }
            List<Object> again = new ArrayList<>();
            rows.query("select g from generate_series(1, ?1) g", row -> again.add(row[0]), 3);
            assertEquals(List.of(1, 2, 3), again);
        }
    }

    @Test
    void copyTakesTheParametersAsLiteralsAndRefusesOneThatCouldEndIt() {
        assertEquals("'370323'", StoredBills.literal("370323"));
        assertEquals("date '2020-01-31'", StoredBills.literal(java.sql.Date.valueOf("2020-01-31")));
        assertEquals("date '2020-01-31'", StoredBills.literal(LocalDate.of(2020, 1, 31)));
        assertThrows(IllegalArgumentException.class, () -> StoredBills.literal("370323' or true or '"));
        assertThrows(IllegalArgumentException.class, () -> StoredBills.literal("370323\\"));
        assertThrows(IllegalArgumentException.class, () -> StoredBills.literal(new Object()));
    }

    private static Bill outpatient(LocalDate day) {
        return new Bill(VisitType.OUTPATIENT_CHRONIC, new Hospital("T1", HospitalLevel.TOWNSHIP, true), day, day,
                new BigDecimal("300.00"), new BigDecimal("300.00"), null, null, Map.of(Fund.BASIC,
                new BigDecimal("100.00")));
    }

    private static void clear(Connection db) throws Exception {
        try (Statement statement = db.createStatement()) {
            statement.execute("delete from settlement");
            statement.execute("delete from beneficiary");
        }
    }

    private static void person(Connection db, String idNumber, LocalDate exitedOn) throws Exception {
        try (PreparedStatement insert = db.prepareStatement(
                "insert into beneficiary (id_number, name, county, exited_on) values (?, '测试', '370323', ?)")) {
            insert.setString(1, idNumber);
            insert.setObject(2, exitedOn);
            insert.executeUpdate();
        }
    }

    /**
     * A settlement as {@code SettlementService} stores one: the bill's scalars in their columns, the request as
     * {@link SettlementRequestJson#write} gives it (or, stored before V8, its canonical text), nothing paid.
     */
    private static void store(Connection db, String receiptNo, String idNumber, Bill bill, String categories,
                              boolean canonicalText) throws Exception {
        SettlementRequest request = new SettlementRequest(idNumber, bill);
        try (PreparedStatement insert = db.prepareStatement("insert into settlement (receipt_no, county, policy_year,"
                + " policy_fingerprint, id_number, person_name, hospital_code, hospital_level, hospital_in_county,"
                + " visit_type, admission_date, discharge_date, total_amount, policy_scope_amount, special_drug_amount,"
                + " fund_total, self_pay, status, request_json, verification_code, settled_at, settled_by,"
                + " person_categories) values (?, '370323', 2020, repeat('0', 64), ?, '测试', ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, 0, ?, 'SETTLED', cast(? as jsonb), 'X', now(), 'test', ?)")) {
            insert.setString(1, receiptNo);
            insert.setString(2, idNumber);
            insert.setString(3, bill.hospital().code());
            insert.setString(4, bill.hospital().level().name());
            insert.setBoolean(5, bill.hospital().inCounty());
            insert.setString(6, bill.visitType().name());
            insert.setObject(7, bill.admissionDate());
            insert.setObject(8, bill.dischargeDate());
            insert.setBigDecimal(9, bill.totalAmount());
            insert.setBigDecimal(10, bill.policyScopeAmount());
            insert.setBigDecimal(11, bill.specialDrugAmount());
            insert.setBigDecimal(12, bill.totalAmount());
            insert.setString(13, canonicalText
                    ? jakarta.json.Json.createObjectBuilder().add("canonicalText", request.canonicalText()).build()
                    .toString()
                    : SettlementRequestJson.write(request).toString());
            insert.setString(14, categories);
            insert.executeUpdate();
        }
    }

    private static String idNumber(String first17) {
        return first17 + IdNumbers.checkCharacter(first17);
    }
}
