package io.gongzhi.population.internal;

import io.gongzhi.shared.Digests;
import io.gongzhi.shared.Phone;
import io.gongzhi.audit.Audit;
import io.gongzhi.audit.Outcome;
import io.gongzhi.geography.Unit;
import io.gongzhi.population.internal.Sheets;
import io.gongzhi.shared.Actor;
import io.gongzhi.shared.InvalidInput;
import io.gongzhi.shared.Progress;
import io.gongzhi.shared.Violation;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Bulk registration from an .xlsx or .csv (template from {@link #template}). The whole file is
 * checked first and nothing is written if any row is wrong: every problem comes back with its line
 * and column, and as an .xlsx of the bad rows with an error column. A valid file is written in
 * chunks, each chunk in one transaction together with the import's progress under its key, so a
 * run killed part-way is resumed by running it again with the same key and ends exactly as one
 * clean run; a finished key imports nothing twice, and a person already registered (same ID) is
 * reported, never duplicated.
 */
@Service
public class PopulationImports {

    /** A template column: the form field it fills and its headers. */
    public record Column(String field, String zh, String en, boolean required) {
    }

    public static final List<Column> COLUMNS = List.of(
            new Column("compound", "小区编码", "Compound code", true),
            new Column("building", "楼栋", "Building", true),
            new Column("unitNo", "单元", "Unit", false),
            new Column("room", "房号", "Room", true),
            new Column("name", "姓名", "Name", true),
            new Column("sex", "性别", "Sex", true),
            new Column("birthDate", "出生日期", "Date of birth", false),
            new Column("idKind", "证件类型", "Document", true),
            new Column("idNumber", "证件号码", "Document number", true),
            new Column("nationality", "国籍", "Nationality", false),
            new Column("phone", "联系电话", "Phone", false),
            new Column("registration", "户籍类型", "Registration", true),
            new Column("relation", "与户主关系", "Relation to head", true),
            new Column("partyMember", "党员", "Party member", false),
            new Column("careGroups", "关爱对象", "Care groups", false),
            new Column("movedIn", "入住日期", "Moved in", false));

    public static final int DEFAULT_CHUNK = 500;

    private final Registry registry;
    private final Households households;
    private final CareGroups careGroups;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final MessageSource messages;
    private final Audit audit;
    private final Clock clock;

    PopulationImports(Registry registry, Households households, CareGroups careGroups, JdbcClient jdbc, TransactionTemplate transactions,
                      MessageSource messages, Audit audit, Clock clock) {
        this.registry = registry;
        this.households = households;
        this.careGroups = careGroups;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    /** The template: headers in the language asked for, one example row, and a notes sheet with the allowed values. */
    public byte[] template(Locale locale) {
        boolean zh = locale.getLanguage().equals("zh");
        var header = COLUMNS.stream().map(c -> (zh ? c.zh() : c.en()) + (c.required() ? " *" : "")).toList();
        var example = List.of("510107005001g0001c001", "3", "2", "1502", "张伟", "男", "", "居民身份证", "51010719800101001X", "CHN",
                "13812345678", "户籍", "户主", "否", "", "2020-05-01");
        var notes = new ArrayList<String>();
        notes.add(zh ? "每行一位居民；同一地址（小区编码+楼栋+单元+房号）的人是一户。带 * 的列必填。"
                : "One resident per row; people at the same address (compound + building + unit + room) are one household. Columns with * are required.");
        notes.add(zh ? "性别：男 / 女。证件类型：居民身份证 / 护照。户籍类型：户籍 / 居住证 / 暂住 / 境外。"
                : "Sex: M / F. Document: national_id / passport. Registration: local / permit / temporary / foreign.");
        notes.add(zh ? "与户主关系：户主 / 配偶 / 子女 / 父母 / 孙子女 / 兄弟姐妹 / 其他。党员：是 / 否。日期：2024-03-18。"
                : "Relation: head / spouse / child / parent / grandchild / sibling / other. Party member: yes / no. Dates: 2024-03-18.");
        notes.add(zh ? "证件号码列已设为文本格式，请勿改成数字，否则 Excel 会丢掉 18 位号码的最后几位。"
                : "The document number column is text: do not make it a number, or Excel drops the last digits of an 18-digit ID.");
        notes.add((zh ? "关爱对象（可填多个，用顿号分隔）：" : "Care groups (several, separated by commas): ")
                + careGroups.all().stream().map(g -> g.name(locale)).collect(Collectors.joining(zh ? "、" : ", ")));
        return Sheets.write(zh ? "居民" : "Residents", header, List.of(example), -1, 500, notes);
    }

    /** One row of the file as a registration. */
    record Entry(int line, List<String> cells, Address address, ResidentForm form) {
    }

    /**
     * Imports {@code file} under {@code key} (a new key starts, a known key resumes). Nothing is
     * written unless every remaining row is valid.
     */
    public ImportReport run(byte[] file, String fileName, String key, int chunk, Actor actor, Locale locale, Progress progress) {
        String importKey = key == null || key.isBlank() ? "file-" + sha256(file).substring(0, 16) : key.strip();
        if (importKey.length() > 100) {
            throw new InvalidInput(Violation.of("key", "person.too-long", 100));
        }
        List<List<String>> table;
        try {
            table = Sheets.read(file);
        } catch (IOException | RuntimeException e) {
            throw new InvalidInput(Violation.of("file", "person.import.unreadable"));
        }
        String sha = sha256(file);
        var previous = jdbc.sql("select file_sha256, done_rows, status from population_import where import_key = :k").param("k", importKey)
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getInt(2), rs.getString(3)}).optional();
        if (previous.isPresent() && !previous.get()[0].equals(sha)) {
            throw new InvalidInput(Violation.of("key", "person.import.key-other-file", importKey));
        }
        List<Entry> entries = entries(table);
        if (previous.isPresent() && "DONE".equals(previous.get()[2])) {
            return new ImportReport(importKey, ImportReport.Status.ALREADY_DONE, entries.size(), 0, entries.size(), 0, List.of(), null);
        }
        int done = previous.map(p -> (Integer) p[1]).orElse(0);
        var problems = check(table, entries, done, actor);
        if (!problems.isEmpty()) {
            audit.record(actor, "person.import", "import:" + importKey, Outcome.FAILURE, problems.size() + " problems");
            return new ImportReport(importKey, ImportReport.Status.INVALID, entries.size(), 0, done, 0, problems,
                    errorReport(table, problems, locale));
        }
        if (previous.isEmpty()) {
            jdbc.sql("insert into population_import (import_key, file_sha256, file_name, total_rows, done_rows, status, started_by, started_at, updated_at) "
                            + "values (:k, :sha, :name, :total, 0, 'RUNNING', :by, :now, :now)")
                    .param("k", importKey).param("sha", sha).param("name", cut(fileName == null ? "" : fileName, 200))
                    .param("total", entries.size()).param("by", actor.username()).param("now", Timestamp.from(clock.instant())).update();
        }
        var names = careGroups.names();
        LocalDate today = registry.today();
        int householdsCreated = 0;
        progress.start("import", entries.size());
        progress.advance(done);
        Map<String, Unit> compounds = new HashMap<>();
        for (int from = done; from < entries.size(); from += Math.max(1, chunk)) {
            List<Entry> part = entries.subList(from, Math.min(entries.size(), from + Math.max(1, chunk)));
            int first = from + 1;
            int end = from + part.size();
            Integer created = transactions.execute(status -> {
                int newHouseholds = 0;
                var tallies = new Tallies();
                for (Entry e : part) {
                    Unit compound = compounds.computeIfAbsent(e.address().compoundCode(),
                            c -> households.compoundIn(c, actor.jurisdiction(), new ArrayList<>()));
                    var existing = households.existingHousehold(e.address(), compound);
                    long household = existing.orElseGet(() -> households.createHousehold(e.address(), compound));
                    newHouseholds += existing.isEmpty() ? 1 : 0;
                    long id = households.insert(household, compound.path(), e.form(), names, tallies);
                    households.appendMove(id, Move.Kind.IN, household, null, compound.path(), e.form().movedInOr(today), "import " + importKey, actor);
                }
                tallies.write(jdbc);
                // each part's rows commit with their own audit row: a run stopped part way leaves none unaccounted for
                audit.record(actor, "person.import", "import:" + importKey, Outcome.SUCCESS, "rows " + first + "-" + end + " of " + entries.size());
                jdbc.sql("update population_import set done_rows = :d, status = :s, updated_at = :now where import_key = :k")
                        .param("d", end).param("s", end == entries.size() ? "DONE" : "RUNNING")
                        .param("now", Timestamp.from(clock.instant())).param("k", importKey).update();
                return newHouseholds;
            });
            householdsCreated += created == null ? 0 : created;
            progress.advance(part.size());
        }
        progress.finish();
        if (entries.isEmpty()) {
            jdbc.sql("update population_import set status = 'DONE' where import_key = :k").param("k", importKey).update();
        }
        audit.record(actor, "person.import", "import:" + importKey, Outcome.SUCCESS,
                "rows=" + entries.size() + " imported=" + (entries.size() - done) + " resumedAt=" + done);
        return new ImportReport(importKey, ImportReport.Status.DONE, entries.size(), entries.size() - done, done, householdsCreated, List.of(), null);
    }

    /** The rows after the header, skipping empty ones, mapped by header names in either language. */
    List<Entry> entries(List<List<String>> table) {
        if (table.isEmpty()) {
            throw new InvalidInput(Violation.at(1, "", "person.import.empty"));
        }
        Map<String, Integer> at = headerIndex(table.get(0));
        var missing = COLUMNS.stream().filter(c -> c.required() && !at.containsKey(c.field())).map(Column::zh).toList();
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

    private static Map<String, Integer> headerIndex(List<String> header) {
        var index = new HashMap<String, Integer>();
        for (int i = 0; i < header.size(); i++) {
            String h = normal(header.get(i));
            for (Column c : COLUMNS) {
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

    /** Every problem of the rows from {@code from} on: the form's own checks, the place, duplicates in the file and in the registry. */
    private List<Violation> check(List<List<String>> table, List<Entry> entries, int from, Actor actor) {
        var names = careGroups.names();
        LocalDate today = registry.today();
        var problems = new ArrayList<Violation>();
        var seen = new HashMap<String, Integer>();
        var lookups = new LinkedHashMap<String, Entry>();
        var places = new HashMap<String, Boolean>();
        Map<String, String> headers = new HashMap<>();
        List<String> header = table.get(0);
        headerIndex(header).forEach((field, i) -> headers.put(field, header.get(i).replace("*", "").strip()));
        for (Entry e : entries.subList(Math.min(from, entries.size()), entries.size())) {
            var rowProblems = new ArrayList<Violation>(e.address().problems());
            if (e.form().idNumber().startsWith(Sheets.LOST_DIGITS)) {
                rowProblems.add(Violation.of("idNumber", "person.import.id-as-number"));
            } else {
                rowProblems.addAll(e.form().problems(today, names));
            }
            if (!e.address().compoundCode().isEmpty() && !places.computeIfAbsent(e.address().compoundCode(),
                    c -> households.compoundIn(c, actor.jurisdiction(), new ArrayList<>()) != null)) {
                rowProblems.add(Violation.of("compound", "person.compound-unknown", e.address().compoundCode()));
            }
            if (rowProblems.stream().noneMatch(v -> "idNumber".equals(v.where()) || "idKind".equals(v.where()))) {
                String number = e.form().kind().orElseThrow().name() + ":" + e.form().idNumber();
                Integer first = seen.putIfAbsent(number, e.line());
                if (first != null) {
                    rowProblems.add(Violation.of("idNumber", "person.import.duplicate-in-file", first));
                } else {
                    lookups.put(households.lookupOf(e.form()), e);
                }
            }
            for (Violation v : rowProblems) {
                problems.add(new Violation(e.line(), headers.getOrDefault(v.where(), v.where()), v.code(), v.args()));
            }
        }
        var keys = new ArrayList<>(lookups.keySet());
        Set<String> registered = new HashSet<>();
        for (int i = 0; i < keys.size(); i += 500) {
            registered.addAll(jdbc.sql("select id_lookup from population_resident where id_lookup in (:l)")
                    .param("l", keys.subList(i, Math.min(keys.size(), i + 500))).query(String.class).list());
        }
        for (String lookup : registered) {
            Entry e = lookups.get(lookup);
            problems.add(new Violation(e.line(), headers.getOrDefault("idNumber", "idNumber"), "person.id-registered", List.of()));
        }
        problems.sort(java.util.Comparator.comparing(Violation::line));
        return problems;
    }

    /** The bad rows with their line number and an error column, for fixing in Excel and importing again. */
    private byte[] errorReport(List<List<String>> table, List<Violation> problems, Locale locale) {
        boolean zh = locale.getLanguage().equals("zh");
        var header = new ArrayList<String>();
        header.add(zh ? "行号" : "Line");
        header.addAll(table.get(0));
        header.add(zh ? "错误" : "Errors");
        var byLine = new LinkedHashMap<Integer, List<String>>();
        for (Violation v : problems) {
            byLine.computeIfAbsent(v.line(), k -> new ArrayList<>())
                    .add((v.where() == null || v.where().isEmpty() ? "" : v.where() + ": ") + message(v, locale));
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

    public String message(Violation v, Locale locale) {
        return messages.getMessage(v.code(), v.args().stream().map(String::valueOf).toArray(), v.code(), locale);
    }

    private static String sha256(byte[] bytes) {
        return Digests.sha256Hex(bytes);
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
