package org.yidan.policy.control;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yidan.policy.ShippedPolicies;
import org.yidan.policy.Tables;

/**
 * 会宁县 2018 (seed 001) as shipped. Lines in fund order: BASIC, CRITICAL, ASSISTANCE. Column layout: see
 * {@link Tables}.
 */
class HuiningPolicyTest {

    private static final LocalDate DISCHARGE = LocalDate.of(2018, 9, 30);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        # 85% of 1000 = 850; basic and critical paid 600; critical tops up 250
        chronic outpatient topped up to 85% | OUTPATIENT_CHRONIC | TOWNSHIP | REGISTERED_POOR | | | 1200 | 1000 | | | BASIC=500 CRITICAL=100 | 500.00 350.00 0.00 | 350.00 | | assistance-backstop:NOT_ELIGIBLE
        # 900 paid already is above 850
        chronic outpatient already above 85% | OUTPATIENT_CHRONIC | COUNTY | DIBAO | | | 1000 | 1000 | | | BASIC=800 CRITICAL=100 | 800.00 100.00 0.00 | 100.00 | |
        # 333.33 x 85% = 283.3305, rounded to 283.33; 183.33 on top of 100
        target rounded to the fen | OUTPATIENT_CHRONIC | COUNTY | TEKUN | | | 333.33 | 333.33 | | | BASIC=100 | 100.00 183.33 0.00 | 50.00 | |
        # self-pay in scope 6000: 3000 below the deductible, 3000 in full
        backstop deductible crossed inside one bill | INPATIENT | COUNTY | DIBAO | | | 20000 | 18000 | | | BASIC=10000 CRITICAL=2000 | 10000.00 2000.00 3000.00 | 5000.00 | rule:assistance-backstop=6000.00/3000.00 | critical-chronic-85:NOT_ELIGIBLE
        # the year's second bill: all of it above 3000
        backstop second bill of the year | INPATIENT | COUNTY | TEKUN | | rule:assistance-backstop=6000.00/3000.00 | 5000 | 5000 | | | BASIC=3000 | 3000.00 0.00 2000.00 | 0.00 | rule:assistance-backstop=2000.00/2000.00 |
        # reaching exactly 3000 pays nothing yet
        backstop reaching 3000 exactly | INPATIENT | COUNTY | REGISTERED_POOR | | | 4000 | 4000 | | | BASIC=1000 | 1000.00 0.00 0.00 | 3000.00 | rule:assistance-backstop=3000.00/0.00 |
        # 2500..4000: 500 below 3000, 1000 in full
        backstop crossed with an earlier bill | INPATIENT | COUNTY | REGISTERED_POOR | | rule:assistance-backstop=2500.00/0.00 | 1500 | 1500 | | | | 0.00 0.00 1000.00 | 500.00 | rule:assistance-backstop=1500.00/1000.00 |
        # the backstop is for REGISTERED_POOR, DIBAO, TEKUN
        backstop not for LOW_INCOME | INPATIENT | COUNTY | LOW_INCOME | | | 10000 | 10000 | | | BASIC=5000 | 5000.00 0.00 0.00 | 5000.00 | | assistance-backstop:NOT_ELIGIBLE
        general outpatient: externals only | OUTPATIENT_GENERAL | VILLAGE | REGISTERED_POOR | | | 300 | 200 | | | BASIC=100 | 100.00 0.00 0.00 | 200.00 | | critical-chronic-85:NOT_ELIGIBLE assistance-backstop:NOT_ELIGIBLE
        """)
    void settles(String name, String visit, String level, String categories, String diseases, String before,
                 String total, String scope, String drug, String items, String external, String lines,
                 String selfPay, String deltas, String flags) {
        Tables.check(ShippedPolicies.huining2018(), DISCHARGE, visit, level, categories, diseases, before, total,
                scope, drug, items, external, lines, selfPay, deltas, flags);
    }
}
