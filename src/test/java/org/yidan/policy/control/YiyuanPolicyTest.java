package org.yidan.policy.control;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yidan.policy.ShippedPolicies;
import org.yidan.policy.Tables;

/**
 * 沂源县 2020 (seed 004) as shipped, rule by rule, against hand-computed settlements. Lines in fund order:
 * BASIC, CRITICAL, ASSISTANCE, HOSPITAL_REDUCTION, COMMERCIAL, RE_ASSISTANCE. Column layout: see {@link Tables}.
 */
class YiyuanPolicyTest {

    private static final LocalDate DISCHARGE = LocalDate.of(2020, 6, 15);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        # critical 8000: 5000 below the deductible, 3000 x 65% = 1950; low-income 6050 < 10000: 0; re-assistance 1050 x 70% = 735
        deductibles crossed inside one bill | INPATIENT | COUNTY | REGISTERED_POOR | | | 12000 | 10000 | | | BASIC=2000 | 2000.00 1950.00 0.00 0.00 0.00 735.00 | 7315.00 | rule:assistance-low-income=6050.00/0.00 rule:critical=8000.00/1950.00 rule:re-assistance=6050.00/735.00 |
        # critical 90000..310000: 10000 x 65% + 200000 x 75% + 10000 x 85% = 165000; low-income 45000 x 40% = 18000 capped 10000; re-assistance 40000 x 70% = 28000 capped 20000
        segments 100000 and 300000 crossed, caps reached | INPATIENT | COUNTY | DIBAO_EDGE | | rule:critical=90000.00/55250.00 | 260000 | 250000 | | | BASIC=30000 | 30000.00 165000.00 10000.00 0.00 0.00 20000.00 | 35000.00 | rule:assistance-low-income=55000.00/10000.00 rule:critical=220000.00/165000.00 rule:re-assistance=45000.00/20000.00 | assistance-low-income:CAP re-assistance:CAP
        # critical 5000..100000 x 65% = 61750; low-income 23250 x 40% = 9300; re-assistance 18950 x 70% = 13265
        bill ending exactly at 100000 | INPATIENT | COUNTY | LOW_INCOME | | rule:critical=5000.00/0.00 | 100000 | 100000 | | | BASIC=5000 | 5000.00 61750.00 9300.00 0.00 0.00 13265.00 | 10685.00 | rule:assistance-low-income=33250.00/9300.00 rule:critical=95000.00/61750.00 rule:re-assistance=23950.00/13265.00 |
        # critical from 100000: 1000 x 75%; assistance and re-assistance are for inpatients only
        chronic outpatient from 100000 | OUTPATIENT_CHRONIC | COUNTY | REGISTERED_POOR | | rule:critical=100000.00/61750.00 | 2000 | 2000 | | | BASIC=1000 | 1000.00 750.00 0.00 0.00 0.00 0.00 | 250.00 | rule:critical=1000.00/750.00 | assistance-low-income:NOT_ELIGIBLE re-assistance:NOT_ELIGIBLE
        # critical 299000..302000: 1000 x 75% + 2000 x 85% = 2450
        segment 300000 crossed | OUTPATIENT_CHRONIC | COUNTY | REGISTERED_POOR | | rule:critical=299000.00/211000.00 | 3000 | 3000 | | | | 0.00 2450.00 0.00 0.00 0.00 0.00 | 550.00 | rule:critical=3000.00/2450.00 |
        # special drugs 10000 x 60% = 6000, cap 200000 leaves 2000; any visit type
        special-drug cap reached inside the bill | OUTPATIENT_GENERAL | VILLAGE | REGISTERED_POOR | | rule:critical-special-drug=330000.00/198000.00 | 10000 | 0 | 10000 | | | 0.00 2000.00 0.00 0.00 0.00 0.00 | 8000.00 | rule:critical-special-drug=10000.00/2000.00 | critical-special-drug:CAP critical:NOT_ELIGIBLE
        # the base still grows when the cap is used up
        special-drug cap already reached | OUTPATIENT_GENERAL | VILLAGE | REGISTERED_POOR | | rule:critical-special-drug=340000.00/200000.00 | 5000 | 0 | 5000 | | | 0.00 0.00 0.00 0.00 0.00 0.00 | 5000.00 | rule:critical-special-drug=5000.00/0.00 | critical-special-drug:CAP
        # critical 10000 x 65% = 6500; DIBAO's rule: 8500 x 80% = 6800; the REGISTERED_POOR rule is excluded
        DIBAO and REGISTERED_POOR get the DIBAO rule only | INPATIENT | COUNTY | DIBAO REGISTERED_POOR | | | 30000 | 30000 | | | BASIC=15000 | 15000.00 6500.00 6800.00 0.00 0.00 0.00 | 1700.00 | rule:assistance-tekun-dibao=8500.00/6800.00 rule:critical=15000.00/6500.00 rule:re-assistance=1700.00/0.00 | assistance-low-income:EXCLUDED assistance-illness-poverty:NOT_ELIGIBLE
        # critical 25000 x 65% = 16250; low-income 3750 x 40% = 1500; illness-poverty excluded; re-assistance 7250 x 70% = 5075
        REGISTERED_POOR and ILLNESS_POVERTY get the low-income rule | INPATIENT | COUNTY | REGISTERED_POOR ILLNESS_POVERTY | | | 50000 | 50000 | | | BASIC=20000 | 20000.00 16250.00 1500.00 0.00 0.00 5075.00 | 7175.00 | rule:assistance-low-income=13750.00/1500.00 rule:critical=30000.00/16250.00 rule:re-assistance=12250.00/5075.00 | assistance-illness-poverty:EXCLUDED assistance-tekun-dibao:NOT_ELIGIBLE
        # TEKUN: 6750 x 80% = 5400, but only 4000 of the 20000 cap is left
        TEKUN assistance cap reached inside the bill | INPATIENT | TOWNSHIP | TEKUN | | rule:assistance-tekun-dibao=20000.00/16000.00 | 20000 | 20000 | | | BASIC=10000 | 10000.00 3250.00 4000.00 0.00 0.00 0.00 | 2750.00 | rule:assistance-tekun-dibao=6750.00/4000.00 rule:critical=10000.00/3250.00 rule:re-assistance=2750.00/0.00 | assistance-tekun-dibao:CAP
        # illness-poverty 25000..35250: 5000 below 30000, 5250 x 20% = 1050; re-assistance 4200 x 70% = 2940
        illness-poverty deductible 30000 crossed | INPATIENT | CITY | ILLNESS_POVERTY | | rule:assistance-illness-poverty=25000.00/0.00 | 40000 | 40000 | | | BASIC=20000 | 20000.00 9750.00 1050.00 0.00 0.00 2940.00 | 6260.00 | rule:assistance-illness-poverty=10250.00/1050.00 rule:critical=20000.00/9750.00 rule:re-assistance=9200.00/2940.00 |
        # hospital reduction and 特惠保 as sent; re-assistance's base is what they leave
        external reduction and commercial | INPATIENT | COUNTY | INSTANT_AID | | | 10000 | 9000 | | | BASIC=4000 HOSPITAL_REDUCTION=500 COMMERCIAL=300 | 4000.00 0.00 0.00 500.00 300.00 0.00 | 5200.00 | rule:assistance-low-income=5000.00/0.00 rule:critical=5000.00/0.00 rule:re-assistance=4200.00/0.00 |
        # re-assistance 2000 x 70% = 1400, only 1100 of its 20000 cap left
        re-assistance cap reached inside the bill | INPATIENT | COUNTY | TEMPORARY | | rule:re-assistance=32000.00/18900.00 | 10000 | 10000 | | | BASIC=8000 | 8000.00 0.00 0.00 0.00 0.00 1100.00 | 900.00 | rule:assistance-low-income=2000.00/0.00 rule:critical=2000.00/0.00 rule:re-assistance=2000.00/1100.00 | re-assistance:CAP
        # no assistance rule serves 计生两户
        FAMILY_PLANNING gets no assistance | INPATIENT | COUNTY | FAMILY_PLANNING | | | 8000 | 8000 | | | BASIC=1000 | 1000.00 1300.00 0.00 0.00 0.00 490.00 | 5210.00 | rule:critical=7000.00/1300.00 rule:re-assistance=5700.00/490.00 | assistance-tekun-dibao:NOT_ELIGIBLE assistance-low-income:NOT_ELIGIBLE assistance-illness-poverty:NOT_ELIGIBLE
        # special drugs 2000 x 60% = 1200; the rest is for inpatients and chronic outpatients
        special outpatient | OUTPATIENT_SPECIAL | CITY | DIBAO | | | 5000 | 3000 | 2000 | | BASIC=1500 | 1500.00 1200.00 0.00 0.00 0.00 0.00 | 2300.00 | rule:critical-special-drug=2000.00/1200.00 | critical:NOT_ELIGIBLE assistance-tekun-dibao:NOT_ELIGIBLE re-assistance:NOT_ELIGIBLE
        # 0.10 x 65% = 0.065, half-up to 0.07 (half-even would give 0.06)
        rounding half-up to the fen | OUTPATIENT_CHRONIC | COUNTY | DIBAO | | rule:critical=5000.00/0.00 | 0.10 | 0.10 | | | | 0.00 0.07 0.00 0.00 0.00 0.00 | 0.03 | rule:critical=0.10/0.07 |
        """)
    void settles(String name, String visit, String level, String categories, String diseases, String before,
                 String total, String scope, String drug, String items, String external, String lines,
                 String selfPay, String deltas, String flags) {
        Tables.check(ShippedPolicies.yiyuan2020(), DISCHARGE, visit, level, categories, diseases, before, total,
                scope, drug, items, external, lines, selfPay, deltas, flags);
    }
}
