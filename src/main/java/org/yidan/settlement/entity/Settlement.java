package org.yidan.settlement.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedNativeQuery;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import org.yidan.policy.entity.HospitalLevel;
import org.yidan.policy.entity.PersonCategory;
import org.yidan.policy.entity.VisitType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * One settled bill (一单制结算): the bill as received, every fund's line and every rule's step, the
 * policy fingerprint it was computed under, and what it added to the person's accumulators.
 * Aggregate root of the settlement component; never deleted, only reversed.
 */
@Entity
@Table(name = "settlement")
// The settlement's two statements besides the accumulators' lock (SettlementService), named so that EclipseLink reads
// each SQL text for its parameters once, not on every settlement (2026-11-28 profile: 3.6 % of Payara's CPU in
// preparing the native queries of a settlement anew)
@NamedNativeQuery(name = Settlement.CLAIM_AND_READ, query = "with claim as (insert into idempotency_record"
        + " (idem_key, request_hash) values (?1, ?2) on conflict (idem_key) do nothing returning 1)"
        + " select (select count(*) from claim), b.id_number, b.name, b.county, b.township,"
        + " b.exited_on, (select json_agg(json_build_array(k.code, k.valid_from, k.valid_to)"
        + " order by k.position)::text from beneficiary_category k where k.id_number = b.id_number),"
        + " (select json_agg(json_build_array(d.code, d.approved_on))::text from beneficiary_disease d"
        + " where d.id_number = b.id_number), (select string_agg(c.year::text, ',') from coverage c"
        + " where c.id_number = b.id_number and not c.insured),"
        + " (select string_agg(t.tag, ',' order by t.tag) from beneficiary_tag t where t.id_number = b.id_number),"
        + " (select s.receipt_no from settlement s"
        // cast: an incomplete bill binds nulls, refused only later by the calculator's validation
        + " where s.id_number = ?3 and s.hospital_code = ?4::varchar and s.visit_type = ?5::varchar"
        + " and s.admission_date = ?6::date and s.discharge_date = ?7::date"
        + " and s.total_amount = ?8::numeric and s.policy_scope_amount = ?9::numeric"
        + " and s.special_drug_amount = ?10::numeric and s.status <> 'REVERSED'"
        + " order by s.settled_at, s.receipt_no limit 1)"
        + " from (values (1)) as one left join beneficiary b on b.id_number = ?3")
@NamedNativeQuery(name = Settlement.STORE, query = "with s as (insert into settlement (receipt_no, county,"
        + " policy_year, policy_fingerprint, id_number, person_name, hospital_code, hospital_level,"
        + " hospital_in_county, visit_type, admission_date, discharge_date, total_amount,"
        + " policy_scope_amount, special_drug_amount, fund_total, self_pay, status, request_json,"
        + " person_categories, verification_code, settled_at, settled_by, uninsured) values (?1, ?2,"
        + " ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19::jsonb, ?20,"
        + " ?21, ?22, ?23, ?24) returning receipt_no),"
        + " r as (select ?25::jsonb as j),"
        + " l as (insert into settlement_line (receipt_no, position, fund, amount)"
        + " select s.receipt_no, t.position, t.fund, t.amount from s, r,"
        + " jsonb_to_recordset(r.j -> 'lines') as t(position integer, fund varchar, amount numeric)"
        + " returning 1),"
        + " st as (insert into settlement_step (receipt_no, position, rule_id, fund, base_amount,"
        + " amount, explanation, outcome) select s.receipt_no, t.position, t.rule_id, t.fund,"
        + " t.base_amount, t.amount, t.explanation, t.outcome from s, r,"
        + " jsonb_to_recordset(r.j -> 'steps') as"
        + " t(position integer, rule_id varchar, fund varchar, base_amount numeric, amount numeric,"
        + " explanation text, outcome varchar) returning 1),"
        + " d as (insert into settlement_accumulator_delta (receipt_no, acc_key, base_delta,"
        + " paid_delta) select s.receipt_no, t.acc_key, t.base_delta, t.paid_delta from s, r,"
        + " jsonb_to_recordset(r.j -> 'deltas') as t(acc_key varchar, base_delta numeric,"
        + " paid_delta numeric) returning 1),"
        + " a as (update accumulator set base_amount = t.base_amount, paid_amount = t.paid_amount,"
        + " cap_amount = t.cap_amount from r, jsonb_to_recordset(r.j -> 'accumulators') as"
        + " t(acc_key varchar, base_amount numeric, paid_amount numeric, cap_amount numeric)"
        + " where accumulator.id_number = ?5 and accumulator.year = ?3"
        + " and accumulator.acc_key = t.acc_key returning 1),"
        + " i as (update idempotency_record set receipt_no = (select receipt_no from s)"
        + " where idem_key = ?26 returning 1)"
        + " select (select count(*) from l), (select count(*) from st), (select count(*) from d),"
        + " (select count(*) from a), (select count(*) from i)")
public class Settlement {

    /** See SettlementService#claimAndRead. */
    public static final String CLAIM_AND_READ = "Settlement.claimAndRead";
    /** See SettlementService#store. */
    public static final String STORE = "Settlement.store";

    public enum Status { SETTLED, REVERSED }

    @Id
    @Column(name = "receipt_no", length = 32)
    private String receiptNo;

    @Column(nullable = false, length = 6)
    private String county;

    @Column(name = "policy_year", nullable = false)
    private int policyYear;

    @Column(name = "policy_fingerprint", nullable = false, length = 64)
    private String policyFingerprint;

    @Column(name = "id_number", nullable = false, length = 18)
    private String idNumber;

    @Column(name = "person_name", nullable = false, length = 100)
    private String personName;

    @Column(name = "hospital_code", nullable = false, length = 32)
    private String hospitalCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "hospital_level", nullable = false, length = 16)
    private HospitalLevel hospitalLevel;

    @Column(name = "hospital_in_county", nullable = false)
    private boolean hospitalInCounty;

    @Enumerated(EnumType.STRING)
    @Column(name = "visit_type", nullable = false, length = 32)
    private VisitType visitType;

    @Column(name = "admission_date", nullable = false)
    private LocalDate admissionDate;

    @Column(name = "discharge_date", nullable = false)
    private LocalDate dischargeDate;

    @Column(name = "total_amount", nullable = false, precision = 14, scale = 2)
    private BigDecimal totalAmount;

    @Column(name = "policy_scope_amount", nullable = false, precision = 14, scale = 2)
    private BigDecimal policyScopeAmount;

    @Column(name = "special_drug_amount", nullable = false, precision = 14, scale = 2)
    private BigDecimal specialDrugAmount;

    @Column(name = "fund_total", nullable = false, precision = 14, scale = 2)
    private BigDecimal fundTotal;

    @Column(name = "self_pay", nullable = false, precision = 14, scale = 2)
    private BigDecimal selfPay;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status = Status.SETTLED;

    @Convert(converter = JsonbText.class)
    @Column(name = "request_json", nullable = false)
    private String requestJson;

    /** The person's categories held on the discharge date, codes comma-separated in the policy's order. */
    @Column(name = "person_categories", nullable = false, length = 400)
    private String personCategories = "";

    @Column(name = "verification_code", nullable = false, length = 16)
    private String verificationCode;

    @Column(name = "settled_at", nullable = false)
    private OffsetDateTime settledAt;

    @Column(name = "settled_by", nullable = false, length = 64)
    private String settledBy;

    @Column(name = "reversed_at")
    private OffsetDateTime reversedAt;

    @Column(name = "reversed_by", length = 64)
    private String reversedBy;

    @Column(name = "reversal_reason", length = 500)
    private String reversalReason;

    /** The person was recorded as not insured in the settlement's year (参保): settled, but marked. */
    @Column(nullable = false)
    private boolean uninsured;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "settlement_line", joinColumns = @JoinColumn(name = "receipt_no"))
    @OrderColumn(name = "position")
    private List<LineEntry> lines = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "settlement_step", joinColumns = @JoinColumn(name = "receipt_no"))
    @OrderColumn(name = "position")
    private List<StepEntry> steps = new ArrayList<>();

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "settlement_accumulator_delta", joinColumns = @JoinColumn(name = "receipt_no"))
    private List<DeltaEntry> accumulatorDeltas = new ArrayList<>();

    protected Settlement() {
    }

    public Settlement(String receiptNo) {
        this.receiptNo = receiptNo;
    }

    /** Records the reversal (冲销): who, when and why. */
    public void reverse(String username, OffsetDateTime at, String reason) {
        this.status = Status.REVERSED;
        this.reversedBy = username;
        this.reversedAt = at;
        this.reversalReason = reason;
    }

    public boolean isUninsured() {
        return uninsured;
    }

    public void setUninsured(boolean uninsured) {
        this.uninsured = uninsured;
    }

    public boolean isReversed() {
        return status == Status.REVERSED;
    }

    public String getReceiptNo() {
        return receiptNo;
    }

    public String getCounty() {
        return county;
    }

    public void setCounty(String county) {
        this.county = county;
    }

    public int getPolicyYear() {
        return policyYear;
    }

    public void setPolicyYear(int policyYear) {
        this.policyYear = policyYear;
    }

    public String getPolicyFingerprint() {
        return policyFingerprint;
    }

    public void setPolicyFingerprint(String policyFingerprint) {
        this.policyFingerprint = policyFingerprint;
    }

    public String getIdNumber() {
        return idNumber;
    }

    public void setIdNumber(String idNumber) {
        this.idNumber = idNumber;
    }

    public String getPersonName() {
        return personName;
    }

    public void setPersonName(String personName) {
        this.personName = personName;
    }

    public String getHospitalCode() {
        return hospitalCode;
    }

    public void setHospitalCode(String hospitalCode) {
        this.hospitalCode = hospitalCode;
    }

    public HospitalLevel getHospitalLevel() {
        return hospitalLevel;
    }

    public void setHospitalLevel(HospitalLevel hospitalLevel) {
        this.hospitalLevel = hospitalLevel;
    }

    public boolean isHospitalInCounty() {
        return hospitalInCounty;
    }

    public void setHospitalInCounty(boolean hospitalInCounty) {
        this.hospitalInCounty = hospitalInCounty;
    }

    public VisitType getVisitType() {
        return visitType;
    }

    public void setVisitType(VisitType visitType) {
        this.visitType = visitType;
    }

    public LocalDate getAdmissionDate() {
        return admissionDate;
    }

    public void setAdmissionDate(LocalDate admissionDate) {
        this.admissionDate = admissionDate;
    }

    public LocalDate getDischargeDate() {
        return dischargeDate;
    }

    public void setDischargeDate(LocalDate dischargeDate) {
        this.dischargeDate = dischargeDate;
    }

    public BigDecimal getTotalAmount() {
        return totalAmount;
    }

    public void setTotalAmount(BigDecimal totalAmount) {
        this.totalAmount = totalAmount;
    }

    public BigDecimal getPolicyScopeAmount() {
        return policyScopeAmount;
    }

    public void setPolicyScopeAmount(BigDecimal policyScopeAmount) {
        this.policyScopeAmount = policyScopeAmount;
    }

    public BigDecimal getSpecialDrugAmount() {
        return specialDrugAmount;
    }

    public void setSpecialDrugAmount(BigDecimal specialDrugAmount) {
        this.specialDrugAmount = specialDrugAmount;
    }

    public BigDecimal getFundTotal() {
        return fundTotal;
    }

    public void setFundTotal(BigDecimal fundTotal) {
        this.fundTotal = fundTotal;
    }

    public BigDecimal getSelfPay() {
        return selfPay;
    }

    public void setSelfPay(BigDecimal selfPay) {
        this.selfPay = selfPay;
    }

    public Status getStatus() {
        return status;
    }

    /** The categories the person held on the discharge date, as stored with the settlement. */
    public List<String> getPersonCategories() {
        return personCategories.isEmpty() ? List.of() : Arrays.asList(personCategories.split(","));
    }

    public void setPersonCategories(Collection<PersonCategory> categories) {
        this.personCategories = String.join(",", categories.stream().map(PersonCategory::name).toList());
    }

    public String getRequestJson() {
        return requestJson;
    }

    public void setRequestJson(String requestJson) {
        this.requestJson = requestJson;
    }

    public String getVerificationCode() {
        return verificationCode;
    }

    public void setVerificationCode(String verificationCode) {
        this.verificationCode = verificationCode;
    }

    public OffsetDateTime getSettledAt() {
        return settledAt;
    }

    public void setSettledAt(OffsetDateTime settledAt) {
        this.settledAt = settledAt;
    }

    public String getSettledBy() {
        return settledBy;
    }

    public void setSettledBy(String settledBy) {
        this.settledBy = settledBy;
    }

    public OffsetDateTime getReversedAt() {
        return reversedAt;
    }

    public String getReversedBy() {
        return reversedBy;
    }

    public String getReversalReason() {
        return reversalReason;
    }

    public List<LineEntry> getLines() {
        return lines;
    }

    public List<StepEntry> getSteps() {
        return steps;
    }

    public List<DeltaEntry> getAccumulatorDeltas() {
        return accumulatorDeltas;
    }
}
