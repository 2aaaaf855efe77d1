package org.yidan.beneficiaries.control;

import org.yidan.beneficiaries.entity.CoverageRecord;
import org.yidan.beneficiaries.entity.CoverageRecord.Scheme;
import org.yidan.platform.control.RefusedException;
import org.yidan.platform.control.RefusedException.FieldError;
import org.yidan.policy.control.Money;
import org.yidan.policy.entity.PersonCategory;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a coverage record (参保信息) must satisfy, for the REST body and each imported row alike: a sensible year,
 * a start date only for an insured person and not after the year, a known scheme and subsidy category, and a
 * subsidy amount in yuan with at most two decimals. Codes may also be written as their Chinese names.
 */
public final class CoverageRules {

    /** Stable code of the refusal of a coverage record with invalid fields. */
    public static final String INVALID_COVERAGE = "INVALID_COVERAGE";
    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2100;
    private static final BigDecimal MAX_SUBSIDY = new BigDecimal("1000000");

    private static final Map<String, String> SCHEMES = new HashMap<>();
    private static final Map<String, String> CATEGORIES = new HashMap<>();

    static {
        for (Scheme scheme : Scheme.values()) {
            SCHEMES.put(scheme.name(), scheme.name());
            SCHEMES.put(scheme.displayName(), scheme.name());
        }
        SCHEMES.put("城乡居民医保", Scheme.RESIDENT.name());
        SCHEMES.put("居民医保", Scheme.RESIDENT.name());
        SCHEMES.put("职工医保", Scheme.EMPLOYEE.name());
        for (PersonCategory category : PersonCategory.values()) {
            CATEGORIES.put(category.name(), category.name());
            CATEGORIES.put(category.displayName(), category.name());
        }
    }

    private static final String ACCEPTED_SCHEMES = Arrays.stream(Scheme.values()).map(Enum::name)
            .collect(Collectors.joining(", "));
    private static final String ACCEPTED_CATEGORIES = Arrays.stream(PersonCategory.values()).map(Enum::name)
            .collect(Collectors.joining(", "));

    private CoverageRules() {
    }

    /** The scheme code for a code or Chinese name, if it names one. */
    public static Optional<String> scheme(String text) {
        return text == null ? Optional.empty()
                : Optional.ofNullable(SCHEMES.get(text.strip().toUpperCase(Locale.ROOT)));
    }

    /** The person category code for a code or Chinese name, if it names one. */
    public static Optional<String> category(String text) {
        return text == null ? Optional.empty()
                : Optional.ofNullable(CATEGORIES.get(text.strip().toUpperCase(Locale.ROOT)));
    }

    /**
     * The record in normal form (ID number upper-case, codes for names, amount at scale 2).
     *
     * @throws RefusedException 422 {@code INVALID_COVERAGE} listing every offending field
     */
    public static CoverageRecord validate(CoverageRecord record) {
        List<FieldError> errors = new ArrayList<>();
        CoverageRecord normal = check(record, errors);
        if (!errors.isEmpty()) {
            String detail = errors.size() == 1 ? "The coverage record is invalid: " + errors.get(0).field() + ": "
                    + errors.get(0).message() : "The coverage record has " + errors.size() + " errors.";
            throw new RefusedException(422, INVALID_COVERAGE, detail, errors);
        }
        return normal;
    }

    /** Adds every offending field to {@code errors}; returns the record in normal form (meaningful only if none). */
    public static CoverageRecord check(CoverageRecord record, List<FieldError> errors) {
        IdNumbers.problem(record.idNumber()).ifPresent(problem -> errors.add(new FieldError("idNumber", problem)));
        if (record.year() < FIRST_YEAR || record.year() > LAST_YEAR) {
            errors.add(new FieldError("year", "The year must be between " + FIRST_YEAR + " and " + LAST_YEAR
                    + ", not " + record.year() + "."));
        }
        if (record.since() != null) {
            if (!record.insured()) {
                errors.add(new FieldError("since", "A person who is not insured has no date since when."));
            } else if (record.since().getYear() > record.year()) {
                errors.add(new FieldError("since", "Insured since " + record.since() + " is after the year "
                        + record.year() + " this record is for."));
            }
        }
        String scheme = null;
        if (blank(record.scheme())) {
            scheme = null;
        } else {
            scheme = scheme(record.scheme()).orElse(null);
            if (scheme == null) {
                errors.add(new FieldError("scheme", "Unknown scheme '" + record.scheme() + "'; expected one of "
                        + ACCEPTED_SCHEMES + "."));
            }
        }
        String category = null;
        if (!blank(record.subsidyCategory())) {
            category = category(record.subsidyCategory()).orElse(null);
            if (category == null) {
                errors.add(new FieldError("subsidyCategory", "Unknown subsidy category '" + record.subsidyCategory()
                        + "'; expected one of " + ACCEPTED_CATEGORIES + "."));
            }
        }
        BigDecimal amount = record.subsidyAmount();
        if (amount != null) {
            if (!Money.isValidAmount(amount) || amount.compareTo(MAX_SUBSIDY) > 0) {
                errors.add(new FieldError("subsidyAmount", "The subsidy must be an amount in yuan from 0 to "
                        + MAX_SUBSIDY.toPlainString() + " with at most two decimals, not " + amount.toPlainString()
                        + "."));
                amount = null;
            } else {
                amount = Money.toFen(amount);
            }
        }
        String id = record.idNumber() == null ? null : record.idNumber().strip().toUpperCase(Locale.ROOT);
        return new CoverageRecord(id, record.year(), record.insured(), record.since(), scheme, category, amount);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
