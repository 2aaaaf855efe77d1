package org.yidan.beneficiaries.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.time.LocalDate;
import java.util.Objects;

/** An approved chronic or special disease (一病一卡); it counts from the day after {@code approvedOn}. */
@Embeddable
public class DiseaseEntry {

    @Column(nullable = false, length = 64)
    private String code;

    @Column(name = "approved_on", nullable = false)
    private LocalDate approvedOn;

    protected DiseaseEntry() {
    }

    public DiseaseEntry(String code, LocalDate approvedOn) {
        this.code = code;
        this.approvedOn = approvedOn;
    }

    public String getCode() {
        return code;
    }

    public LocalDate getApprovedOn() {
        return approvedOn;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DiseaseEntry entry && code.equals(entry.code) && approvedOn.equals(entry.approvedOn);
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, approvedOn);
    }
}
