package org.yidan.beneficiaries.control;

import java.util.List;

import org.yidan.beneficiaries.entity.BeneficiaryRecord;

/**
 * What a roster file holds: the persons that may be stored, and the rows that may not. A person any of whose rows
 * is invalid is among the errors only, with every one of their rows, never among the records.
 *
 * @param rows            data rows read (header and blank rows not counted)
 * @param records         valid persons, validated and in normal form, in the order they first appear
 * @param rejectedPersons how many persons (distinct ID numbers) are left out because of invalid rows
 * @param errors          one entry per offending cell, ordered by line; at most {@link #REPORTED_ERRORS}
 * @param errorCount      how many offending cells there are in all, reported or not
 * @param invalidRows     how many rows have at least one offending cell
 */
public record RosterParseResult(int rows, List<BeneficiaryRecord> records, int rejectedPersons,
                                List<RowError> errors, int errorCount, int invalidRows) {

    /**
     * How many errors a parse reports one by one. A file of junk has millions; the first thousand tell the
     * registrar what is wrong, and keeping them all would take the server's memory.
     */
    public static final int REPORTED_ERRORS = 1000;

    /**
     * One reason a row is not imported.
     *
     * @param line   the row as a person counts it in a text editor or in Excel: the header is line 1
     * @param column the header of the offending column as written in the file, e.g. {@code 身份证号}
     * @param why    the rule's message key and arguments, said in Chinese on the import screen
     */
    public record RowError(int line, String column, Reason why) implements java.io.Serializable {

        /** The reason in English, as the API answers it. */
        public String reason() {
            return why.english();
        }
    }

    public RosterParseResult {
        records = List.copyOf(records);
        errors = List.copyOf(errors);
    }

    /** A result whose errors are all reported. */
    public RosterParseResult(int rows, List<BeneficiaryRecord> records, int rejectedPersons, List<RowError> errors) {
        this(rows, records, rejectedPersons, errors, errors.size(),
                (int) errors.stream().mapToInt(RowError::line).distinct().count());
    }

    /** Whether more errors were found than {@link #errors} lists. */
    public boolean errorsTruncated() {
        return errorCount > errors.size();
    }
}
