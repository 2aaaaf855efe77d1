package org.yidan.beneficiaries.control;

import java.util.ArrayList;
import java.util.List;

/**
 * The names a file's header may give one column, as the roster and the enrolment system's export both read them:
 * Chinese or English or a known alias, compared by {@link #key} (clerks' spreadsheets differ in blanks, brackets,
 * required marks and case, never in the words). Also how a cell's text is read: Excel's text guards removed.
 */
record ColumnNames(boolean required, String chineseName, String englishName, List<String> keys) {

    static ColumnNames of(boolean required, String chineseName, String englishName, String... otherNames) {
        List<String> names = new ArrayList<>(List.of(chineseName, englishName));
        names.addAll(List.of(otherNames));
        return new ColumnNames(required, chineseName, englishName, names.stream().map(ColumnNames::key).toList());
    }

    /** How error messages name the column: {@code 身份证号 (idNumber)}. */
    String label() {
        return chineseName + " (" + englishName + ")";
    }

    /** Header names compare without blanks, brackets, asterisks (required marks), {@code _}, {@code -}, a BOM or case. */
    static String key(String header) {
        StringBuilder key = new StringBuilder(header.length());
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (!Character.isWhitespace(c) && "()（）*＊_-\uFEFF".indexOf(c) < 0) {
                key.append(Character.toLowerCase(c));
            }
        }
        return key.toString();
    }

    /** A cell's text without surrounding blanks, Excel's text guards ({@code ="..."}, leading {@code '}) removed. */
    static String clean(String cell) {
        String text = cell.strip();
        if (text.length() >= 3 && text.startsWith("=\"") && text.endsWith("\"")) {
            text = text.substring(2, text.length() - 1).strip();
        } else if (text.startsWith("'")) {
            text = text.substring(1).strip();
        }
        return text;
    }
}
