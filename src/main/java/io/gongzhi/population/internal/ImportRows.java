package io.gongzhi.population.internal;

import io.gongzhi.shared.InvalidInput;
import io.gongzhi.shared.Violation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

/** An import file's sheet: its rows as registrations (by header names in either language), and the report of its bad rows. */
final class ImportRows {

    private ImportRows() {
    }

    /** One row of the file as a registration. */
    record Entry(int line, List<String> cells, Address address, ResidentForm form) {
    }

    /** The rows after the header, skipping empty ones, mapped by header names in either language. */
    static List<Entry> entries(List<List<String>> table) {
        if (table.isEmpty()) {
            throw new InvalidInput(Violation.at(1, "", "person.import.empty"));
        }
        Map<String, Integer> at = headerIndex(table.get(0));
        var missing = PopulationImports.COLUMNS.stream().filter(c -> c.required() && !at.containsKey(c.field())).map(PopulationImports.Column::zh).toList();
        if (!missing.isEmpty()) {
            throw new InvalidInput(Violation.at(1, "", "person.import.missing-columns", String.join("、", missing)));
        }
        var entries = new ArrayList<Entry>();
        for (int r = 1; r < table.size(); r++) {
            List<String> cells = table.get(r);
            if (cells.stream().allMatch(String::isBlank)) {
                continue;
            }
            java.util.function.Function<String, String> get = field -> {
                Integer i = at.get(field);
                return i == null || i >= cells.size() ? "" : cells.get(i);
            };
            entries.add(new Entry(r + 1, cells, new Address(get.apply("compound"), get.apply("building"), get.apply("unitNo"), get.apply("room")),
                    new ResidentForm(get.apply("name"), get.apply("sex"), get.apply("birthDate"), get.apply("idKind"), get.apply("idNumber"),
                            get.apply("nationality"), get.apply("phone"), get.apply("registration"), get.apply("relation"),
                            get.apply("partyMember"), get.apply("careGroups"), get.apply("movedIn"))));
        }
        return entries;
    }

    static Map<String, Integer> headerIndex(List<String> header) {
        var index = new HashMap<String, Integer>();
        for (int i = 0; i < header.size(); i++) {
            String h = normal(header.get(i));
            for (PopulationImports.Column c : PopulationImports.COLUMNS) {
                if (h.equals(normal(c.zh())) || h.equals(normal(c.en())) || h.equals(normal(c.field()))) {
                    index.putIfAbsent(c.field(), i);
                }
            }
        }
        return index;
    }

    private static String normal(String s) {
        return s == null ? "" : s.replace("*", "").replace(" ", "").replace("_", "").strip().toLowerCase(Locale.ROOT);
    }

    /** What each field's column is headed in this file (without the required mark), to name it in the problems. */
    static Map<String, String> headers(List<List<String>> table) {
        Map<String, String> headers = new HashMap<>();
        List<String> header = table.get(0);
        headerIndex(header).forEach((field, i) -> headers.put(field, header.get(i).replace("*", "").strip()));
        return headers;
    }

    /** The bad rows with their line number and an error column, for fixing in Excel and importing again. */
    static byte[] errorReport(List<List<String>> table, List<Violation> problems, Locale locale, BiFunction<Violation, Locale, String> message) {
        boolean zh = locale.getLanguage().equals("zh");
        var header = new ArrayList<String>();
        header.add(zh ? "行号" : "Line");
        header.addAll(table.get(0));
        header.add(zh ? "错误" : "Errors");
        var byLine = new LinkedHashMap<Integer, List<String>>();
        for (Violation v : problems) {
            byLine.computeIfAbsent(v.line(), k -> new ArrayList<>())
                    .add((v.where() == null || v.where().isEmpty() ? "" : v.where() + ": ") + message.apply(v, locale));
        }
        var rows = new ArrayList<List<String>>();
        byLine.forEach((line, texts) -> {
            var row = new ArrayList<String>();
            row.add(String.valueOf(line));
            List<String> cells = line - 1 < table.size() ? table.get(line - 1) : List.of();
            for (int c = 0; c < table.get(0).size(); c++) {
                String cell = c < cells.size() ? cells.get(c) : "";
                row.add(cell.startsWith(Sheets.LOST_DIGITS) ? cell.substring(Sheets.LOST_DIGITS.length()) : cell);
            }
            row.add(String.join("；", texts));
            rows.add(row);
        });
        return Sheets.write(zh ? "错误" : "Errors", header, rows, header.size() - 1, 0, List.of());
    }

}
