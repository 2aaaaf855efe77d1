package org.yidan.beneficiaries.control;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import org.yidan.beneficiaries.entity.BeneficiaryRecord;
import org.yidan.platform.control.JsonFactories;

import java.time.LocalDate;
import java.util.List;

/**
 * Writes persons new to the registry (validated records of a roster import) with one statement per table, the rows
 * passed as one JSON array each.
 * <p>
 * Why not {@code em.persist}: EclipseLink inserts a person and then, at once, their categories (and tags, diseases),
 * so consecutive statements never share their SQL and its JDBC batch never holds more than one: a roster of 35,000
 * persons became 70,000 statements, each a round trip between Payara and PostgreSQL that waits for both processes to
 * be scheduled. On a busy machine (2 cores, load average 10) the import took 27-112 s while PostgreSQL spent about
 * 3.6 s executing those statements (pg_stat_statements, SettlementIT 2026-11-27). Here a chunk of 1,000 persons is
 * four round trips.
 * <p>
 * The columns are those the {@link org.yidan.beneficiaries.entity.Beneficiary} entity maps (version 1 as EclipseLink
 * writes a new row; list positions from 0 as its order column): a roster imported twice finds every person unchanged
 * (SettlementIT), which reads these rows back through the entity.
 */
public final class NewPersonRows {

    static final String PERSONS = "insert into beneficiary (id_number, name, county, household_id, exited_on,"
            + " township, village, household_income, version, created_at, updated_at)"
            + " select p.id_number, p.name, p.county, p.household_id, p.exited_on, p.township, p.village,"
            + " p.household_income, 1, now(), now()"
            + " from jsonb_to_recordset(cast(?1 as jsonb)) as p(id_number text, name text, county text,"
            + " household_id text, exited_on date, township text, village text, household_income numeric)";

    static final String CATEGORIES = "insert into beneficiary_category (id_number, position, code, valid_from, valid_to)"
            + " select c.id_number, c.position, c.code, c.valid_from, c.valid_to"
            + " from jsonb_to_recordset(cast(?1 as jsonb)) as c(id_number text, position integer, code text,"
            + " valid_from date, valid_to date)";

    static final String TAGS = "insert into beneficiary_tag (id_number, tag)"
            + " select t.id_number, t.tag from jsonb_to_recordset(cast(?1 as jsonb)) as t(id_number text, tag text)";

    static final String DISEASES = "insert into beneficiary_disease (id_number, code, approved_on)"
            + " select d.id_number, d.code, d.approved_on"
            + " from jsonb_to_recordset(cast(?1 as jsonb)) as d(id_number text, code text, approved_on date)";

    /**
     * Run by {@link Import} once a large import's first chunk is in: PostgreSQL plans the foreign-key checks of the
     * category, tag and disease rows against {@code beneficiary} once per connection from the table's statistics
     * (a pooled connection keeps its plan), and a registry of a few hundred persons gets a sequential scan that the
     * import then repeats for every row while it grows the table (35,000 persons: 74-90 s instead of 3-4 s).
     * ANALYZE counts the rows of its own transaction and invalidates the cached plans.
     */
    static final String STATISTICS = "analyze beneficiary";

    /** Runs one statement in the caller's transaction, with its one parameter (null: a statement without one). */
    @FunctionalInterface
    public interface Statements {
        void execute(String sql, String parameter);
    }

    /**
     * The new persons of one import, written chunk by chunk in the caller's transaction: at most four statements a
     * chunk, and the registry's statistics once after the first chunk when more follow ({@link #STATISTICS}).
     */
    public static final class Import {

        private final Statements database;
        private boolean analyzed;

        public Import(Statements database) {
            this.database = database;
        }

        /** {@code moreFollow}: the import has further chunks after this one. */
        public void insert(List<BeneficiaryRecord> persons, boolean moreFollow) {
            Rows rows = of(persons);
            // persons first: the other tables refer to them
            execute(PERSONS, rows.persons());
            execute(CATEGORIES, rows.categories());
            execute(TAGS, rows.tags());
            execute(DISEASES, rows.diseases());
            if (!persons.isEmpty() && moreFollow && !analyzed) {
                database.execute(STATISTICS, null);
                analyzed = true;
            }
        }

        private void execute(String sql, String json) {
            if (json != null) {
                database.execute(sql, json);
            }
        }
    }

    /** Statements run as native queries of {@code em}, in its transaction. */
    public static Statements over(EntityManager em) {
        return (sql, parameter) -> {
            var query = em.createNativeQuery(sql);
            if (parameter != null) {
                query.setParameter(1, parameter);
            }
            query.executeUpdate();
        };
    }

    /** The rows of some new persons, one JSON array per table; an array is null when it has no row. */
    public record Rows(String persons, String categories, String tags, String diseases) {
    }

    private NewPersonRows() {
    }

    /** The rows that store {@code persons} (validated, none of them in the registry yet). */
    public static Rows of(List<BeneficiaryRecord> persons) {
        JsonArrayBuilder people = JsonFactories.array();
        JsonArrayBuilder categories = JsonFactories.array();
        JsonArrayBuilder tags = JsonFactories.array();
        JsonArrayBuilder diseases = JsonFactories.array();
        int categoryRows = 0;
        int tagRows = 0;
        int diseaseRows = 0;
        for (BeneficiaryRecord person : persons) {
            JsonObjectBuilder row = JsonFactories.object().add("id_number", person.idNumber())
                    .add("name", person.name()).add("county", person.county());
            text(row, "household_id", person.householdId());
            text(row, "exited_on", date(person.exitedOn()));
            text(row, "township", person.township());
            text(row, "village", person.village());
            if (person.householdIncome() != null) {
                row.add("household_income", person.householdIncome());
            }
            people.add(row);
            int position = 0;
            for (BeneficiaryRecord.CategorySpan span : person.categories()) {
                JsonObjectBuilder category = JsonFactories.object().add("id_number", person.idNumber())
                        .add("position", position++).add("code", span.code()).add("valid_from", date(span.from()));
                text(category, "valid_to", date(span.to()));
                categories.add(category);
                categoryRows++;
            }
            for (String tag : person.standardTags()) {
                tags.add(JsonFactories.object().add("id_number", person.idNumber()).add("tag", tag));
                tagRows++;
            }
            for (BeneficiaryRecord.DiseaseApproval disease : person.chronicDiseases()) {
                diseases.add(JsonFactories.object().add("id_number", person.idNumber())
                        .add("code", disease.code()).add("approved_on", date(disease.approvedOn())));
                diseaseRows++;
            }
        }
        return new Rows(persons.isEmpty() ? null : people.build().toString(),
                categoryRows == 0 ? null : categories.build().toString(),
                tagRows == 0 ? null : tags.build().toString(),
                diseaseRows == 0 ? null : diseases.build().toString());
    }

    private static void text(JsonObjectBuilder row, String name, String value) {
        if (value != null) {
            row.add(name, value);
        }
    }

    private static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
