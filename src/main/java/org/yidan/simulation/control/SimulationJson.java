package org.yidan.simulation.control;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.yidan.platform.control.JsonFactories;

/**
 * A simulation's result as stored and served: {@code baseline} and {@code draft} in the shape of the report summary
 * (api.md) plus {@code betterOff}, {@code worseOff}, {@code selfPayDistribution} and {@code refused};
 * {@code difference} (draft − baseline); {@code largestChanges} (masked ID numbers); {@code targetsConfigured}.
 */
public final class SimulationJson {

    private SimulationJson() {
    }

    public static JsonObject toJson(SimulationResult result) {
        JsonObjectBuilder json = JsonFactories.object()
                .add("baseline", summary(result.baseline()))
                .add("draft", summary(result.draft()))
                .add("difference", difference(result.difference()))
                .add("targetsConfigured", result.targetsConfigured());
        JsonArrayBuilder changes = JsonFactories.array();
        for (SimulationResult.Change change : result.largestChanges()) {
            changes.add(JsonFactories.object().add("idNumber", change.idNumber())
                    .add("settlements", change.settlements())
                    .add("baselineSelfPay", amount(change.baselineSelfPay()))
                    .add("draftSelfPay", amount(change.draftSelfPay()))
                    .add("change", amount(change.change())));
        }
        return json.add("largestChanges", changes).build();
    }

    static JsonObject summary(Summary summary) {
        JsonObjectBuilder json = JsonFactories.object()
                .add("settlements", summary.settlements())
                .add("persons", summary.persons())
                .add("totalAmount", amount(summary.totalAmount()))
                .add("policyScopeAmount", amount(summary.policyScopeAmount()))
                .add("funds", funds(summary.funds()))
                .add("fundTotal", amount(summary.fundTotal()))
                .add("selfPay", amount(summary.selfPay()))
                .add("actualRatio", ratio(summary.actualRatio()))
                .add("scopeRatio", ratio(summary.scopeRatio()))
                .add("inCountyShare", ratio(summary.inCountyShare()));
        JsonArrayBuilder categories = JsonFactories.array();
        summary.byCategory().forEach(slice -> categories.add(slice("category", slice)));
        JsonArrayBuilder visitTypes = JsonFactories.array();
        summary.byVisitType().forEach(slice -> visitTypes.add(slice("visitType", slice)));
        JsonArrayBuilder targets = JsonFactories.array();
        for (Summary.TargetResult target : summary.targets()) {
            // the fields of the report summary's targets (api.md), so both screens show the same target
            JsonObjectBuilder item = JsonFactories.object().add("name", target.target().name())
                    .add("target", ratio(target.target().target())).add("bound", target.target().bound().name())
                    .add("ratio", target.target().ratio()).add("slice", target.target().slice())
                    .add("source", target.target().source());
            if (target.actual() == null) {
                item.addNull("actual").addNull("met");
            } else {
                item.add("actual", ratio(target.actual())).add("met", target.met());
            }
            targets.add(item);
        }
        JsonArrayBuilder distribution = JsonFactories.array();
        for (Summary.Bucket bucket : summary.selfPayDistribution()) {
            JsonObjectBuilder item = JsonFactories.object().add("from", amount(bucket.from()));
            if (bucket.to() == null) {
                item.addNull("to");
            } else {
                item.add("to", amount(bucket.to()));
            }
            distribution.add(item.add("settlements", bucket.settlements()));
        }
        return json.add("byCategory", categories).add("byVisitType", visitTypes).add("targets", targets)
                .add("selfPayDistribution", distribution)
                .add("betterOff", summary.betterOff()).add("worseOff", summary.worseOff())
                .add("refused", summary.refused()).build();
    }

    private static JsonObject difference(SimulationResult.Difference difference) {
        return JsonFactories.object()
                .add("settlements", difference.settlements())
                .add("funds", funds(difference.funds()))
                .add("fundTotal", amount(difference.fundTotal()))
                .add("selfPay", amount(difference.selfPay()))
                .add("actualRatio", ratio(difference.actualRatio()))
                .add("scopeRatio", ratio(difference.scopeRatio()))
                .add("betterOff", difference.betterOff())
                .add("worseOff", difference.worseOff()).build();
    }

    private static JsonObject slice(String keyName, Summary.Slice slice) {
        return JsonFactories.object().add(keyName, slice.key())
                .add("settlements", slice.settlements())
                .add("totalAmount", amount(slice.totalAmount()))
                .add("policyScopeAmount", amount(slice.policyScopeAmount()))
                .add("fundTotal", amount(slice.fundTotal()))
                .add("selfPay", amount(slice.selfPay()))
                .add("actualRatio", ratio(slice.actualRatio()))
                .add("scopeRatio", ratio(slice.scopeRatio())).build();
    }

    private static JsonObject funds(Map<String, BigDecimal> funds) {
        JsonObjectBuilder json = JsonFactories.object();
        funds.forEach((fund, amount) -> json.add(fund, amount(amount)));
        return json.build();
    }

    /** Exactly two decimals, as every amount in the API. */
    static BigDecimal amount(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    static BigDecimal ratio(BigDecimal ratio) {
        return ratio.setScale(4, RoundingMode.HALF_UP);
    }
}
