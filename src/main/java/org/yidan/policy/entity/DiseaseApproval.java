package org.yidan.policy.entity;

import java.time.LocalDate;
import java.util.Objects;

/**
 * An approved chronic or special disease (一病一卡), e.g. {@code HYPERTENSION}. It counts from the day after
 * {@code approvedOn}: "办结后次日享受待遇" (seed 004, 三(二)五).
 */
public record DiseaseApproval(String disease, LocalDate approvedOn) {

    public DiseaseApproval {
        Objects.requireNonNull(disease, "disease");
        Objects.requireNonNull(approvedOn, "approvedOn");
    }

    public boolean effectiveOn(LocalDate date) {
        return date.isAfter(approvedOn);
    }
}
