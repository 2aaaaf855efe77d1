package org.yidan.beneficiaries.control;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.yidan.beneficiaries.entity.BeneficiaryRecord;
import org.yidan.beneficiaries.entity.BeneficiaryRecord.CategorySpan;
import org.yidan.beneficiaries.entity.BeneficiaryRecord.DiseaseApproval;
import org.yidan.beneficiaries.entity.BeneficiaryRecord.StandardTag;
import org.yidan.platform.control.RefusedException;
import org.yidan.platform.control.Texts;
import org.yidan.platform.control.RefusedException.FieldError;
import org.yidan.policy.entity.PersonCategory;

/**
 * Checks a {@link BeneficiaryRecord} completely and reports every offending field at once, so that a clerk or a
 * roster import can fix everything in one go. Codes are read case-insensitively and surrounding blanks ignored;
 * {@link #validate} returns the record in that normal form.
 */
public final class BeneficiaryValidator {

    /** Stable code of the {@link RefusedException} for a record with invalid fields. */
    public static final String INVALID_BENEFICIARY = "INVALID_BENEFICIARY";
    public static final int MAX_NAME_LENGTH = 100;
    public static final int MAX_HOUSEHOLD_ID_LENGTH = 64;

    private static final Pattern COUNTY = Pattern.compile("\\d{6}");
    private static final Pattern DISEASE_CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,63}");
    private static final Map<String, PersonCategory> CATEGORIES = Arrays.stream(PersonCategory.values())
            .collect(Collectors.toUnmodifiableMap(Enum::name, category -> category));
    private static final Set<String> TAGS = Arrays.stream(StandardTag.values()).map(Enum::name)
            .collect(Collectors.toUnmodifiableSet());
    private static final String ACCEPTED_CATEGORIES = Arrays.stream(PersonCategory.values()).map(Enum::name)
            .collect(Collectors.joining(", "));
    private static final String ACCEPTED_TAGS = Arrays.stream(StandardTag.values()).map(Enum::name)
            .collect(Collectors.joining(", "));

    private BeneficiaryValidator() {
    }

    /**
     * The record in normal form, when it is valid: ID number with upper-case {@code X}, name and identifiers
     * without surrounding blanks, a blank household as {@code null}, codes upper-case.
     *
     * @throws RefusedException 422 {@code INVALID_BENEFICIARY} listing every offending field
     */
    public static BeneficiaryRecord validate(BeneficiaryRecord beneficiary) {
        BeneficiaryRecord normal = normalise(beneficiary);
        List<FieldError> errors = check(normal);
        if (!errors.isEmpty()) {
            throw refusal(errors);
        }
        return normal;
    }

    /** Every offending field of the record, in the order of the record's fields; empty when it is valid. */
    public static List<FieldError> errors(BeneficiaryRecord beneficiary) {
        return check(normalise(beneficiary));
    }

    /** The record in normal form and what is wrong with it, in one pass (the roster import checks many). */
    record Checked(BeneficiaryRecord normal, List<FieldError> errors) {
    }

    static Checked checked(BeneficiaryRecord beneficiary) {
        BeneficiaryRecord normal = normalise(beneficiary);
        return new Checked(normal, check(normal));
    }

    /** The 422 {@code INVALID_BENEFICIARY} refusal for these field errors. */
    public static RefusedException refusal(List<FieldError> errors) {
        String fields = errors.stream().map(FieldError::field).distinct().collect(Collectors.joining(", "));
        String detail = errors.size() == 1
                ? "The beneficiary record is invalid: " + errors.get(0).field() + ": " + errors.get(0).message()
                : "The beneficiary record has " + errors.size() + " errors, in " + fields + ".";
        return new RefusedException(422, INVALID_BENEFICIARY, detail, errors);
    }

    /** Whether {@code code} (after trimming and upper-casing) names a person category. */
    static Optional<PersonCategory> category(String code) {
        return code == null ? Optional.empty()
                : Optional.ofNullable(CATEGORIES.get(code.strip().toUpperCase(Locale.ROOT)));
    }

    /** Whether {@code code} is a well-formed disease code such as {@code HYPERTENSION}. */
    static boolean isDiseaseCode(String code) {
        return code != null && DISEASE_CODE.matcher(code).matches();
    }

    private static BeneficiaryRecord normalise(BeneficiaryRecord b) {
        List<CategorySpan> categories = new ArrayList<>(b.categories().size());
        for (CategorySpan span : b.categories()) {
            categories.add(span == null ? null : new CategorySpan(upper(span.code()), span.from(), span.to()));
        }
        List<String> tags = new ArrayList<>(b.standardTags().size());
        for (String tag : b.standardTags()) {
            tags.add(upper(tag));
        }
        List<DiseaseApproval> diseases = new ArrayList<>(b.chronicDiseases().size());
        for (DiseaseApproval approval : b.chronicDiseases()) {
            diseases.add(approval == null ? null : new DiseaseApproval(upper(approval.code()), approval.approvedOn()));
        }
        String household = strip(b.householdId());
        return new BeneficiaryRecord(upper(b.idNumber()), strip(b.name()), strip(b.county()),
                household == null || household.isEmpty() ? null : household,
                categories, new LinkedHashSet<>(tags), diseases, b.exitedOn(), blankToNull(b.township()),
                blankToNull(b.village()), fen(b.householdIncome()));
    }

    private static List<FieldError> check(BeneficiaryRecord b) {
        List<FieldError> errors = new ArrayList<>();
        IdNumbers.problem(b.idNumber()).ifPresent(problem -> errors.add(new FieldError("idNumber", problem)));
        checkName(b.name(), errors);
        checkCounty(b.county(), errors);
        if (b.householdId() != null && b.householdId().codePointCount(0, b.householdId().length())
                > MAX_HOUSEHOLD_ID_LENGTH) {
            errors.add(new FieldError("householdId",
                    "The household id must be at most " + MAX_HOUSEHOLD_ID_LENGTH + " characters long."));
        }
        checkResidence(b, errors);
        checkCategories(b.categories(), errors);
        checkTags(b, errors);
        checkDiseases(b.chronicDiseases(), errors);
        return errors;
    }

    private static void checkResidence(BeneficiaryRecord b, List<FieldError> errors) {
        if (b.township() != null && b.township().codePointCount(0, b.township().length()) > 100) {
            errors.add(new FieldError("township", "The township must be at most 100 characters long."));
        }
        if (b.village() != null && b.village().codePointCount(0, b.village().length()) > 100) {
            errors.add(new FieldError("village", "The village must be at most 100 characters long."));
        }
        if (b.householdIncome() != null && (b.householdIncome().signum() < 0
                || b.householdIncome().stripTrailingZeros().scale() > 2
                || b.householdIncome().compareTo(new java.math.BigDecimal("999999999999.99")) > 0)) {
            errors.add(new FieldError("householdIncome",
                    "The household income is an amount in yuan per year, not negative, at most two decimals."));
        }
    }

    /** Two decimals, so that 12000.5 and 12000.50 are the same income; a finer amount is left for the check. */
    private static java.math.BigDecimal fen(java.math.BigDecimal amount) {
        return amount == null || amount.stripTrailingZeros().scale() > 2 ? amount
                : amount.setScale(2, java.math.RoundingMode.UNNECESSARY);
    }

    private static String blankToNull(String value) {
        String stripped = strip(value);
        return stripped == null || stripped.isEmpty() ? null : stripped;
    }

    private static void checkName(String name, List<FieldError> errors) {
        if (name == null || name.isEmpty()) {
            errors.add(new FieldError("name", "The name is required."));
        } else {
            int length = name.codePointCount(0, name.length());
            if (length > MAX_NAME_LENGTH) {
                errors.add(new FieldError("name",
                        "The name must be at most " + MAX_NAME_LENGTH + " characters long, not " + length + "."));
            }
        }
    }

    private static void checkCounty(String county, List<FieldError> errors) {
        if (county == null || county.isEmpty()) {
            errors.add(new FieldError("county", "The county code is required."));
        } else if (!COUNTY.matcher(county).matches()) {
            errors.add(new FieldError("county", "The county code must be 6 digits, not " + Texts.quote(county) + "."));
        }
    }

    private static void checkCategories(List<CategorySpan> categories, List<FieldError> errors) {
        if (categories.isEmpty()) {
            errors.add(new FieldError("categories", "At least one person category is required."));
            return;
        }
        for (int i = 0; i < categories.size(); i++) {
            String path = "categories[" + i + "]";
            CategorySpan span = categories.get(i);
            if (span == null) {
                errors.add(new FieldError(path, "The category is missing."));
                continue;
            }
            if (span.code() == null || span.code().isEmpty()) {
                errors.add(new FieldError(path + ".code", "The category code is required."));
            } else if (!CATEGORIES.containsKey(span.code())) {
                errors.add(new FieldError(path + ".code", "Unknown person category " + Texts.quote(span.code())
                        + "; expected one of " + ACCEPTED_CATEGORIES + "."));
            }
            if (span.from() == null) {
                errors.add(new FieldError(path + ".from", "The date the category starts is required."));
            } else if (span.to() != null && span.to().isBefore(span.from())) {
                errors.add(new FieldError(path + ".to", "The category ends on " + span.to()
                        + ", before it starts on " + span.from() + "."));
            }
        }
        for (int j = 1; j < categories.size(); j++) {
            CategorySpan later = categories.get(j);
            if (!comparable(later)) {
                continue;
            }
            for (int i = 0; i < j; i++) {
                CategorySpan earlier = categories.get(i);
                if (comparable(earlier) && earlier.code().equals(later.code()) && overlap(earlier, later)) {
                    errors.add(new FieldError("categories[" + j + "]", "The " + later.code() + " span "
                            + describe(later) + " overlaps categories[" + i + "] (" + describe(earlier) + ")."));
                    break;
                }
            }
        }
    }

    private static boolean comparable(CategorySpan span) {
        return span != null && span.code() != null && CATEGORIES.containsKey(span.code()) && span.from() != null
                && (span.to() == null || !span.to().isBefore(span.from()));
    }

    private static boolean overlap(CategorySpan a, CategorySpan b) {
        LocalDate aEnd = a.to() == null ? LocalDate.MAX : a.to();
        LocalDate bEnd = b.to() == null ? LocalDate.MAX : b.to();
        return !a.from().isAfter(bEnd) && !b.from().isAfter(aEnd);
    }

    private static String describe(CategorySpan span) {
        return span.from() + " to " + (span.to() == null ? "open" : span.to().toString());
    }

    private static void checkTags(BeneficiaryRecord b, List<FieldError> errors) {
        int i = 0;
        for (String tag : b.standardTags()) {
            String path = "standardTags[" + i++ + "]";
            if (tag == null || tag.isEmpty()) {
                errors.add(new FieldError(path, "The standard tag is empty."));
            } else if (!TAGS.contains(tag)) {
                errors.add(new FieldError(path, "Unknown standard tag " + Texts.quote(tag) + "; expected one of "
                        + ACCEPTED_TAGS + "."));
            }
        }
    }

    private static void checkDiseases(List<DiseaseApproval> diseases, List<FieldError> errors) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < diseases.size(); i++) {
            String path = "chronicDiseases[" + i + "]";
            DiseaseApproval approval = diseases.get(i);
            if (approval == null) {
                errors.add(new FieldError(path, "The disease approval is missing."));
                continue;
            }
            String code = approval.code();
            if (code == null || code.isEmpty()) {
                errors.add(new FieldError(path + ".code", "The disease code is required."));
            } else if (!isDiseaseCode(code)) {
                errors.add(new FieldError(path + ".code", "The disease code " + Texts.quote(code)
                        + " must be a token of letters, digits and _ such as HYPERTENSION (2 to 64 characters,"
                        + " starting with a letter)."));
            } else {
                Integer first = seen.putIfAbsent(code, i);
                if (first != null) {
                    errors.add(new FieldError(path + ".code", code + " is listed twice (also chronicDiseases["
                            + first + "])."));
                }
            }
            if (approval.approvedOn() == null) {
                errors.add(new FieldError(path + ".approvedOn", "The approval date is required."));
            }
        }
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    private static String upper(String value) {
        return value == null ? null : value.strip().toUpperCase(Locale.ROOT);
    }
}
