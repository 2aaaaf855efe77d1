package org.yidan.settlement.control;

import jakarta.json.JsonArrayBuilder;
import org.yidan.platform.control.JsonFactories;
import org.yidan.policy.entity.AccumulatorDelta;
import org.yidan.settlement.entity.AccumulatorEntry;
import org.yidan.settlement.entity.DeltaEntry;
import org.yidan.settlement.entity.LineEntry;
import org.yidan.settlement.entity.Settlement;
import org.yidan.settlement.entity.StepEntry;

import java.util.Collection;
import java.util.List;

/**
 * A settlement's child rows (lines, steps, accumulator deltas) and the new values of the accumulators it changed,
 * as one JSON document that the settlement's one writing statement unpacks with {@code jsonb_to_recordset}: one
 * round trip and one statement for what EclipseLink wrote as a batch per table and an update per accumulator.
 * Positions are the lists' indexes, as the entity's {@code @OrderColumn} numbers them.
 */
public final class SettlementRows {

    private SettlementRows() {
    }

    public static String json(Settlement settlement, Collection<AccumulatorEntry> changed) {
        JsonArrayBuilder lines = JsonFactories.array();
        List<LineEntry> lineEntries = settlement.getLines();
        for (int position = 0; position < lineEntries.size(); position++) {
            LineEntry line = lineEntries.get(position);
            lines.add(JsonFactories.object().add("position", position).add("fund", line.getFund())
                    .add("amount", line.getAmount()));
        }
        JsonArrayBuilder steps = JsonFactories.array();
        List<StepEntry> stepEntries = settlement.getSteps();
        for (int position = 0; position < stepEntries.size(); position++) {
            StepEntry step = stepEntries.get(position);
            var row = JsonFactories.object().add("position", position).add("rule_id", step.getRuleId())
                    .add("fund", step.getFund()).add("base_amount", step.getBaseAmount())
                    .add("amount", step.getAmount()).add("explanation", step.getExplanation());
            if (step.getOutcome() == null) {
                row.addNull("outcome");
            } else {
                row.add("outcome", step.getOutcome());
            }
            steps.add(row);
        }
        JsonArrayBuilder deltas = JsonFactories.array();
        for (DeltaEntry entry : settlement.getAccumulatorDeltas()) {
            AccumulatorDelta delta = entry.delta();
            deltas.add(JsonFactories.object().add("acc_key", delta.key().value())
                    .add("base_delta", delta.baseDelta()).add("paid_delta", delta.paidDelta()));
        }
        JsonArrayBuilder accumulators = JsonFactories.array();
        for (AccumulatorEntry entry : changed) {
            var row = JsonFactories.object().add("acc_key", entry.getKey())
                    .add("base_amount", entry.getBaseAmount()).add("paid_amount", entry.getPaidAmount());
            if (entry.getCapAmount() == null) {
                row.addNull("cap_amount");
            } else {
                row.add("cap_amount", entry.getCapAmount());
            }
            accumulators.add(row);
        }
        return JsonFactories.object().add("lines", lines).add("steps", steps).add("deltas", deltas)
                .add("accumulators", accumulators).build().toString();
    }
}
