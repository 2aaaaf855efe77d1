package org.yidan.beneficiaries.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.time.LocalDate;
import java.util.Objects;

/** One category span of a beneficiary, both dates inclusive; {@code validTo == null} while it lasts. */
@Embeddable
public class CategoryEntry {

    @Column(nullable = false, length = 32)
    private String code;

    @Column(name = "valid_from", nullable = false)
    private LocalDate validFrom;

    @Column(name = "valid_to")
    private LocalDate validTo;

    protected CategoryEntry() {
    }

    public CategoryEntry(String code, LocalDate validFrom, LocalDate validTo) {
        this.code = code;
        this.validFrom = validFrom;
        this.validTo = validTo;
    }

    public String getCode() {
        return code;
    }

    public LocalDate getValidFrom() {
        return validFrom;
    }

    public LocalDate getValidTo() {
        return validTo;
    }

    public boolean holdsOn(LocalDate date) {
        return !date.isBefore(validFrom) && (validTo == null || !date.isAfter(validTo));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CategoryEntry entry && code.equals(entry.code) && validFrom.equals(entry.validFrom)
                && Objects.equals(validTo, entry.validTo);
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, validFrom, validTo);
    }
}
