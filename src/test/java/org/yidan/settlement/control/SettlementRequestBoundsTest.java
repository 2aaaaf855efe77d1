package org.yidan.settlement.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yidan.platform.control.JsonBodies;
import org.yidan.platform.control.RefusedException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Amounts with extreme exponents are refused while parsing, before anything prints or computes with them. */
class SettlementRequestBoundsTest {

    static JsonObject bill(String totalAmount) {
        return JsonBodies.object("""
                {"idNumber": "370323195803120215",
                 "hospital": {"code": "H370323001", "level": "COUNTY", "inCounty": true}, "visitType": "INPATIENT",
                 "admissionDate": "2020-05-01", "dischargeDate": "2020-05-10", "totalAmount": %s,
                 "policyScopeAmount": 50000.00}""".formatted(totalAmount));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e-999999999", "\"1e-999999999\"", "1E+999999999", "\"9e2147483647\"",
            "0.0000000000000000000000000000001"})
    void anExtremeAmountIsRefusedWithABoundedMessage(String amount) {
        long started = System.nanoTime();
        RefusedException refused = assertThrows(RefusedException.class, () -> SettlementRequestJson.parse(bill(amount)));
        assertEquals("AMOUNT_INVALID", refused.code());
        assertTrue(refused.errors().get(0).message().length() < 200, refused.errors().get(0).message());
        assertTrue(System.nanoTime() - started < 5_000_000_000L, "refused without working through the exponent");
    }

    @Test
    void aBillOfAHundredThousandInvalidItemsKeepsTheFirstHundredErrorsAndCountsThemAll() {
        JsonObject json = Json.createObjectBuilder(bill("60000.00"))
                .add("items", Json.createArrayBuilder(java.util.Collections.nCopies(100_000, 1))).build();
        RefusedException refused = assertThrows(RefusedException.class, () -> SettlementRequestJson.parse(json));
        assertEquals(RefusedException.MAX_ERRORS, refused.errors().size());
        assertTrue(refused.errorCount() > 100_000, "errorCount " + refused.errorCount());
    }
}
