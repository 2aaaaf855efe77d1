package org.yidan.ledger.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.NamedNativeQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One entry of the funds' journal (台账): the facts of a settlement as booked, or of its reversal with every
 * amount negated and {@link #getReversalOf()} naming the entry it takes back. Written once, inside the
 * settlement's transaction; the database refuses to change or delete it. Its fee month (费款所属期) is the
 * discharge month.
 */
@Entity
@Table(name = "ledger_entry")
// LedgerBook's booking of a settlement, named so that EclipseLink reads the SQL text for its parameters once
@NamedNativeQuery(name = LedgerEntry.BOOK_SETTLEMENT, query = "with e as (insert into ledger_entry (id, receipt_no,"
        + " entry_type, county, fee_month, booked_at, booked_by, id_number, person_name, township,"
        + " categories, standard_tags, hospital_code, hospital_name, hospital_level,"
        + " hospital_in_county, visit_type, admission_date, discharge_date, total_amount,"
        + " policy_scope_amount, special_drug_amount, fund_total, self_pay)"
        + " select nextval('ledger_entry_seq'), ?1, 'SETTLEMENT', ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,"
        + " ?11, (select h.name from hospital h where h.code = ?11), ?12, ?13, ?14, ?15, ?16, ?17,"
        + " ?18, ?19, ?20, ?21 returning id),"
        + " f as (insert into ledger_entry_fund (entry_id, fund, amount)"
        + " select e.id, t.key, t.value::numeric from e, jsonb_each_text(?22::jsonb) as t"
        + " returning 1)"
        + " select (select id from e), (select count(*) from f)")
public class LedgerEntry {

    /** A settlement's entry, its fund amounts and the registered hospital's name in one statement (LedgerBook). */
    public static final String BOOK_SETTLEMENT = "LedgerEntry.bookSettlement";

    public enum Type { SETTLEMENT, REVERSAL }

    @Id
    @SequenceGenerator(name = "ledger_entry_seq", sequenceName = "ledger_entry_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ledger_entry_seq")
    private Long id;

    @Column(name = "receipt_no", nullable = false, updatable = false)
    private String receiptNo;

    @Enumerated(EnumType.STRING)
    @Column(name = "entry_type", nullable = false, updatable = false)
    private Type entryType;

    @Column(name = "reversal_of", updatable = false)
    private Long reversalOf;

    @Column(nullable = false, updatable = false)
    private String county;

    @Column(name = "fee_month", nullable = false, updatable = false)
    private String feeMonth;

    @Column(name = "booked_at", nullable = false, updatable = false)
    private OffsetDateTime bookedAt;

    @Column(name = "booked_by", nullable = false, updatable = false)
    private String bookedBy;

    @Column(name = "id_number", nullable = false, updatable = false)
    private String idNumber;

    @Column(name = "person_name", nullable = false, updatable = false)
    private String personName;

    @Column(updatable = false)
    private String township;

    /** The person's categories held on the discharge date, comma-separated codes. */
    @Column(nullable = false, updatable = false)
    private String categories;

    /**
     * The person's standard tags (国标/省标/市标) as the registry held them at booking, comma-separated codes in
     * alphabetical order ('' for none): the registry keeps no history of tags, and a report must not follow a
     * later change of them.
     */
    @Column(name = "standard_tags", nullable = false, updatable = false)
    private String standardTags;

    @Column(name = "hospital_code", nullable = false, updatable = false)
    private String hospitalCode;

    @Column(name = "hospital_name", updatable = false)
    private String hospitalName;

    @Column(name = "hospital_level", nullable = false, updatable = false)
    private String hospitalLevel;

    @Column(name = "hospital_in_county", nullable = false, updatable = false)
    private boolean hospitalInCounty;

    @Column(name = "visit_type", nullable = false, updatable = false)
    private String visitType;

    @Column(name = "admission_date", nullable = false, updatable = false)
    private LocalDate admissionDate;

    @Column(name = "discharge_date", nullable = false, updatable = false)
    private LocalDate dischargeDate;

    @Column(name = "total_amount", nullable = false, updatable = false)
    private BigDecimal totalAmount;

    @Column(name = "policy_scope_amount", nullable = false, updatable = false)
    private BigDecimal policyScopeAmount;

    @Column(name = "special_drug_amount", nullable = false, updatable = false)
    private BigDecimal specialDrugAmount;

    @Column(name = "fund_total", nullable = false, updatable = false)
    private BigDecimal fundTotal;

    @Column(name = "self_pay", nullable = false, updatable = false)
    private BigDecimal selfPay;

    /** Each fund's amount, zero amounts left out. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "ledger_entry_fund", joinColumns = @JoinColumn(name = "entry_id"))
    @MapKeyColumn(name = "fund")
    @Column(name = "amount")
    private Map<String, BigDecimal> funds = new LinkedHashMap<>();

    protected LedgerEntry() {
    }

    /** The facts of a settlement; the person's and the hospital's descriptive parts as known at booking. */
    public static LedgerEntry booking(Facts facts) {
        LedgerEntry entry = new LedgerEntry();
        entry.entryType = Type.SETTLEMENT;
        entry.copy(facts, false);
        return entry;
    }

    /** The original entry with every amount negated, booked at {@code facts.bookedAt()} by whoever reversed it. */
    public LedgerEntry reversal(OffsetDateTime at, String by) {
        LedgerEntry entry = new LedgerEntry();
        entry.entryType = Type.REVERSAL;
        entry.reversalOf = id;
        entry.copy(new Facts(receiptNo, county, at, by, idNumber, personName, township, categories, standardTags,
                hospitalCode, hospitalName, hospitalLevel, hospitalInCounty, visitType, admissionDate, dischargeDate, totalAmount,
                policyScopeAmount, specialDrugAmount, fundTotal, selfPay, funds), true);
        return entry;
    }

    private void copy(Facts facts, boolean negate) {
        receiptNo = facts.receiptNo();
        county = facts.county();
        feeMonth = feeMonthOf(facts.dischargeDate());
        bookedAt = facts.bookedAt();
        bookedBy = facts.bookedBy();
        idNumber = facts.idNumber();
        personName = facts.personName();
        township = facts.township();
        categories = facts.categories();
        standardTags = facts.standardTags();
        hospitalCode = facts.hospitalCode();
        hospitalName = facts.hospitalName();
        hospitalLevel = facts.hospitalLevel();
        hospitalInCounty = facts.hospitalInCounty();
        visitType = facts.visitType();
        admissionDate = facts.admissionDate();
        dischargeDate = facts.dischargeDate();
        totalAmount = sign(facts.totalAmount(), negate);
        policyScopeAmount = sign(facts.policyScopeAmount(), negate);
        specialDrugAmount = sign(facts.specialDrugAmount(), negate);
        fundTotal = sign(facts.fundTotal(), negate);
        selfPay = sign(facts.selfPay(), negate);
        facts.funds().forEach((fund, amount) -> {
            if (amount.signum() != 0) {
                funds.put(fund, sign(amount, negate));
            }
        });
    }

    /** 费款所属期: the discharge month, {@code YYYY-MM}. */
    public static String feeMonthOf(LocalDate dischargeDate) {
        // YearMonth prints YYYY-MM for years 1000-9999; String.format parsed its pattern on every settlement
        return java.time.YearMonth.from(dischargeDate).toString();
    }

    private static BigDecimal sign(BigDecimal amount, boolean negate) {
        return negate ? amount.negate() : amount;
    }

    /** What a settlement tells the journal, before any negation. */
    public record Facts(String receiptNo, String county, OffsetDateTime bookedAt, String bookedBy, String idNumber,
                        String personName, String township, String categories, String standardTags,
                        String hospitalCode,
                        String hospitalName, String hospitalLevel, boolean hospitalInCounty, String visitType,
                        LocalDate admissionDate, LocalDate dischargeDate, BigDecimal totalAmount,
                        BigDecimal policyScopeAmount, BigDecimal specialDrugAmount, BigDecimal fundTotal,
                        BigDecimal selfPay, Map<String, BigDecimal> funds) {
    }

    public Long getId() {
        return id;
    }

    public String getReceiptNo() {
        return receiptNo;
    }

    public Type getEntryType() {
        return entryType;
    }

    public Long getReversalOf() {
        return reversalOf;
    }

    public String getCounty() {
        return county;
    }

    public String getFeeMonth() {
        return feeMonth;
    }

    public OffsetDateTime getBookedAt() {
        return bookedAt;
    }

    public String getStandardTags() {
        return standardTags;
    }

    public String getBookedBy() {
        return bookedBy;
    }

    public String getIdNumber() {
        return idNumber;
    }

    public String getPersonName() {
        return personName;
    }

    public String getTownship() {
        return township;
    }

    public String getCategories() {
        return categories;
    }

    public String getHospitalName() {
        return hospitalName;
    }

    public String getHospitalLevel() {
        return hospitalLevel;
    }

    public boolean isHospitalInCounty() {
        return hospitalInCounty;
    }

    public String getVisitType() {
        return visitType;
    }

    public LocalDate getAdmissionDate() {
        return admissionDate;
    }

    public LocalDate getDischargeDate() {
        return dischargeDate;
    }

    public BigDecimal getTotalAmount() {
        return totalAmount;
    }

    public BigDecimal getPolicyScopeAmount() {
        return policyScopeAmount;
    }

    public BigDecimal getSpecialDrugAmount() {
        return specialDrugAmount;
    }

    public BigDecimal getFundTotal() {
        return fundTotal;
    }

    public BigDecimal getSelfPay() {
        return selfPay;
    }

    public String getHospitalCode() {
        return hospitalCode;
    }

    public Map<String, BigDecimal> getFunds() {
        return funds;
    }
}
