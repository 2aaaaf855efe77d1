package org.yidan.settlement.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import org.yidan.platform.control.JsonFactories;
import org.yidan.policy.entity.CategoryPeriod;
import org.yidan.policy.entity.DiseaseApproval;
import org.yidan.policy.entity.PersonCategory;
import org.yidan.policy.entity.PersonSnapshot;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What settling needs of a registered person, read in the settlement's first statement together with the
 * idempotency claim (see {@code SettlementService}): the registry's effective-dated categories and disease
 * approvals, the exit date, the township (for the journal) and the years the person is recorded as not insured.
 *
 * @param uninsuredYears the years with a coverage record saying "not insured" ({@code CoverageService#uninsured})
 * @param standardTags   the person's standard tags (国标/省标/市标) at settling, sorted and comma-separated ("" for
 *                       none): the journal keeps them so that a later registry change does not rewrite past reports
 */
public record SettledPerson(String idNumber, String name, String county, String township, LocalDate exitedOn,
                            List<CategoryPeriod> categories, List<DiseaseApproval> diseases,
                            Set<Integer> uninsuredYears, String standardTags) {

    public SettledPerson {
        categories = List.copyOf(categories);
        diseases = List.copyOf(diseases);
        uninsuredYears = Set.copyOf(uninsuredYears);
    }

    /** What the rules know about the person on {@code date}: as {@code Beneficiary#snapshotOn}. */
    public PersonSnapshot snapshotOn(LocalDate date) {
        return PersonSnapshot.asOf(date, categories, diseases, exitedOn);
    }

    public boolean uninsuredIn(int year) {
        return uninsuredYears.contains(year);
    }

    /**
     * From the columns the statement returns: categories as a JSON array of {@code [code, from, to]} in the
     * registry's order, diseases as {@code [code, approvedOn]}, the uninsured years comma-separated (each may be
     * null when there are none).
     */
    public static SettledPerson of(String idNumber, String name, String county, String township, LocalDate exitedOn,
                                   String categoriesJson, String diseasesJson, String uninsuredYears,
                                   String standardTags) {
        List<CategoryPeriod> categories = new ArrayList<>();
        for (JsonValue value : array(categoriesJson)) {
            JsonArray row = value.asJsonArray();
            categories.add(new CategoryPeriod(PersonCategory.valueOf(row.getString(0)), date(row.get(1)),
                    date(row.get(2))));
        }
        List<DiseaseApproval> diseases = new ArrayList<>();
        for (JsonValue value : array(diseasesJson)) {
            JsonArray row = value.asJsonArray();
            diseases.add(new DiseaseApproval(row.getString(0), date(row.get(1))));
        }
        Set<Integer> years = new TreeSet<>();
        if (uninsuredYears != null && !uninsuredYears.isEmpty()) {
            for (String year : uninsuredYears.split(",")) {
                years.add(Integer.valueOf(year));
            }
        }
        return new SettledPerson(idNumber.strip(), name, county, township, exitedOn, categories, diseases, years,
                standardTags == null ? "" : standardTags);
    }

    private static JsonArray array(String json) {
        if (json == null) {
            return JsonValue.EMPTY_JSON_ARRAY;
        }
        try (JsonReader reader = JsonFactories.READERS.createReader(new StringReader(json))) {
            return reader.readArray();
        }
    }

    private static LocalDate date(JsonValue value) {
        return value == null || value.getValueType() == JsonValue.ValueType.NULL ? null
                : LocalDate.parse(((jakarta.json.JsonString) value).getString());
    }
}
