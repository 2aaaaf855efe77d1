package org.yidan.beneficiaries.control;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.yidan.beneficiaries.entity.BeneficiaryRecord;
import org.yidan.beneficiaries.entity.BeneficiaryRecord.CategorySpan;
import org.yidan.beneficiaries.entity.BeneficiaryRecord.DiseaseApproval;

/**
 * Invented persons for the embedded demo, for each county profile the product ships with: valid ID numbers of
 * that county, every person category that county's policy pays for, categories held in the policy year and still
 * today. Never loaded into a production registry.
 */
public final class DemoBeneficiaries {

    /** The DIBAO person of the worked examples in policy.md and of the settlement example in api.md. */
    public static final String WORKED_EXAMPLE_ID_NUMBER = "370323195803120215";

    private static final List<BeneficiaryRecord> YIYUAN = List.of(
            person("370323195803120215", "张洪顺", "370323", "H370323-0001", span("DIBAO", "2020-01-01")),
            person("370323196007210425", "李秀兰", "370323", "H370323-0001", span("DIBAO", "2020-01-01")),
            person("370323194509180642", "刘玉珍", "370323", "H370323-0002", span("TEKUN", "2015-06-01")),
            person("370323197204050314", "赵立军", "370323", "H370323-0003", span("DIBAO_EDGE", "2019-09-01")),
            person("370323196611290580", "孙桂英", "370323", "H370323-0004", span("LOW_INCOME", "2019-03-01")),
            person("370323198102170133", "唐文杰", "370323", "H370323-0005", span("REGISTERED_POOR", "2016-01-01"))
                    .tags("NATIONAL").disease("HYPERTENSION", "2019-03-01"),
            person("370323195506030264", "翟秀芳", "370323", "H370323-0006", span("DIBAO", "2018-05-01"),
                    span("REGISTERED_POOR", "2016-01-01"))
                    .tags("NATIONAL", "PROVINCIAL").disease("DIABETES", "2019-11-20"),
            person("370323196308140758", "马建国", "370323", "H370323-0007", span("INSTANT_AID", "2020-01-01"))
                    .tags("MUNICIPAL"),
            person("370323199010080821", "高春花", "370323", "H370323-0008",
                    span("TEMPORARY", "2020-01-01", "2020-12-31"), span("LOW_INCOME", "2021-01-01")),
            person("370323197601250379", "陈志强", "370323", "H370323-0009", span("ILLNESS_POVERTY", "2019-07-01"))
                    .disease("UREMIA", "2019-06-20"))
            .stream().map(Draft::build).toList();

    private static final List<BeneficiaryRecord> HUINING = List.of(
            person("620422195604100116", "王有福", "620422", "H620422-0001", span("REGISTERED_POOR", "2014-10-01"))
                    .tags("NATIONAL").disease("HYPERTENSION", "2017-05-10"),
            person("620422195812030247", "王桂兰", "620422", "H620422-0001", span("REGISTERED_POOR", "2014-10-01"))
                    .tags("NATIONAL"),
            person("620422194907160357", "张国栋", "620422", "H620422-0002", span("TEKUN", "2012-01-01")),
            person("620422196802280466", "李秀英", "620422", "H620422-0003", span("DIBAO", "2016-07-01")),
            person("620422197509190570", "马向东", "620422", "H620422-0004", span("REGISTERED_POOR", "2014-10-01"))
                    .tags("NATIONAL").disease("DIABETES", "2016-09-15"),
            person("620422198305110684", "杨彩霞", "620422", "H620422-0005", span("DIBAO", "2017-04-01"),
                    span("REGISTERED_POOR", "2014-10-01"))
                    .tags("NATIONAL"),
            person("620422196208300794", "魏建平", "620422", "H620422-0006", span("DIBAO", "2015-01-01"))
                    .disease("COPD", "2016-11-03"),
            person("620422194001220800", "何淑珍", "620422", "H620422-0007", span("TEKUN", "2010-05-01")))
            .stream().map(Draft::build).toList();

    private static final List<BeneficiaryRecord> LINYI_HIGH_TECH = List.of(
            person("371371195203070156", "刘永刚", "371371", "H371371-0001", span("REGISTERED_POOR", "2016-01-01"))
                    .tags("NATIONAL").disease("HYPERTENSION", "2016-03-15"),
            person("371371195406140265", "刘秀梅", "371371", "H371371-0001", span("REGISTERED_POOR", "2016-01-01"))
                    .tags("NATIONAL").disease("DIABETES", "2016-05-20"),
            person("371371197810210332", "孙立新", "371371", "H371371-0002", span("REGISTERED_POOR", "2016-01-01"))
                    .tags("PROVINCIAL").disease("SEVERE_MENTAL_DISORDER", "2015-11-02"),
            person("371371194704020486", "徐凤英", "371371", "H371371-0003", span("DIBAO", "2014-03-01"))
                    .disease("HYPERTENSION", "2015-08-01").disease("DIABETES", "2016-10-12"),
            person("371371196009180516", "杜宝山", "371371", "H371371-0004", span("TEKUN", "2013-01-01"))
                    .disease("SEVERE_MENTAL_DISORDER", "2014-06-30"),
            person("371371197012260626", "王丽娟", "371371", "H371371-0005", span("REGISTERED_POOR", "2016-01-01"))
                    .tags("MUNICIPAL").disease("HYPERTENSION", "2016-12-20"),
            person("371371196507130730", "颜廷军", "371371", "H371371-0006", span("DIBAO", "2016-06-01"),
                    span("REGISTERED_POOR", "2016-01-01"))
                    .tags("NATIONAL").disease("DIABETES", "2016-04-08"),
            // approved during the policy year: the approval counts from 2017-01-11 (办结后次日享受待遇)
            person("37137119580830084X", "公茂华", "371371", "H371371-0007", span("REGISTERED_POOR", "2016-01-01"))
                    .tags("NATIONAL").disease("HYPERTENSION", "2017-01-10"))
            .stream().map(Draft::build).toList();

    private DemoBeneficiaries() {
    }

    /** Every demo person: 沂源县 370323 first (its first person is the worked example), then 会宁县, 临沂高新区. */
    public static List<BeneficiaryRecord> all() {
        List<BeneficiaryRecord> all = new ArrayList<>(YIYUAN);
        all.addAll(HUINING);
        all.addAll(LINYI_HIGH_TECH);
        return List.copyOf(all);
    }

    /** The demo persons of one county; empty for a county without demo data. */
    public static List<BeneficiaryRecord> ofCounty(String county) {
        return switch (county) {
            case "370323" -> YIYUAN;
            case "620422" -> HUINING;
            case "371371" -> LINYI_HIGH_TECH;
            default -> List.of();
        };
    }

    private static Draft person(String idNumber, String name, String county, String householdId,
                                CategorySpan... categories) {
        return new Draft(idNumber, name, county, householdId, List.of(categories));
    }

    private static CategorySpan span(String code, String from) {
        return new CategorySpan(code, LocalDate.parse(from), null);
    }

    private static CategorySpan span(String code, String from, String to) {
        return new CategorySpan(code, LocalDate.parse(from), LocalDate.parse(to));
    }

    private static final class Draft {
        private final String idNumber;
        private final String name;
        private final String county;
        private final String householdId;
        private final List<CategorySpan> categories;
        private Set<String> tags = Set.of();
        private final List<DiseaseApproval> diseases = new ArrayList<>();

        Draft(String idNumber, String name, String county, String householdId, List<CategorySpan> categories) {
            this.idNumber = idNumber;
            this.name = name;
            this.county = county;
            this.householdId = householdId;
            this.categories = categories;
        }

        Draft tags(String... standardTags) {
            tags = new LinkedHashSet<>(List.of(standardTags));
            return this;
        }

        Draft disease(String code, String approvedOn) {
            diseases.add(new DiseaseApproval(code, LocalDate.parse(approvedOn)));
            return this;
        }

        BeneficiaryRecord build() {
            return new BeneficiaryRecord(idNumber, name, county, householdId, categories, tags, diseases, null);
        }
    }
}
