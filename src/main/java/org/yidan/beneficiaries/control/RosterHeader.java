package org.yidan.beneficiaries.control;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.yidan.platform.control.RefusedException;
import org.yidan.platform.control.RefusedException.FieldError;

import static org.yidan.beneficiaries.control.RosterParser.ROSTER_INVALID;
import static org.yidan.beneficiaries.control.RosterParser.invalid;

/**
 * Columns: which {@link RosterColumn} is where in a roster, found by the names its header gives them (Chinese or
 * English, in any order, unknown columns ignored), and the cells of a row by column.
 */
final class RosterHeader {

    private static final Map<String, RosterColumn> HEADERS = new HashMap<>();

    static {
        for (RosterColumn column : RosterColumn.values()) {
            column.names.keys().forEach(alias -> HEADERS.put(alias, column));
        }
    }

    final Map<RosterColumn, Integer> index = new EnumMap<>(RosterColumn.class);
    final Map<RosterColumn, String> text = new EnumMap<>(RosterColumn.class);
    final int line;

    /** How many cells of a row name a roster column: a title row above the header names none. */
    static int knownColumns(String[] cells) {
        int known = 0;
        for (String cell : cells) {
            if (cell != null && HEADERS.containsKey(ColumnNames.key(cell))) {
                known++;
            }
        }
        return known;
    }

    RosterHeader(int line, String[] cells) {
        this.line = line;
        Map<RosterColumn, Integer> seen = new EnumMap<>(RosterColumn.class);
        List<String> duplicates = new ArrayList<>();
        for (int i = 0; i < cells.length; i++) {
            String cell = cells[i] == null ? "" : cells[i].replace("\uFEFF", "").strip();
            RosterColumn column = HEADERS.get(ColumnNames.key(cell));
            if (column == null) {
                continue;
            }
            Integer earlier = seen.putIfAbsent(column, i);
            if (earlier != null) {
                duplicates.add(column.label() + " is in columns " + (earlier + 1) + " and " + (i + 1));
                continue;
            }
            index.put(column, i);
            text.put(column, cell);
        }
        if (!duplicates.isEmpty()) {
            throw invalid("The roster header (line " + line + ") names a column twice: "
                    + String.join("; ", duplicates) + ".");
        }
        List<RosterColumn> missing = Arrays.stream(RosterColumn.values())
                .filter(column -> column.required() && !index.containsKey(column)).toList();
        if (!missing.isEmpty()) {
            String found = Arrays.stream(cells).filter(c -> c != null && !c.isBlank())
                    .map(String::strip).collect(Collectors.joining(", "));
            String names = missing.stream().map(RosterColumn::label).collect(Collectors.joining(", "));
            throw new RefusedException(422, ROSTER_INVALID, "The roster lacks the required column"
                    + (missing.size() > 1 ? "s " : " ") + names + "; its header (line " + line + ") reads: "
                    + found + ".", missing.stream().map(column -> new FieldError(column.names.englishName(),
                            "The roster has no column " + column.label() + ".")).toList());
        }
    }

    String cell(String[] cells, RosterColumn column) {
        Integer at = index.get(column);
        if (at == null || at >= cells.length || cells[at] == null) {
            return "";
        }
        return ColumnNames.clean(cells[at]);
    }

    String name(RosterColumn column) {
        return text.getOrDefault(column, column.names.chineseName());
    }

    int order(String columnText) {
        for (Map.Entry<RosterColumn, String> entry : text.entrySet()) {
            if (entry.getValue().equals(columnText)) {
                return index.get(entry.getKey());
            }
        }
        return Integer.MAX_VALUE;
    }
}
