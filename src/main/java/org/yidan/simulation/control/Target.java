package org.yidan.simulation.control;

import java.math.BigDecimal;

import org.yidan.policy.entity.PersonCategory;
import org.yidan.policy.entity.VisitType;

/**
 * A county's target on a reimbursement ratio for one slice of its settlements, e.g. 会宁's chronic outpatient actual
 * ratio at least 0.85 ({@code visitType = OUTPATIENT_CHRONIC, bound = FLOOR}).
 *
 * @param scopeRatio the ratio on the policy scope rather than the actual ratio (fund total ÷ total)
 * @param visitType  the slice, or {@code null}
 * @param category   the slice, or {@code null}; at most one of visit type and category
 */
public record Target(String name, boolean scopeRatio, VisitType visitType, PersonCategory category, Bound bound,
                     BigDecimal value) {

    public enum Bound { FLOOR, CEILING }

    public boolean metBy(BigDecimal actual) {
        int compared = actual.compareTo(value);
        return bound == Bound.FLOOR ? compared >= 0 : compared <= 0;
    }
}
