package org.yidan.platform;

import java.util.concurrent.atomic.AtomicInteger;

import org.yidan.beneficiaries.control.IdNumbers;

/**
 * New, valid ID numbers for the persons one test class registers: the county's code, the class's own birth date and
 * a sequence number from the class's own range, so that no two tests (and no two classes sharing the embedded
 * database) register the same person and share accumulators.
 */
public final class PersonIds {

    private final String birthDate;
    private final AtomicInteger sequence;

    /**
     * @param birthDate {@code yyyyMMdd}, one per test class
     * @param after     the first number handed out is {@code after + 1} (at most 999)
     */
    public PersonIds(String birthDate, int after) {
        this.birthDate = birthDate;
        this.sequence = new AtomicInteger(after);
    }

    /** The next ID number of a person of {@code county}. */
    public String next(String county) {
        int number = sequence.incrementAndGet();
        if (number > 999) {
            throw new IllegalStateException("no ID numbers left for birth date " + birthDate);
        }
        String first17 = county + birthDate + String.format("%03d", number);
        return first17 + IdNumbers.checkCharacter(first17);
    }
}
