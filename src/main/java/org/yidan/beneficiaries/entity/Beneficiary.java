package org.yidan.beneficiaries.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.yidan.policy.entity.CategoryPeriod;
import org.yidan.policy.entity.DiseaseApproval;
import org.yidan.policy.entity.PersonCategory;
import org.yidan.policy.entity.PersonSnapshot;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A registered beneficiary (医保扶贫对象), keyed by the 18-character resident ID number: one household
 * (一户一档), effective-dated categories, standard tags (国标/省标/市标), approved chronic diseases
 * (一病一卡) and the exit date (销号). Aggregate root of the registry.
 */
@Entity
@Table(name = "beneficiary")
@NamedQuery(name = Beneficiary.FIND_BY_NAME,
        query = "select b from Beneficiary b where b.name = :name order by b.idNumber")
public class Beneficiary {

    public static final String FIND_BY_NAME = "Beneficiary.findByName";

    @Id
    @Column(name = "id_number", length = 18)
    private String idNumber;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(nullable = false, length = 6)
    private String county;

    @Column(name = "household_id", length = 64)
    private String householdId;

    @Column(name = "exited_on")
    private LocalDate exitedOn;

    @Column(length = 100)
    private String township;

    @Column(length = 100)
    private String village;

    /** 家庭年收入 in yuan, where the registry knows it. */
    @Column(name = "household_income", precision = 14, scale = 2)
    private java.math.BigDecimal householdIncome;

    @Version
    private long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt = OffsetDateTime.now(ZoneOffset.UTC);

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt = OffsetDateTime.now(ZoneOffset.UTC);

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "beneficiary_category", joinColumns = @JoinColumn(name = "id_number"))
    @OrderColumn(name = "position")
    private List<CategoryEntry> categories = new ArrayList<>();

    // not needed to settle, so read only when shown
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "beneficiary_tag", joinColumns = @JoinColumn(name = "id_number"))
    @Column(name = "tag")
    private Set<String> standardTags = new TreeSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "beneficiary_disease", joinColumns = @JoinColumn(name = "id_number"))
    private List<DiseaseEntry> chronicDiseases = new ArrayList<>();

    protected Beneficiary() {
    }

    public Beneficiary(String idNumber) {
        this.idNumber = idNumber;
    }

    /** What the rules need to know about this person on {@code date} (e.g. the discharge date). */
    public PersonSnapshot snapshotOn(LocalDate date) {
        return PersonSnapshot.asOf(date, categoryPeriods(), diseaseApprovals(), exitedOn);
    }

    public List<CategoryPeriod> categoryPeriods() {
        return categories.stream()
                .map(entry -> new CategoryPeriod(PersonCategory.valueOf(entry.getCode()), entry.getValidFrom(),
                        entry.getValidTo()))
                .toList();
    }

    public List<DiseaseApproval> diseaseApprovals() {
        return chronicDiseases.stream().map(entry -> new DiseaseApproval(entry.getCode(), entry.getApprovedOn()))
                .toList();
    }

    /** Replaces everything but the ID number with what {@code record} says (validated before). */
    public void replaceWith(BeneficiaryRecord record) {
        name = record.name();
        county = record.county();
        householdId = record.householdId();
        exitedOn = record.exitedOn();
        township = record.township();
        village = record.village();
        householdIncome = record.householdIncome();
        categories.clear();
        record.categories().forEach(span -> categories.add(new CategoryEntry(span.code(), span.from(), span.to())));
        standardTags.clear();
        standardTags.addAll(record.standardTags());
        chronicDiseases.clear();
        record.chronicDiseases().forEach(d -> chronicDiseases.add(new DiseaseEntry(d.code(), d.approvedOn())));
        updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public BeneficiaryRecord toRecord() {
        return new BeneficiaryRecord(idNumber, name, county, householdId,
                categories.stream().map(entry -> new BeneficiaryRecord.CategorySpan(entry.getCode(),
                        entry.getValidFrom(), entry.getValidTo())).toList(),
                new TreeSet<>(standardTags),
                chronicDiseases.stream().map(entry -> new BeneficiaryRecord.DiseaseApproval(entry.getCode(),
                        entry.getApprovedOn())).toList(),
                exitedOn, township, village, householdIncome);
    }

    /** Whether storing {@code record} would change nothing (a roster imported twice). */
    public boolean sameAs(BeneficiaryRecord record) {
        BeneficiaryRecord current = toRecord();
        return java.util.Objects.equals(current.name(), record.name())
                && java.util.Objects.equals(current.county(), record.county())
                && java.util.Objects.equals(current.householdId(), record.householdId())
                && java.util.Objects.equals(current.exitedOn(), record.exitedOn())
                && java.util.Objects.equals(current.township(), record.township())
                && java.util.Objects.equals(current.village(), record.village())
                && (current.householdIncome() == null ? record.householdIncome() == null
                    : record.householdIncome() != null
                      && current.householdIncome().compareTo(record.householdIncome()) == 0)
                && current.categories().equals(record.categories())
                && new TreeSet<>(current.standardTags()).equals(new TreeSet<>(record.standardTags()))
                && current.chronicDiseases().equals(record.chronicDiseases());
    }

    public String getTownship() {
        return township;
    }

    public String getVillage() {
        return village;
    }

    public java.math.BigDecimal getHouseholdIncome() {
        return householdIncome;
    }

    public String getIdNumber() {
        return idNumber;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getCounty() {
        return county;
    }

    public void setCounty(String county) {
        this.county = county;
    }

    public String getHouseholdId() {
        return householdId;
    }

    public void setHouseholdId(String householdId) {
        this.householdId = householdId;
    }

    public LocalDate getExitedOn() {
        return exitedOn;
    }

    public void setExitedOn(LocalDate exitedOn) {
        this.exitedOn = exitedOn;
    }

    public long getVersion() {
        return version;
    }

    public List<CategoryEntry> getCategories() {
        return categories;
    }

    public Set<String> getStandardTags() {
        return standardTags;
    }

    public List<DiseaseEntry> getChronicDiseases() {
        return chronicDiseases;
    }

    public OffsetDateTime getUpdatedAt() {
        return updatedAt;
    }
}
