package org.yidan.beneficiaries.control;

import org.yidan.platform.control.CountyClock;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

import org.yidan.platform.control.RefusedException;

/**
 * The 18-character resident ID number (公民身份号码, GB 11643-1999): a 6-digit address code, the birth date
 * {@code yyyyMMdd}, a 3-digit sequence and a check character computed with ISO 7064 MOD 11-2 ({@code 0}–{@code 9}
 * or {@code X}).
 */
public final class IdNumbers {

    /** Stable code of the {@link RefusedException} for a malformed ID number. */
    public static final String INVALID_ID_NUMBER = "INVALID_ID_NUMBER";

    private static final int LENGTH = 18;
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";
    /** Birth dates are read in China's time zone, whatever the server's. */
    private static final int EARLIEST_BIRTH_YEAR = 1800;

    private IdNumbers() {
    }

    /** Whether {@code idNumber} (surrounding blanks ignored, lower-case {@code x} allowed) is a valid ID number. */
    public static boolean isValid(String idNumber) {
        return problem(idNumber).isEmpty();
    }

    /**
     * What is wrong with {@code idNumber}, as a sentence for the person who typed it; empty when it is valid.
     * Surrounding blanks are ignored and a lower-case {@code x} is accepted.
     */
    public static Optional<String> problem(String idNumber) {
        return problem(idNumber, LocalDate.now(CountyClock.ZONE));
    }

    static Optional<String> problem(String idNumber, LocalDate today) {
        return reason(idNumber, today).map(Reason::english);
    }

    /** What is wrong with {@code idNumber} as the message key and arguments, for a screen; empty when it is valid. */
    public static Optional<Reason> reason(String idNumber) {
        return reason(idNumber, LocalDate.now(CountyClock.ZONE));
    }

    /** What is wrong with {@code idNumber} as the message key and arguments; empty when it is valid. */
    static Optional<Reason> reason(String idNumber, LocalDate today) {
        if (idNumber == null || idNumber.isBlank()) {
            return Optional.of(Reason.of("roster.error.idMissing"));
        }
        String id = idNumber.strip();
        if (id.length() != LENGTH) {
            return Optional.of(Reason.of("roster.error.idLength", id.length()));
        }
        for (int i = 0; i < LENGTH - 1; i++) {
            if (!isAsciiDigit(id.charAt(i))) {
                return Optional.of(Reason.of("roster.error.idDigit", i + 1, id.charAt(i)));
            }
        }
        char last = Character.toUpperCase(id.charAt(LENGTH - 1));
        if (!isAsciiDigit(last) && last != 'X') {
            return Optional.of(Reason.of("roster.error.idLast", id.charAt(LENGTH - 1)));
        }
        String birth = id.substring(6, 14);
        LocalDate birthDate = birthDate(birth);
        if (birthDate == null) {
            return Optional.of(Reason.of("roster.error.idBirthInvalid", birth));
        }
        if (birthDate.isAfter(today)) {
            return Optional.of(Reason.of("roster.error.idBirthFuture", birth));
        }
        char expected = checkCharacter(id.substring(0, LENGTH - 1));
        if (last != expected) {
            return Optional.of(Reason.of("roster.error.idCheck", last));
        }
        return Optional.empty();
    }

    /**
     * The ID number with surrounding blanks removed and a lower-case {@code x} made upper-case.
     *
     * @throws RefusedException 422 {@code INVALID_ID_NUMBER} on field {@code idNumber}, saying what is wrong
     */
    public static String normalise(String idNumber) {
        Optional<String> problem = problem(idNumber);
        if (problem.isPresent()) {
            throw RefusedException.unprocessable(INVALID_ID_NUMBER, "idNumber", problem.get());
        }
        return idNumber.strip().toUpperCase(Locale.ROOT);
    }

    /** How the audit trail names the person a request was about: masked, or {@code invalid} for no ID number. */
    public static String auditTarget(String idNumber) {
        return isValid(idNumber) ? mask(idNumber) : "invalid";
    }

    /**
     * The ID number as shown to a role that may not see it: the address code and the last four characters, eight
     * asterisks between ({@code 370323********0215}). Anything not 18 characters long is masked entirely.
     */
    public static String mask(String idNumber) {
        if (idNumber == null) {
            return null;
        }
        String id = idNumber.strip().toUpperCase(Locale.ROOT);
        if (id.length() != LENGTH) {
            return "*".repeat(id.length());
        }
        return id.substring(0, 6) + "********" + id.substring(14);
    }

    /**
     * The ISO 7064 MOD 11-2 check character of the first 17 digits.
     *
     * @throws IllegalArgumentException when {@code first17} is not 17 ASCII digits
     */
    public static char checkCharacter(String first17) {
        if (first17 == null || first17.length() != LENGTH - 1) {
            throw new IllegalArgumentException("17 digits expected");
        }
        int sum = 0;
        for (int i = 0; i < LENGTH - 1; i++) {
            char c = first17.charAt(i);
            if (!isAsciiDigit(c)) {
                throw new IllegalArgumentException("17 digits expected");
            }
            sum += (c - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    private static LocalDate birthDate(String yyyyMMdd) {
        int year = Integer.parseInt(yyyyMMdd.substring(0, 4));
        if (year < EARLIEST_BIRTH_YEAR) {
            return null;
        }
        try {
            return LocalDate.of(year, Integer.parseInt(yyyyMMdd.substring(4, 6)),
                    Integer.parseInt(yyyyMMdd.substring(6, 8)));
        } catch (DateTimeException notADate) {
            return null;
        }
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
