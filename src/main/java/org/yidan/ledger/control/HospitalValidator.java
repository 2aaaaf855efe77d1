package org.yidan.ledger.control;

import org.yidan.ledger.entity.HospitalRecord;
import org.yidan.platform.control.RefusedException;
import org.yidan.platform.control.RefusedException.FieldError;
import org.yidan.policy.entity.HospitalLevel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks a designated hospital before it is stored: every problem at once, named by field. */
public final class HospitalValidator {

    public static final String HOSPITAL_INVALID = "HOSPITAL_INVALID";
    public static final String UNKNOWN_COUNTY = "UNKNOWN_COUNTY";

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.-]{1,32}");

    private HospitalValidator() {
    }

    /**
     * @param counties the counties the deployment serves
     * @return the record with the level in upper case
     * @throws RefusedException 422 {@code UNKNOWN_COUNTY} for a county not served, {@code HOSPITAL_INVALID}
     *                          listing every other problem
     */
    public static HospitalRecord validate(HospitalRecord h, Boolean inCountyGiven, Set<String> counties) {
        List<FieldError> errors = new ArrayList<>();
        if (h.code() == null || !CODE.matcher(h.code()).matches()) {
            errors.add(new FieldError("code", "The hospital code is 1 to 32 letters, digits, '.', '_' or '-'."));
        }
        if (h.name() == null || h.name().isBlank() || h.name().length() > 200) {
            errors.add(new FieldError("name", "The name (1 to 200 characters) is required."));
        }
        String level = h.level() == null ? null : h.level().trim().toUpperCase(Locale.ROOT);
        try {
            HospitalLevel.valueOf(level == null ? "" : level);
        } catch (IllegalArgumentException unknown) {
            errors.add(new FieldError("level", "The level is one of " + List.of(HospitalLevel.values()) + "."));
        }
        if (inCountyGiven == null) {
            errors.add(new FieldError("inCounty", "inCounty (true or false) is required."));
        }
        if (h.township() != null && h.township().length() > 100) {
            errors.add(new FieldError("township", "The township has more than 100 characters."));
        }
        if (h.county() == null || !h.county().matches("[0-9]{6}")) {
            errors.add(new FieldError("county", "The county code is 6 digits."));
        } else if (errors.isEmpty() && !counties.contains(h.county())) {
            throw RefusedException.unprocessable(UNKNOWN_COUNTY, "county",
                    "This deployment serves no county " + h.county() + ".");
        }
        if (!errors.isEmpty()) {
            throw new RefusedException(422, HOSPITAL_INVALID, "The hospital has invalid fields.", errors);
        }
        return new HospitalRecord(h.code(), h.name().trim(), h.county(), level, h.inCounty(),
                h.township() == null || h.township().isBlank() ? null : h.township().trim());
    }
}
