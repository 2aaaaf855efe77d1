package org.yidan.security.entity;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one table of who may do what, as the README's "Roles" states it. */
class PermissionTest {

    @Test
    void fullIdNumbersOnlyForRegistrarAuditorAndAdministrator() {
        assertEquals(EnumSet.of(Role.REGISTRAR, Role.AUDITOR, Role.ADMIN), Permission.READ_FULL_ID_NUMBERS.roles());
        assertFalse(Permission.READ_FULL_ID_NUMBERS.allows(Set.of(Role.CLERK, Role.FUND_VIEWER)::contains));
    }

    @Test
    void aClerkSettlesAndAnAuditorReverses() {
        assertTrue(Permission.SETTLE.allows(Set.of(Role.CLERK)::contains));
        assertFalse(Permission.SETTLE.allows(Set.of(Role.AUDITOR, Role.REGISTRAR, Role.FUND_VIEWER)::contains));
        assertTrue(Permission.REVERSE.allows(Set.of(Role.AUDITOR)::contains));
        assertFalse(Permission.REVERSE.allows(Set.of(Role.CLERK)::contains));
    }

    @Test
    void aFundOfficerReadsItsLedgerButChoosesNoOtherFundAndNoSettlement() {
        Set<Role> fundOfficer = Set.of(Role.FUND_VIEWER);
        assertTrue(Permission.READ_FUND_LEDGER.allows(fundOfficer::contains));
        assertFalse(Permission.CHOOSE_LEDGER_FUND.allows(fundOfficer::contains));
        assertFalse(Permission.READ_SETTLEMENTS.allows(fundOfficer::contains));
    }

    @Test
    void theAdministratorMayDoEverything() {
        for (Permission permission : Permission.values()) {
            assertTrue(permission.allows(Set.of(Role.ADMIN)::contains), permission.name());
        }
        assertEquals(EnumSet.of(Role.ADMIN), Permission.MANAGE_USERS.roles());
    }
}
