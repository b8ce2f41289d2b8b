package io.gongzhi.population.internal;

import io.gongzhi.shared.Digests;
import io.gongzhi.shared.Phone;
import io.gongzhi.audit.Audit;
import io.gongzhi.audit.Outcome;
import io.gongzhi.geography.Unit;
import io.gongzhi.population.internal.ImportRows.Entry;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
    private final ImportChecks checks;
    private final Households households;
    private final CareGroups careGroups;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final MessageSource messages;
    private final Audit audit;
    private final Clock clock;

    PopulationImports(Registry registry, ImportChecks checks, Households households, CareGroups careGroups, JdbcClient jdbc, TransactionTemplate transactions,
                      MessageSource messages, Audit audit, Clock clock) {
        this.registry = registry;
        this.checks = checks;
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

    /** Where an import under a key stands: which file it is of, how many rows are in, whether it is done. */
    private record Previous(String sha, int doneRows, boolean finished) {
    }

    /**
     * Imports {@code file} under {@code key} (a new key starts, a known key resumes). Nothing is
     * written unless every remaining row is valid.
     */
    public ImportReport run(byte[] file, String fileName, String key, int chunk, Actor actor, Locale locale, Progress progress) {
        String sha = sha256(file);
        String importKey = key == null || key.isBlank() ? "file-" + sha.substring(0, 16) : key.strip();
        if (importKey.length() > 100) {
            throw new InvalidInput(Violation.of("key", "person.too-long", 100));
        }
        List<List<String>> table = read(file);
        var previous = jdbc.sql("select file_sha256, done_rows, status from population_import where import_key = :k").param("k", importKey)
                .query((rs, n) -> new Previous(rs.getString(1), rs.getInt(2), "DONE".equals(rs.getString(3)))).optional();
        if (previous.isPresent() && !previous.get().sha().equals(sha)) {
            throw new InvalidInput(Violation.of("key", "person.import.key-other-file", importKey));
        }
        List<Entry> entries = ImportRows.entries(table);
        if (previous.isPresent() && previous.get().finished()) {
            return new ImportReport(importKey, ImportReport.Status.ALREADY_DONE, entries.size(), 0, entries.size(), 0, List.of(), null);
        }
        int done = previous.map(Previous::doneRows).orElse(0);
        var problems = checks.check(table, entries, done, actor);
        if (!problems.isEmpty()) {
            audit.record(actor, "person.import", "import:" + importKey, Outcome.FAILURE, problems.size() + " problems");
            return new ImportReport(importKey, ImportReport.Status.INVALID, entries.size(), 0, done, 0, problems,
                    ImportRows.errorReport(table, problems, locale, this::message));
        }
        if (previous.isEmpty()) {
            jdbc.sql("insert into population_import (import_key, file_sha256, file_name, total_rows, done_rows, status, started_by, started_at, updated_at) "
                            + "values (:k, :sha, :name, :total, 0, 'RUNNING', :by, :now, :now)")
                    .param("k", importKey).param("sha", sha).param("name", cut(fileName == null ? "" : fileName, 200))
                    .param("total", entries.size()).param("by", actor.username()).param("now", Timestamp.from(clock.instant())).update();
        }
        int householdsCreated = write(importKey, entries, done, Math.max(1, chunk), actor, progress);
        audit.record(actor, "person.import", "import:" + importKey, Outcome.SUCCESS,
                "rows=" + entries.size() + " imported=" + (entries.size() - done) + " resumedAt=" + done);
        return new ImportReport(importKey, ImportReport.Status.DONE, entries.size(), entries.size() - done, done, householdsCreated, List.of(), null);
    }

    private static List<List<String>> read(byte[] file) {
        try {
            return Sheets.read(file);
        } catch (IOException | RuntimeException e) {
            throw new InvalidInput(Violation.of("file", "person.import.unreadable"));
        }
    }

    /** Writes the rows from {@code done} on, a chunk to a transaction with the import's progress; answers how many households it made. */
    private int write(String importKey, List<Entry> entries, int done, int chunk, Actor actor, Progress progress) {
        var names = careGroups.names();
        LocalDate today = registry.today();
        int householdsCreated = 0;
        progress.start("import", entries.size());
        progress.advance(done);
        Map<String, Unit> compounds = new HashMap<>();
        for (int from = done; from < entries.size(); from += chunk) {
            List<Entry> part = entries.subList(from, Math.min(entries.size(), from + chunk));
            int first = from + 1;
            int end = from + part.size();
            Integer created = transactions.execute(status -> {
                int newHouseholds = register(importKey, part, compounds, names, today, actor);
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
        return householdsCreated;
    }

    /** Registers one chunk's residents in their households (made where none is at the address yet); answers how many were made. */
    private int register(String importKey, List<Entry> part, Map<String, Unit> compounds, Map<String, String> names, LocalDate today,
                         Actor actor) {
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
        return newHouseholds;
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
