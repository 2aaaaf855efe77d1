package org.yidan.security.control;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 9: the audit screen showed English details; each fact the components record has a Chinese text. */
class AuditDetailsTest {

    @Test
    void theFactsTheComponentsRecordHaveChineseTexts() {
        ResourceBundle zh = ResourceBundle.getBundle("org.yidan.messages", Locale.SIMPLIFIED_CHINESE);
        for (String detail : List.of("370323 total 60000.00 funds 47950.00 self-pay 12050.00",
                "duplicate of 370323-20261127-000001 confirmed", "created 3, updated 0, unchanged 1, invalid rows 2",
                "demo users and 12 demo beneficiaries loaded", "first administrator from YIDAN_BOOTSTRAP_ADMIN",
                "roles [CLERK, ADMIN]", "unknown user", "account disabled", "account locked until 2026-11-27T10:00Z",
                "wrong password; account locked for 15 minutes", "wrong password", "HTTP Basic", "form login",
                "form logout", "generated lines 1 total 275.00 held 0.00 prepayment 0.00 payable 275.00",
                "refreshed lines 2 total -7836.00 held 0.00 prepayment -7836.00 payable 0.00",
                "total 1500.00 payable 600.00", "paid 8200.00 on 2020-06-10 ref PZ-001",
                "prepaid 100.00 on 2020-06-01 ref YB 2020/6", "score 0.95 held 400.00 released 380.00",
                "公示期 2026-11-28 – 2026-12-04, 3 persons", "stored 12, refused 1")) {
            AuditDetails.Detail known = AuditDetails.of(detail).orElseThrow(() -> new AssertionError(detail));
            assertTrue(zh.containsKey(known.key()), known.key());
            assertTrue(zh.getString(known.key()).codePoints().anyMatch(c -> c >= 0x4e00 && c <= 0x9fff),
                    known.key() + " is not Chinese");
        }
        assertEquals(List.of("370323", "60000.00", "47950.00", "12050.00"),
                AuditDetails.of("370323 total 60000.00 funds 47950.00 self-pay 12050.00").orElseThrow().args());
    }

    @Test
    void aRefusalIsNamedByItsCodeAndFreeTextIsLeftAsWritten() {
        assertEquals("NOT_ELIGIBLE", AuditDetails.of("NOT_ELIGIBLE: The person holds no category").orElseThrow()
                .refusalCode());
        assertEquals("INVALID_BENEFICIARY", AuditDetails.of("INVALID_BENEFICIARY").orElseThrow().refusalCode());
        assertTrue(AuditDetails.of("医院重复上传账单，冲销后重新结算").isEmpty());
        assertTrue(AuditDetails.of("370323").isEmpty());
    }
}
