package org.yidan.security.entity;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Who may do what: the one table of the product's permissions, asked by the REST resources, the screens (menus,
 * buttons, view beans) and the facades' row-level decisions alike. {@code @RolesAllowed} on the facades and the
 * web.xml constraints repeat the coarse role checks as a second wall; this table is where a rule is changed.
 */
public enum Permission {
    /** 试算 and 结算 at the counter or over REST. */
    SETTLE(Role.CLERK, Role.ADMIN),
    /** The settlement history and stored settlements with every fund's line, the receipt. */
    READ_SETTLEMENTS(Role.CLERK, Role.AUDITOR, Role.ADMIN),
    /** 冲销. */
    REVERSE(Role.AUDITOR, Role.ADMIN),
    /** 基金台账: a fund officer only its own fund. */
    READ_FUND_LEDGER(Role.FUND_VIEWER, Role.AUDITOR, Role.ADMIN),
    /** Choose which fund's ledger to read (a fund officer never chooses: it gets the fund of its account). */
    CHOOSE_LEDGER_FUND(Role.AUDITOR, Role.ADMIN),
    /** Create and change beneficiaries, import rosters, record coverage and follow it up, file and decide applications. */
    MAINTAIN_REGISTRY(Role.REGISTRAR, Role.ADMIN),
    /** The coverage list and rates (参保核查) and the chronic-disease applications (慢病申报), read only. */
    READ_REGISTRY_DUTIES(Role.REGISTRAR, Role.AUDITOR, Role.ADMIN),
    /** The audit trail. */
    READ_AUDIT(Role.AUDITOR, Role.ADMIN),
    /** Users, roles, unlocking. */
    MANAGE_USERS(Role.ADMIN),
    /** 政策测算: policy what-if simulations, their results and draft files. */
    SIMULATE(Role.POLICY_ANALYST, Role.ADMIN),
    /** The watch: the return-to-poverty work list (and its steps) and the compliance findings. */
    WATCH(Role.POLICY_ANALYST, Role.AUDITOR, Role.ADMIN),
    /** 清算: generate, confirm and pay statements, record prepayments and assessments (a fund officer for its own fund). */
    CLEAR_STATEMENTS(Role.FUND_VIEWER, Role.ADMIN),
    /** The registry of designated hospitals. */
    MAINTAIN_HOSPITALS(Role.ADMIN),
    /** Full ID numbers; everybody else reads {@code 370323********0215}. */
    READ_FULL_ID_NUMBERS(Role.REGISTRAR, Role.AUDITOR, Role.ADMIN),
    /** 统计报表: summaries, targets, budgets, the kept monthly reports. */
    READ_REPORTS(Role.AUDITOR, Role.ADMIN),
    /** 公示: draft, publish and withdraw disclosure lists (the published ones are public anyway). */
    MANAGE_DISCLOSURES(Role.AUDITOR, Role.ADMIN);

    private final Set<Role> roles;

    Permission(Role first, Role... rest) {
        this.roles = EnumSet.of(first, rest);
    }

    /** Whether a caller holding the roles that {@code has} answers yes for is allowed. */
    public boolean allows(Predicate<Role> has) {
        return roles.stream().anyMatch(has);
    }

    public Set<Role> roles() {
        return EnumSet.copyOf(roles);
    }
}
