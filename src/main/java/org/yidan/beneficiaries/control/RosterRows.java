package org.yidan.beneficiaries.control;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;
import org.yidan.platform.control.RefusedException;

import static org.yidan.beneficiaries.control.RosterParser.invalid;

/**
 * File to rows: a roster file's rows as cells of text, handed one by one to a {@link RowSink}, whatever the file
 * is: CSV in UTF-8 (with or without byte order mark), GBK or UTF-16 (Excel's "Unicode text"), comma- or
 * tab-separated, or an XLSX workbook (first sheet), recognised by content rather than by file name. Read as a
 * stream (CSV records, SAX events for XLSX, never a workbook object model).
 */
final class RosterRows {

    /** Receives each row as it is read, with its line as a person counts it (the first line is 1). */
    interface RowSink {
        void row(int line, String[] cells);
    }

    private RosterRows() {
    }

    /**
     * @throws RefusedException 422 {@code ROSTER_INVALID} for a file that is neither CSV nor XLSX, or is not
     *                          well-formed
     */
    static void read(byte[] content, RowSink sink) {
        if (startsWith(content, 0x50, 0x4B, 0x03, 0x04)) {
            readXlsx(content, sink);
        } else if (startsWith(content, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            throw invalid("The roster is an old Excel 97-2003 (.xls) workbook; save it as .xlsx or as CSV.");
        } else {
            readCsv(content, sink);
        }
    }

    private static void readCsv(byte[] content, RowSink sink) {
        int offset = 0;
        Charset charset;
        if (startsWith(content, 0xEF, 0xBB, 0xBF)) {
            charset = StandardCharsets.UTF_8;
            offset = 3;
        } else if (startsWith(content, 0xFF, 0xFE)) {
            charset = StandardCharsets.UTF_16LE;
            offset = 2;
        } else if (startsWith(content, 0xFE, 0xFF)) {
            charset = StandardCharsets.UTF_16BE;
            offset = 2;
        } else if (looksBinary(content)) {
            throw invalid("The roster file is neither CSV text nor an XLSX workbook.");
        } else {
            charset = isUtf8(content) ? StandardCharsets.UTF_8 : Charset.forName("GBK");
        }
        char delimiter = delimiter(content, offset, charset);
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(false)
                .get();
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        Reader reader = new InputStreamReader(new ByteArrayInputStream(content, offset, content.length - offset),
                decoder);
        try (CSVParser parser = CSVParser.parse(reader, format)) {
            long linesBefore = 0;
            for (CSVRecord record : parser) {
                sink.row((int) linesBefore + 1, record.values());
                linesBefore = parser.getCurrentLineNumber();
            }
        } catch (IOException | UncheckedIOException failure) {
            throw unreadable(failure);
        } catch (IllegalStateException malformed) {
            // Commons CSV reports an unterminated quote this way
            throw invalid("The roster is not well-formed CSV: " + malformed.getMessage());
        }
    }

    private static RefusedException unreadable(Exception failure) {
        Throwable cause = failure instanceof UncheckedIOException ? failure.getCause() : failure;
        if (cause instanceof CharacterCodingException) {
            return invalid("The roster is neither UTF-8 nor GBK text.");
        }
        return invalid("The roster is not well-formed CSV: " + cause.getMessage());
    }

    /** Comma, unless the first non-blank line has tabs and no comma (a tab-separated export). */
    private static char delimiter(byte[] content, int offset, Charset charset) {
        int length = Math.min(content.length - offset, 64 * 1024);
        String start = new String(content, offset, length, charset);
        for (String line : start.split("\n", 20)) {
            if (!line.isBlank()) {
                return line.indexOf('\t') >= 0 && line.indexOf(',') < 0 ? '\t' : ',';
            }
        }
        return ',';
    }

    private static boolean isUtf8(byte[] content) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(content);
        CharBuffer out = CharBuffer.allocate(8192);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                return false;
            }
            if (result.isUnderflow()) {
                break;
            }
            out.clear();
        }
        out.clear();
        return !decoder.flush(out).isError();
    }

    /** Text rosters hold no control characters but tab, line breaks and form feed. */
    private static boolean looksBinary(byte[] content) {
        int length = Math.min(content.length, 64 * 1024);
        for (int i = 0; i < length; i++) {
            int b = content[i] & 0xFF;
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
                return true;
            }
        }
        return false;
    }

        private static void readXlsx(byte[] content, RowSink sink) {
        try (OPCPackage workbook = OPCPackage.open(new ByteArrayInputStream(content))) {
            XSSFReader reader = new XSSFReader(workbook);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(workbook, false);
            StylesTable styles = reader.getStylesTable();
            XSSFReader.SheetIterator sheets = reader.getSheetIterator();
            if (!sheets.hasNext()) {
                throw invalid("The workbook has no sheet.");
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader xml = XMLHelper.newXMLReader();
                xml.setContentHandler(new XSSFSheetXMLHandler(styles, strings, new SheetRows(sink),
                        new IsoDateFormatter(), false));
                xml.parse(new InputSource(sheet));
            }
        } catch (RefusedException refused) {
            throw refused;
        } catch (Exception | LinkageError failure) {
            RefusedException refused = refusedCause(failure);
            if (refused != null) {
                throw refused;
            }
            throw invalid("The roster looks like an XLSX workbook but cannot be read: " + failure.getMessage());
        }
    }

    private static RefusedException refusedCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RefusedException refused) {
                return refused;
            }
        }
        return null;
    }

    /** Collects the cells of each sheet row by column index. */
    private static final class SheetRows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final RowSink sink;
        private String[] cells = new String[16];
        private int width;
        private int lastColumn = -1;

        SheetRows(RowSink sink) {
            this.sink = sink;
        }

        @Override
        public void startRow(int rowNum) {
            Arrays.fill(cells, 0, width, null);
            width = 0;
            lastColumn = -1;
        }

        @Override
        public void endRow(int rowNum) {
            sink.row(rowNum + 1, Arrays.copyOf(cells, width));
        }

        @Override
        public void cell(String cellReference, String formattedValue, XSSFComment comment) {
            int column = cellReference == null ? lastColumn + 1 : columnIndex(cellReference);
            lastColumn = column;
            if (column >= cells.length) {
                cells = Arrays.copyOf(cells, Math.max(column + 1, cells.length * 2));
            }
            cells[column] = formattedValue;
            width = Math.max(width, column + 1);
        }

        private static int columnIndex(String reference) {
            int column = 0;
            for (int i = 0; i < reference.length(); i++) {
                char c = reference.charAt(i);
                if (c < 'A' || c > 'Z') {
                    break;
                }
                column = column * 26 + (c - 'A' + 1);
            }
            return column - 1;
        }
    }

    /** Writes cells with a date format as ISO days, whatever their display format; other numbers as Excel does. */
    private static final class IsoDateFormatter extends DataFormatter {
        IsoDateFormatter() {
            super(Locale.ROOT);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                return DateUtil.getLocalDateTime(value, use1904).toLocalDate().toString();
            }
            return super.formatRawCellContents(value, formatIndex, formatString, use1904);
        }
    }

    private static boolean startsWith(byte[] content, int... prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((content[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
