package io.gongzhi.geography.internal;

import io.gongzhi.geography.Level;
import io.gongzhi.shared.InvalidInput;
import io.gongzhi.shared.Violation;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Reads a divisions file ({@code code,name,level,parent_code}, UTF-8, optional BOM) and
 * checks the whole of it before anything is written, reporting every problem with its line:
 * bad encoding, wrong header or column count, bad code, empty name, unknown level,
 * duplicate code, unknown parent, a level under the wrong parent level, a cycle.
 */
public final class DivisionsCsv {

    public static final String HEADER = "code,name,level,parent_code";
    private static final Pattern CODE = Pattern.compile("[0-9]{2,32}");
    /** Longer than any real division's name, well inside the column (200, which the display name shares). */
    public static final int NAME_MAX = 100;

    /** One valid row of the file. */
    public record Row(int line, String code, String name, Level level, String parentCode) {
    }

    private DivisionsCsv() {
    }

    /**
     * @param outside answers, for the parent codes the file names but does not hold, the
     *                level of those that exist already (the database's current units)
     */
    public static List<Row> read(byte[] bytes, Function<Set<String>, Map<String, Level>> outside) {
        var problems = new ArrayList<Violation>();
        List<String> lines = decode(bytes, problems);
        // a first line that is not UTF-8 (random bytes, a spreadsheet saved as something else) is a wrong header too
        if (lines.isEmpty() || lines.get(0) == null || !lines.get(0).strip().equalsIgnoreCase(HEADER)) {
            problems.add(Violation.at(1, null, "geography.csv.header", HEADER));
            throw new InvalidInput(problems);
        }
        var rows = new ArrayList<Row>();
        var firstLine = new HashMap<String, Integer>();
        for (int i = 1; i < lines.size(); i++) {
            int line = i + 1;
            String text = lines.get(i);
            if (text == null) {
                continue; // undecodable, already reported
            }
            if (text.isBlank()) {
                continue;
            }
            Row row = row(line, fields(text), firstLine, problems);
            if (row != null) {
                firstLine.put(row.code(), line);
                rows.add(row);
            }
        }
        if (rows.isEmpty() && problems.isEmpty()) {
            problems.add(Violation.at(2, null, "geography.csv.empty"));
        }
        Set<String> codes = new HashSet<>();
        rows.forEach(r -> codes.add(r.code()));
        Set<String> parentsOutside = new HashSet<>();
        rows.stream().map(Row::parentCode).filter(c -> c != null && !codes.contains(c)).forEach(parentsOutside::add);
        Map<String, Level> known = parentsOutside.isEmpty() ? Map.of() : outside.apply(parentsOutside);
        checkParents(rows, known, problems);
        if (!problems.isEmpty()) {
            problems.sort(java.util.Comparator.comparing(v -> v.line() == null ? 0 : v.line()));
            throw new InvalidInput(problems);
        }
        return rows;
    }

    /** One line's fields as a row, or null with its problems added (a code already seen on {@code firstLine} among them). */
    private static Row row(int line, List<String> fields, Map<String, Integer> firstLine, List<Violation> problems) {
        if (fields.size() != 4) {
            problems.add(Violation.at(line, null, "geography.csv.columns", fields.size()));
            return null;
        }
        String code = fields.get(0).strip();
        String name = fields.get(1).strip();
        String levelKey = fields.get(2).strip();
        String parent = fields.get(3).strip();
        int before = problems.size();
        if (!CODE.matcher(code).matches()) {
            problems.add(Violation.at(line, "code", "geography.csv.code-invalid", code));
        } else if (firstLine.containsKey(code)) {
            problems.add(Violation.at(line, "code", "geography.csv.duplicate-code", code, firstLine.get(code)));
        }
        if (name.isEmpty()) {
            problems.add(Violation.at(line, "name", "geography.csv.name-empty"));
        } else if (name.length() > NAME_MAX) {
            problems.add(Violation.at(line, "name", "geography.csv.name-too-long", NAME_MAX, name.length()));
        }
        var level = Level.parse(levelKey).filter(Level::isDivision);
        if (level.isEmpty()) {
            problems.add(Violation.at(line, "level", "geography.csv.level-unknown", levelKey));
        }
        if (!parent.isEmpty() && !CODE.matcher(parent).matches()) {
            problems.add(Violation.at(line, "parent_code", "geography.csv.code-invalid", parent));
        }
        return problems.size() == before ? new Row(line, code, name, level.get(), parent.isEmpty() ? null : parent) : null;
    }

    private static void checkParents(List<Row> rows, Map<String, Level> known, List<Violation> problems) {
        Map<String, Row> byCode = new LinkedHashMap<>();
        rows.forEach(r -> byCode.put(r.code(), r));
        for (Row row : rows) {
            if (row.level() == Level.CITY) {
                if (row.parentCode() != null) {
                    problems.add(Violation.at(row.line(), "parent_code", "geography.csv.city-parent", row.parentCode()));
                }
                continue;
            }
            if (row.parentCode() == null) {
                problems.add(Violation.at(row.line(), "parent_code", "geography.csv.parent-missing", row.level().key()));
                continue;
            }
            Row parentRow = byCode.get(row.parentCode());
            Level parentLevel = parentRow != null ? parentRow.level() : known.get(row.parentCode());
            if (parentLevel == null) {
                problems.add(Violation.at(row.line(), "parent_code", "geography.csv.parent-unknown", row.parentCode()));
            } else if (row.level().parent().filter(Predicate.isEqual(parentLevel)).isEmpty()) {
                problems.add(Violation.at(row.line(), "parent_code", "geography.csv.parent-level",
                        row.level().key(), row.level().parent().map(Level::key).orElse("-"), row.parentCode(), parentLevel.key()));
            }
        }
        reportCycles(byCode, problems);
    }

    /** Levels make cycles impossible in a valid file, but a file with wrong levels can still loop; name the loop. */
    private static void reportCycles(Map<String, Row> byCode, List<Violation> problems) {
        var reported = new java.util.HashSet<String>();
        for (Row start : byCode.values()) {
            var seen = new LinkedHashMap<String, Boolean>();
            Row at = start;
            while (at != null && !seen.containsKey(at.code())) {
                seen.put(at.code(), true);
                at = at.parentCode() == null ? null : byCode.get(at.parentCode());
            }
            if (at != null && reported.add(at.code())) {
                var loop = new ArrayList<String>();
                boolean inLoop = false;
                for (String code : seen.keySet()) {
                    inLoop |= code.equals(at.code());
                    if (inLoop) {
                        loop.add(code);
                    }
                }
                loop.add(at.code());
                reported.addAll(loop);
                problems.add(Violation.at(at.line(), "parent_code", "geography.csv.cycle", String.join(" → ", loop)));
            }
        }
    }

    /** Lines of the file; a line that is not valid UTF-8 is reported and left null. */
    private static List<String> decode(byte[] bytes, List<Violation> problems) {
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        var lines = new ArrayList<String>();
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        int lineStart = start;
        for (int i = start; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                int end = i > lineStart && bytes[i - 1] == '\r' ? i - 1 : i;
                if (i == bytes.length && end == lineStart) {
                    break;
                }
                try {
                    lines.add(decoder.decode(ByteBuffer.wrap(bytes, lineStart, end - lineStart)).toString());
                } catch (CharacterCodingException e) {
                    problems.add(Violation.at(lines.size() + 1, null, "geography.csv.encoding"));
                    lines.add(null);
                }
                lineStart = i + 1;
            }
        }
        return lines;
    }

    /** RFC 4180 fields of one line: commas separate, double quotes protect commas and quotes. */
    static List<String> fields(String line) {
        return io.gongzhi.shared.Csv.fields(line);
    }
}
