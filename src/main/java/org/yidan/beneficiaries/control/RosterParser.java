package org.yidan.beneficiaries.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Predicate;

import org.yidan.platform.control.RefusedException;

/**
 * Reads the poverty office's roster (扶贫对象名单) for the roster import, in three steps: file to rows
 * ({@link RosterRows}: CSV in UTF-8, GBK or UTF-16, or XLSX, recognised by content), columns ({@link RosterHeader}:
 * the first row naming at least two known {@link RosterColumn}s is the header, title rows above it are skipped) and
 * rows to records ({@link RosterRecords}: the row rules; the rows of one ID number make one person, a person any of
 * whose rows is invalid is reported row by row and not returned).
 * <p>
 * The sheet is read as a stream and only the merged persons and the first
 * {@link RosterParseResult#REPORTED_ERRORS} errors are kept, so that a county's whole roster of tens of thousands
 * of rows, or a file of junk, needs little memory.
 */
public final class RosterParser {

    /** Stable code of the {@link RefusedException} for a file that cannot be read as a roster at all. */
    public static final String ROSTER_INVALID = "ROSTER_INVALID";
    /** Larger files are refused: a county roster of 100,000 rows is about 15 MB of CSV. */
    public static final int MAX_BYTES = 64 * 1024 * 1024;
    public static final int MAX_ROWS = 500_000;

    private RosterParser() {
    }

    /**
     * Reads a roster from a stream, which is read to its end but not closed.
     *
     * @throws RefusedException 422 {@code ROSTER_INVALID} for a file that is empty, too large, neither CSV nor
     *                          XLSX, or lacks a required column
     */
    public static RosterParseResult parse(InputStream content) {
        try {
            byte[] bytes = content.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw invalid("The roster file is larger than " + MAX_BYTES / (1024 * 1024) + " MB.");
            }
            return parse(bytes);
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot read the roster upload", failure);
        }
    }

    /**
     * Reads a roster file.
     *
     * @throws RefusedException 422 {@code ROSTER_INVALID} for a file that is empty, neither CSV nor XLSX, or lacks
     *                          a required column
     */
    public static RosterParseResult parse(byte[] content) {
        return parse(content, county -> true);
    }

    /**
     * Reads a roster file of an installation that serves only the counties {@code served} accepts: a person of any
     * other county is refused row by row, as any other invalid row.
     *
     * @throws RefusedException 422 {@code ROSTER_INVALID} for a file that is empty, neither CSV nor XLSX, or lacks
     *                          a required column
     */
    public static RosterParseResult parse(byte[] content, Predicate<String> served) {
        if (content == null || content.length == 0) {
            throw invalid("The roster file is empty.");
        }
        if (content.length > MAX_BYTES) {
            throw invalid("The roster file is larger than " + MAX_BYTES / (1024 * 1024) + " MB.");
        }
        RosterRecords records = new RosterRecords(served);
        RosterRows.read(content, records);
        return records.finish();
    }

    static RefusedException invalid(String detail) {
        return RefusedException.unprocessable(ROSTER_INVALID, detail);
    }
}
