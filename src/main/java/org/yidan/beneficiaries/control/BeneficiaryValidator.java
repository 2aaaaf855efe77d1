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
        List<FieldError> errors = fieldErrors(check(normal));
        if (!errors.isEmpty()) {
            throw refusal(errors);
        }
        return normal;
    }

    /** Every offending field of the record, in the order of the record's fields; empty when it is valid. */
    public static List<FieldError> errors(BeneficiaryRecord beneficiary) {
        return fieldErrors(check(normalise(beneficiary)));
    }

    /** Every offending field with its message key, for a screen that says it in Chinese beside the field. */
    public static List<Complaint> complaints(BeneficiaryRecord beneficiary) {
        return check(normalise(beneficiary));
    }

    /** One offending field (a JSON path such as {@code categories[1].from}) and why. */
    public record Complaint(String field, Reason reason) {
    }

    /** The record in normal form and what is wrong with it, in one pass (the roster import checks many). */
    record Checked(BeneficiaryRecord normal, List<Complaint> errors) {
    }

    private static List<FieldError> fieldErrors(List<Complaint> complaints) {
        return complaints.stream().map(c -> new FieldError(c.field(), c.reason().english())).toList();
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

    private static List<Complaint> check(BeneficiaryRecord b) {
        List<Complaint> errors = new ArrayList<>();
        IdNumbers.reason(b.idNumber()).ifPresent(problem -> errors.add(new Complaint("idNumber", problem)));
        checkName(b.name(), errors);
        checkCounty(b.county(), errors);
        if (b.householdId() != null && b.householdId().codePointCount(0, b.householdId().length())
                > MAX_HOUSEHOLD_ID_LENGTH) {
            errors.add(complaint("householdId", "householdLong", MAX_HOUSEHOLD_ID_LENGTH));
        }
        checkResidence(b, errors);
        checkCategories(b.categories(), errors);
        checkTags(b, errors);
        checkDiseases(b.chronicDiseases(), errors);
        return errors;
    }

    private static void checkResidence(BeneficiaryRecord b, List<Complaint> errors) {
        if (b.township() != null && b.township().codePointCount(0, b.township().length()) > 100) {
            errors.add(complaint("township", "townshipLong"));
        }
        if (b.village() != null && b.village().codePointCount(0, b.village().length()) > 100) {
            errors.add(complaint("village", "villageLong"));
        }
        if (b.householdIncome() != null && (b.householdIncome().signum() < 0
                || b.householdIncome().stripTrailingZeros().scale() > 2
                || b.householdIncome().compareTo(org.yidan.policy.control.Money.MAX_AMOUNT) > 0)) {
            errors.add(complaint("householdIncome", "incomeInvalid"));
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

    private static void checkName(String name, List<Complaint> errors) {
        if (name == null || name.isEmpty()) {
            errors.add(complaint("name", "nameRequired"));
        } else {
            int length = name.codePointCount(0, name.length());
            if (length > MAX_NAME_LENGTH) {
                errors.add(complaint("name", "nameLong", MAX_NAME_LENGTH, length));
            }
        }
    }

    private static void checkCounty(String county, List<Complaint> errors) {
        if (county == null || county.isEmpty()) {
            errors.add(complaint("county", "countyRequired"));
        } else if (!COUNTY.matcher(county).matches()) {
            errors.add(complaint("county", "countyFormat", Texts.quote(county)));
        }
    }

    private static void checkCategories(List<CategorySpan> categories, List<Complaint> errors) {
        if (categories.isEmpty()) {
            errors.add(complaint("categories", "categoriesRequired"));
            return;
        }
        for (int i = 0; i < categories.size(); i++) {
            String path = "categories[" + i + "]";
            CategorySpan span = categories.get(i);
            if (span == null) {
                errors.add(complaint(path, "categoryMissing"));
                continue;
            }
            if (span.code() == null || span.code().isEmpty()) {
                errors.add(complaint(path + ".code", "categoryCodeRequired"));
            } else if (!CATEGORIES.containsKey(span.code())) {
                errors.add(complaint(path + ".code", "categoryUnknown", Texts.quote(span.code()),
                        ACCEPTED_CATEGORIES));
            }
            if (span.from() == null) {
                errors.add(complaint(path + ".from", "categoryFromRequired"));
            } else if (span.to() != null && span.to().isBefore(span.from())) {
                errors.add(complaint(path + ".to", "categoryEndsBeforeStart", span.to(), span.from()));
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
                    errors.add(complaint("categories[" + j + "]", "categoryOverlap", later.code(), later.from(),
                            until(later), i, earlier.from(), until(earlier)));
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

    /** The span's end, or "open" in the reader's language. */
    private static String until(CategorySpan span) {
        return span.to() == null ? Reason.nested("beneficiary.error.open") : span.to().toString();
    }

    private static Complaint complaint(String field, String key, Object... args) {
        return new Complaint(field, Reason.of("beneficiary.error." + key, args));
    }

    private static void checkTags(BeneficiaryRecord b, List<Complaint> errors) {
        int i = 0;
        for (String tag : b.standardTags()) {
            String path = "standardTags[" + i++ + "]";
            if (tag == null || tag.isEmpty()) {
                errors.add(complaint(path, "tagEmpty"));
            } else if (!TAGS.contains(tag)) {
                errors.add(complaint(path, "tagUnknown", Texts.quote(tag), ACCEPTED_TAGS));
            }
        }
    }

    private static void checkDiseases(List<DiseaseApproval> diseases, List<Complaint> errors) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < diseases.size(); i++) {
            String path = "chronicDiseases[" + i + "]";
            DiseaseApproval approval = diseases.get(i);
            if (approval == null) {
                errors.add(complaint(path, "diseaseMissing"));
                continue;
            }
            String code = approval.code();
            if (code == null || code.isEmpty()) {
                errors.add(complaint(path + ".code", "diseaseCodeRequired"));
            } else if (!isDiseaseCode(code)) {
                errors.add(complaint(path + ".code", "diseaseCodeFormat", Texts.quote(code)));
            } else {
                Integer first = seen.putIfAbsent(code, i);
                if (first != null) {
                    errors.add(complaint(path + ".code", "diseaseTwice", code, first));
                }
            }
            if (approval.approvedOn() == null) {
                errors.add(complaint(path + ".approvedOn", "approvalDateRequired"));
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
