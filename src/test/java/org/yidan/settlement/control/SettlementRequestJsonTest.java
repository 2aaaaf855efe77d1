package org.yidan.settlement.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.StringReader;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A settlement stores its request as JSON: the shape the API reads, so that it reads back as the same request. */
class SettlementRequestJsonTest {

    private static final String REQUEST = """
            {"idNumber": "370323195803120215",
             "hospital": {"code": "H370323001", "level": "COUNTY", "inCounty": true},
             "visitType": "INPATIENT", "admissionDate": "2020-05-01", "dischargeDate": "2020-05-10",
             "totalAmount": 60000, "policyScopeAmount": 50000.5, "specialDrugAmount": 0,
             "items": [{"category": "ESSENTIAL_DRUG", "amount": 100}],
             "externalPayments": {"BASIC": 30000}}
            """;

    @Test
    void writesTheRequestAsTheApiReadsIt() {
        SettlementRequest request = SettlementRequestJson.parse(json(REQUEST));
        JsonObject written = SettlementRequestJson.write(request);
        assertEquals(request, SettlementRequestJson.parse(written));
        assertEquals(request.fingerprint(), SettlementRequestJson.parse(json(written.toString())).fingerprint());
        assertEquals("50000.50", written.getJsonNumber("policyScopeAmount").toString());
        assertEquals("COUNTY", written.getJsonObject("hospital").getString("level"));
        assertEquals("30000.00", written.getJsonObject("externalPayments").getJsonNumber("BASIC").toString());
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
