package org.yidan.beneficiaries.entity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.yidan.policy.entity.CategoryPeriod;
import org.yidan.policy.entity.PersonCategory;

/**
 * What one beneficiary (医保扶贫对象) is: the body of {@code PUT /api/v1/beneficiaries/{idNumber}}, one person of
 * an imported roster, and what the registry hands to the settlement.
 * <p>
 * Codes are kept as text so that a record can hold what a client sent before
 * {@link org.yidan.beneficiaries.control.BeneficiaryValidator} has looked at it; after validation they are the
 * upper-case names of {@link PersonCategory}, {@link StandardTag} and the disease codes of the policy
 * configuration. Lists may hold {@code null} elements until then, never afterwards.
 *
 * @param idNumber        18-character resident ID number (GB 11643)
 * @param county          6-digit county code the person belongs to
 * @param householdId     household (一户一档), optional
 * @param categories      effective-dated person categories
 * @param standardTags    which level's poverty standard the person is counted under (国标/省标/市标)
 * @param chronicDiseases approved chronic or special diseases (一病一卡)
 * @param exitedOn        exit from the registry (销号), optional
 * @param township        乡镇, optional
 * @param village         村, optional
 * @param householdIncome 家庭年收入 in yuan per year, optional
 */
public record BeneficiaryRecord(String idNumber, String name, String county, String householdId,
                                List<CategorySpan> categories, Set<String> standardTags,
                                List<DiseaseApproval> chronicDiseases, LocalDate exitedOn, String township,
                                String village, java.math.BigDecimal householdIncome) {

    /** A person without township, village or household income. */
    public BeneficiaryRecord(String idNumber, String name, String county, String householdId,
                             List<CategorySpan> categories, Set<String> standardTags,
                             List<DiseaseApproval> chronicDiseases, LocalDate exitedOn) {
        this(idNumber, name, county, householdId, categories, standardTags, chronicDiseases, exitedOn, null, null,
                null);
    }

    /**
     * A person category held from {@code from} to {@code to}, both inclusive; {@code to == null} while it lasts.
     *
     * @param code the name of a {@link PersonCategory}, e.g. {@code DIBAO}
     */
    public record CategorySpan(String code, LocalDate from, LocalDate to) {

        public boolean holdsOn(LocalDate date) {
            return from != null && !date.isBefore(from) && (to == null || !date.isAfter(to));
        }
    }

    /**
     * An approved chronic disease; it counts from the day after {@code approvedOn} (办结后次日享受待遇).
     *
     * @param code upper-case token such as {@code HYPERTENSION}
     */
    public record DiseaseApproval(String code, LocalDate approvedOn) {
    }

    /** The poverty standard a person is counted under (seed 004: 按照国标、省标、市标分别进行标注). */
    public enum StandardTag {
        NATIONAL("国标"),
        PROVINCIAL("省标"),
        MUNICIPAL("市标");

        private final String displayName;

        StandardTag(String displayName) {
            this.displayName = displayName;
        }

        public String displayName() {
            return displayName;
        }
    }

    public BeneficiaryRecord {
        categories = copyOf(categories);
        chronicDiseases = copyOf(chronicDiseases);
        standardTags = standardTags == null ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(standardTags));
    }

    /** The same person under another ID number, e.g. the one in the request path. */
    public BeneficiaryRecord withIdNumber(String otherIdNumber) {
        return new BeneficiaryRecord(otherIdNumber, name, county, householdId, categories, standardTags,
                chronicDiseases, exitedOn, township, village, householdIncome);
    }

    /** The same person with this township, village and household income. */
    public BeneficiaryRecord withResidence(String otherTownship, String otherVillage,
                                           java.math.BigDecimal otherHouseholdIncome) {
        return new BeneficiaryRecord(idNumber, name, county, householdId, categories, standardTags,
                chronicDiseases, exitedOn, otherTownship, otherVillage, otherHouseholdIncome);
    }

    /**
     * The categories as the policy calculator reads them. Only for a validated record.
     *
     * @throws org.yidan.platform.control.RefusedException when a code names no {@link PersonCategory}
     */
    public List<CategoryPeriod> categoryPeriods() {
        List<CategoryPeriod> periods = new ArrayList<>(categories.size());
        for (int i = 0; i < categories.size(); i++) {
            CategorySpan span = categories.get(i);
            periods.add(new CategoryPeriod(PersonCategory.parse("categories[" + i + "].code", span.code()),
                    span.from(), span.to()));
        }
        return List.copyOf(periods);
    }

    /** The disease approvals as the policy calculator reads them. Only for a validated record. */
    public List<org.yidan.policy.entity.DiseaseApproval> diseaseApprovals() {
        return chronicDiseases.stream()
                .map(approval -> new org.yidan.policy.entity.DiseaseApproval(approval.code(), approval.approvedOn()))
                .toList();
    }

    private static <T> List<T> copyOf(Collection<T> values) {
        // not List.copyOf: an unvalidated record may hold null elements, which the validator reports
        return values == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(values));
    }
}
