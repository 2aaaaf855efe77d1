package org.yidan.beneficiaries.entity;

import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yidan.beneficiaries.entity.CoverageStatus.CONTACTED;
import static org.yidan.beneficiaries.entity.CoverageStatus.ENROLLED;
import static org.yidan.beneficiaries.entity.CoverageStatus.EXITED;
import static org.yidan.beneficiaries.entity.CoverageStatus.NEW;

class CoverageStatusTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2020, 3, 1, 8, 0, 0, 0, ZoneOffset.UTC);
    private static final String ID = "370323195803120215";

    @Test
    void theFollowUpGoesOnUntilEnrolledOrExited() {
        assertTrue(NEW.allows(CONTACTED));
        assertTrue(NEW.allows(ENROLLED));
        assertTrue(NEW.allows(EXITED));
        assertTrue(CONTACTED.allows(CONTACTED), "each contact is a step with its own note");
        assertTrue(CONTACTED.allows(ENROLLED));
        assertTrue(CONTACTED.allows(EXITED));
        for (CoverageStatus any : CoverageStatus.values()) {
            assertFalse(any.allows(NEW), "nothing goes back to NEW");
            assertFalse(ENROLLED.allows(any), "ENROLLED is final");
            assertFalse(EXITED.allows(any), "EXITED is final");
        }
        assertFalse(NEW.allows(null));
    }

    @Test
    void recordingAPersonUninsuredStartsAFollowUpAndRecordingThemInsuredEndsIt() {
        Coverage coverage = new Coverage(ID, 2020);
        assertEquals(NEW, coverage.record(uninsured(), "registrar", NOW));
        assertEquals(NEW, coverage.getStatus());
        coverage.moveTo(CONTACTED, "registrar", NOW);
        assertNull(coverage.record(uninsured(), "registrar", NOW), "a repeated export leaves the follow-up alone");
        assertEquals(CONTACTED, coverage.getStatus());
        assertEquals(ENROLLED, coverage.record(insured(), "registrar", NOW));
        assertEquals(ENROLLED, coverage.getStatus());
    }

    @Test
    void anInsuredPersonHasNoFollowUpUntilRecordedUninsured() {
        Coverage coverage = new Coverage(ID, 2020);
        assertNull(coverage.record(insured(), "registrar", NOW));
        assertNull(coverage.getStatus());
        assertEquals(NEW, coverage.record(uninsured(), "registrar", NOW), "dropped out of insurance: follow up again");
    }

    @Test
    void anEndedFollowUpIsNotReopenedByAnExportThatStillListsThePersonUninsured() {
        Coverage coverage = new Coverage(ID, 2020);
        coverage.record(uninsured(), "registrar", NOW);
        coverage.moveTo(EXITED, "registrar", NOW);
        assertNull(coverage.record(new CoverageRecord(ID, 2020, false, null, "RESIDENT", null, null), "registrar",
                NOW));
        assertEquals(EXITED, coverage.getStatus());
    }

    private static CoverageRecord uninsured() {
        return new CoverageRecord(ID, 2020, false, null, null, null, null);
    }

    private static CoverageRecord insured() {
        return new CoverageRecord(ID, 2020, true, null, "RESIDENT", null, null);
    }
}
