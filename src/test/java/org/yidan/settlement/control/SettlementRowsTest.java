package org.yidan.settlement.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.yidan.platform.control.JsonFactories;
import org.yidan.policy.entity.AccumulatorDelta;
import org.yidan.policy.entity.AccumulatorKey;
import org.yidan.settlement.entity.DeltaEntry;
import org.yidan.settlement.entity.LineEntry;
import org.yidan.settlement.entity.Settlement;
import org.yidan.settlement.entity.StepEntry;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The child rows as the settlement's writing statement unpacks them: positions, amounts, texts as they are. */
class SettlementRowsTest {

    @Test
    void positionsFollowTheListsAndTextsKeepQuotesAndNewlines() {
        Settlement settlement = new Settlement("370323-20200305-000001");
        settlement.getLines().add(new LineEntry("BASIC", new BigDecimal("0.00")));
        settlement.getLines().add(new LineEntry("ASSISTANCE", new BigDecimal("2400.00")));
        settlement.getSteps().add(new StepEntry("basic", "BASIC", new BigDecimal("3000.00"), new BigDecimal("0.00"),
                "由核心系统结算 \"0.00\" 元\n下一行", "APPLIED"));
        settlement.getSteps().add(new StepEntry("old", "CRITICAL", BigDecimal.ONE, BigDecimal.ZERO, "旧", null));
        settlement.getAccumulatorDeltas().add(new DeltaEntry(new AccumulatorDelta(AccumulatorKey.rule("critical"),
                new BigDecimal("3000.00"), new BigDecimal("0.00"))));

        JsonObject rows = JsonFactories.READERS.createReader(new StringReader(SettlementRows.json(settlement,
                List.of()))).readObject();

        JsonArray lines = rows.getJsonArray("lines");
        assertEquals(1, lines.getJsonObject(1).getInt("position"));
        assertEquals("ASSISTANCE", lines.getJsonObject(1).getString("fund"));
        assertEquals(new BigDecimal("2400.00"), lines.getJsonObject(1).getJsonNumber("amount").bigDecimalValue());
        JsonArray steps = rows.getJsonArray("steps");
        assertEquals("由核心系统结算 \"0.00\" 元\n下一行", steps.getJsonObject(0).getString("explanation"));
        assertEquals("APPLIED", steps.getJsonObject(0).getString("outcome"));
        assertTrue(steps.getJsonObject(1).isNull("outcome"));
        assertEquals(1, steps.getJsonObject(1).getInt("position"));
        JsonObject delta = rows.getJsonArray("deltas").getJsonObject(0);
        assertEquals(AccumulatorKey.rule("critical").value(), delta.getString("acc_key"));
        assertEquals(new BigDecimal("3000.00"), delta.getJsonNumber("base_delta").bigDecimalValue());
        assertTrue(rows.getJsonArray("accumulators").isEmpty());
    }
}
