package org.yidan.beneficiaries.entity;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What the enrolment system says about one person in one year (参保信息): the body of
 * {@code PUT /api/v1/beneficiaries/{idNumber}/coverage/{year}} and one row of a coverage import.
 *
 * @param insured         enrolled in basic medical insurance that year
 * @param since           since when, only for an insured person; optional
 * @param scheme          {@link Scheme} name, optional
 * @param subsidyCategory the person category the premium subsidy is granted for (分类参保补贴), optional
 * @param subsidyAmount   the premium subsidy in yuan, optional
 */
public record CoverageRecord(String idNumber, int year, boolean insured, LocalDate since, String scheme,
                             String subsidyCategory, BigDecimal subsidyAmount) {

    /** The insurance a person is enrolled in. */
    public enum Scheme {
        RESIDENT("城乡居民基本医疗保险"),
        EMPLOYEE("职工基本医疗保险");

        private final String displayName;

        Scheme(String displayName) {
            this.displayName = displayName;
        }

        public String displayName() {
            return displayName;
        }
    }
}
