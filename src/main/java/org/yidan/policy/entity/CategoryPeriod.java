package org.yidan.policy.entity;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A category held from {@code from} to {@code to}, both inclusive; {@code to == null} while it lasts.
 */
public record CategoryPeriod(PersonCategory category, LocalDate from, LocalDate to) {

    public CategoryPeriod {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(from, "from");
    }

    public boolean holdsOn(LocalDate date) {
        return !date.isBefore(from) && (to == null || !date.isAfter(to));
    }
}
