package org.yidan.security.boundary;

import org.junit.jupiter.api.Test;
import org.yidan.platform.control.RefusedException;
import org.yidan.security.entity.AuditAction;
import org.yidan.security.entity.AuditEvent;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Every refusal, from a screen or the REST API, reaches the audit trail the same way, once. */
class RefusalsTest {

    private final List<String> recorded = new ArrayList<>();
    private final Refusals refusals = new Refusals();

    RefusalsTest() {
        refusals.audit = new AuditTrail() {
            @Override
            public void recordIndependently(String username, AuditAction action, String target,
                                            AuditEvent.Outcome outcome, String detail) {
                recorded.add(username + " " + action + " " + target + " " + outcome + " " + detail);
            }
        };
        refusals.permissions = new Permissions() {
            @Override
            public String username() {
                return "demo-clerk";
            }
        };
    }

    @Test
    void aRefusalIsRecordedOnceWithItsCodeAndGoesOnToTheCaller() {
        RefusedException refusal = RefusedException.unprocessable("NOT_ELIGIBLE", "No category on the discharge date");
        RefusedException thrown = assertThrows(RefusedException.class,
                () -> refusals.audited(AuditAction.SETTLE, "370323********0215", () -> {
                    throw refusal;
                }));
        assertSame(refusal, thrown);
        assertEquals(List.of("demo-clerk SETTLE 370323********0215 REFUSED NOT_ELIGIBLE: No category on the discharge date"),
                recorded);
    }

    @Test
    void aUseCaseThatSucceedsIsNotRecordedHere() {
        assertEquals("370323-20200510-000001", refusals.audited(AuditAction.REVERSE, "370323-20200510-000001",
                () -> "370323-20200510-000001"));
        assertEquals(List.of(), recorded);
    }
}
