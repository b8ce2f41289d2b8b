package io.gongzhi.shared;

import java.util.ArrayList;
import java.util.List;

/** RFC 4180 CSV: commas separate fields, double quotes protect commas, quotes (doubled) and line breaks; CRLF or LF ends a row. */
public final class Csv {

    private Csv() {
    }

    /** The fields of one line (a line break inside it counts as text). */
    public static List<String> fields(String line) {
        List<List<String>> rows = parse(line, false);
        return rows.isEmpty() ? List.of("") : rows.get(0);
    }

    /** Every row of a text; fields are returned as written (not trimmed). */
    public static List<List<String>> rows(String text) {
        return parse(text, true);
    }

    private static List<List<String>> parse(String text, boolean breakRows) {
        var rows = new ArrayList<List<String>>();
        var row = new ArrayList<String>();
        var field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (breakRows && (c == '\n' || c == '\r')) {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (!breakRows || field.length() > 0 || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}
