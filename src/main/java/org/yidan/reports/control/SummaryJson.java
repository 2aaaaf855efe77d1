package org.yidan.reports.control;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.yidan.policy.entity.Fund;

import java.math.BigDecimal;
import java.util.Map;

/** The summary as api.md writes it: amounts with two decimals, ratios with four, null where undefined. */
public final class SummaryJson {

    private SummaryJson() {
    }

    public static JsonObject toJson(Summary summary) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("county", summary.county())
                .add("countyName", summary.countyName())
                .add("from", summary.from().toString())
                .add("to", summary.to().toString());
        figures(json, summary.total());
        json.add("byCategory", slices(summary, "category", "category"));
        json.add("byCategoryVisitType", slices(summary, "categoryVisitType", "category"));
        json.add("byStandardTag", slices(summary, "standardTag", "standardTag"));
        json.add("byVisitType", slices(summary, "visitType", "visitType"));
        json.add("byHospitalLevel", slices(summary, "hospitalLevel", "hospitalLevel"));
        json.add("byHospital", slices(summary, "hospital", "hospitalCode"));
        json.add("byTownship", slices(summary, "township", "township"));
        json.add("byMonth", slices(summary, "month", "month"));
        long counted = summary.categorySettlementsCounted();
        json.add("categoryNote", Json.createObjectBuilder()
                .add("settlementsCounted", counted)
                .add("settlements", summary.total().settlements())
                .add("explanation", "A settlement is counted under every category its person held on the discharge"
                        + " date (a person may hold two, e.g. DIBAO and REGISTERED_POOR), and once under null when the"
                        + " person held none; the category rows therefore add up to " + counted
                        + " settlements against " + summary.total().settlements() + " in total."));
        JsonArrayBuilder targets = Json.createArrayBuilder();
        for (Summary.TargetResult result : summary.targets()) {
            JsonObjectBuilder target = Json.createObjectBuilder()
                    .add("name", result.target().name())
                    .add("target", ratio(result.target().target()))
                    .add("bound", result.target().bound().name())
                    .add("ratio", result.target().ratio())
                    .add("slice", result.target().slice())
                    .add("source", result.target().source());
            nullable(target, "actual", result.actual() == null ? null : ratio(result.actual()));
            if (result.met() == null) {
                target.addNull("met");
            } else {
                target.add("met", result.met());
            }
            targets.add(target);
        }
        json.add("targets", targets);
        JsonArrayBuilder budgets = Json.createArrayBuilder();
        for (Budget budget : summary.budgets()) {
            JsonObjectBuilder b = Json.createObjectBuilder()
                    .add("fund", budget.fund().name()).add("year", budget.year())
                    .add("budget", money(budget.budget())).add("asOf", budget.asOf().toString())
                    .add("spent", money(budget.spent())).add("remaining", money(budget.remaining()))
                    .add("projected", money(budget.projected()));
            nullable(b, "share", budget.share() == null ? null : ratio(budget.share()));
            nullable(b, "projectedShare", budget.projectedShare() == null ? null : ratio(budget.projectedShare()));
            budgets.add(b);
        }
        json.add("budgets", budgets);
        if (summary.backstop() == null) {
            json.addNull("backstop");
        } else {
            Summary.Backstop backstop = summary.backstop();
            JsonObjectBuilder b = Json.createObjectBuilder().add("rule", backstop.rule()).add("fund", backstop.fund())
                    .add("paid", money(backstop.paid())).add("budgetConfigured", backstop.budgetConfigured());
            nullable(b, "shortfall", backstop.shortfall() == null ? null : money(backstop.shortfall()));
            nullable(b, "projectedShortfall",
                    backstop.projectedShortfall() == null ? null : money(backstop.projectedShortfall()));
            json.add("backstop", b);
        }
        json.add("coverage", Json.createObjectBuilder().add("year", summary.coverage().year())
                .add("byTownship", coverage(summary.coverage().byTownship(), "township", false))
                .add("byCategory", coverage(summary.coverage().byCategory(), "category", true)));
        return json.add("source", summary.source()).add("generatedAt", summary.generatedAt().toString()).build();
    }

    private static JsonArrayBuilder coverage(java.util.List<Summary.CoverageRate> rates, String keyName, boolean category) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (Summary.CoverageRate rate : rates) {
            JsonObjectBuilder row = Json.createObjectBuilder();
            nullable(row, keyName, rate.group());
            row.add("name", SliceLabels.coverageGroup(rate.group(), category))
                    .add("persons", rate.persons()).add("insured", rate.insured()).add("uninsured", rate.uninsured())
                    .add("notRecorded", rate.notRecorded()).add("exited", rate.exited());
            nullable(row, "rate", rate.rate() == null ? null : ratio(rate.rate()));
            array.add(row);
        }
        return array;
    }

    private static JsonArrayBuilder slices(Summary summary, String dimension, String keyName) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (Aggregate slice : summary.slices(dimension)) {
            JsonObjectBuilder row = Json.createObjectBuilder();
            nullable(row, keyName, slice.key());
            if ("categoryVisitType".equals(dimension)) {
                row.add("visitType", slice.subKey());
            }
            row.add("name", SliceLabels.key(slice));
            figures(row, slice);
            array.add(row);
        }
        return array;
    }

    private static void figures(JsonObjectBuilder json, Aggregate a) {
        JsonObjectBuilder funds = Json.createObjectBuilder();
        for (Map.Entry<Fund, BigDecimal> fund : a.funds().entrySet()) {
            funds.add(fund.getKey().name(), money(fund.getValue()));
        }
        json.add("settlements", a.settlements())
                .add("persons", a.persons())
                .add("totalAmount", money(a.totalAmount()))
                .add("policyScopeAmount", money(a.policyScopeAmount()))
                .add("funds", funds)
                .add("fundTotal", money(a.fundTotal()))
                .add("selfPay", money(a.selfPay()));
        nullable(json, "actualRatio", a.actualRatio() == null ? null : ratio(a.actualRatio()));
        nullable(json, "scopeRatio", a.scopeRatio() == null ? null : ratio(a.scopeRatio()));
        nullable(json, "inCountyShare", a.inCountyShare() == null ? null : ratio(a.inCountyShare()));
        nullable(json, "averagePerSettlement",
                a.averagePerSettlement() == null ? null : money(a.averagePerSettlement()));
    }

    private static void nullable(JsonObjectBuilder json, String name, Object value) {
        if (value == null) {
            json.addNull(name);
        } else if (value instanceof BigDecimal number) {
            json.add(name, number);
        } else {
            json.add(name, value.toString());
        }
    }

    private static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, java.math.RoundingMode.HALF_UP);
    }

    private static BigDecimal ratio(BigDecimal ratio) {
        return ratio.setScale(Aggregate.RATIO_SCALE, java.math.RoundingMode.HALF_UP);
    }
}
