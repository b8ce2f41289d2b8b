package io.gongzhi.geography;

import io.gongzhi.geography.internal.DisplayNames;
import io.gongzhi.geography.internal.DivisionsCsv;
import io.gongzhi.geography.internal.UnitStore;
import io.gongzhi.shared.Progress;
import org.springframework.stereotype.Service;
import io.gongzhi.audit.Audit;
import io.gongzhi.audit.Outcome;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Imports a city's divisions ({@code code,name,level,parent_code}) for any city. The whole
 * file is checked first and nothing is written if any line is wrong. Importing again is
 * idempotent: unchanged units are left alone, renamed and moved ones updated, new ones
 * added, and units under the file's top units that the file no longer has are retired
 * (kept with an end date, never deleted). All of it happens in one transaction.
 */
@Service
public class DivisionImports {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final UnitStore store;
    private final Audit audit;
    private final Clock clock;

    DivisionImports(UnitStore store, Audit audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public DivisionImportReport importCsv(byte[] file, Progress progress) {
        progress.start("check", 1);
        Map<String, Unit> outside = new HashMap<>();
        List<DivisionsCsv.Row> rows = DivisionsCsv.read(file, parents -> {
            store.byCodes(parents).stream().filter(Unit::current).forEach(u -> outside.put(u.code(), u));
            return outside.values().stream().collect(Collectors.toMap(Unit::code, Unit::level));
        });
        progress.advance(1);
        progress.finish();

        LocalDate today = LocalDate.now(clock.withZone(CHINA));
        Map<String, DivisionsCsv.Row> inFile = rows.stream()
                .collect(Collectors.toMap(DivisionsCsv.Row::code, Function.identity(), (a, b) -> a, java.util.LinkedHashMap::new));
        Map<String, String> paths = paths(rows, inFile, outside);

        Map<String, Unit> existing = existing(rows, inFile, paths, today);
        var changes = new Changes();
        progress.start("write", rows.size());
        for (DivisionsCsv.Row row : rows) {
            change(existing.get(row.code()), unit(row, paths, today), today, changes);
            progress.advance(1);
        }
        // parents before children, so every parent exists when its child is written
        changes.added.sort(Comparator.comparing(Unit::level));
        store.insert(changes.added, today, "added");
        Set<String> gone = new HashSet<>();
        existing.values().stream().filter(Unit::current).filter(u -> !inFile.containsKey(u.code()))
                .forEach(u -> gone.add(u.code()));
        store.retire(gone, today);
        progress.finish();
        return reported(rows, changes, gone);
    }

    /** The divisions stored under the file's top rows, and those stored anywhere with a code the file has. */
    private Map<String, Unit> existing(List<DivisionsCsv.Row> rows, Map<String, DivisionsCsv.Row> inFile, Map<String, String> paths,
                                       LocalDate today) {
        List<Unit> tops = rows.stream().filter(r -> r.parentCode() == null || !inFile.containsKey(r.parentCode()))
                .map(r -> unit(r, paths, today)).toList();
        Map<String, Unit> existing = new HashMap<>();
        store.divisionsUnder(tops).forEach(u -> existing.put(u.code(), u));
        store.byCodes(inFile.keySet()).forEach(u -> existing.putIfAbsent(u.code(), u));
        return existing;
    }

    /** What the import did, counted by level and listed by change, and audited. */
    private DivisionImportReport reported(List<DivisionsCsv.Row> rows, Changes changes, Set<String> gone) {
        var counts = new EnumMap<Level, Integer>(Level.class);
        rows.forEach(r -> counts.merge(r.level(), 1, Integer::sum));
        var report = new DivisionImportReport(counts, changes.added.stream().map(Unit::code).toList(), changes.renamed, changes.moved,
                gone.stream().sorted().toList(), changes.reinstated, changes.unchanged);
        audit.record("geography.import-divisions", "divisions", Outcome.SUCCESS,
                "added=" + report.added().size() + " renamed=" + changes.renamed.size() + " moved=" + changes.moved.size()
                        + " retired=" + gone.size() + " reinstated=" + changes.reinstated.size() + " unchanged=" + changes.unchanged);
        return report;
    }

    private static Map<String, String> paths(List<DivisionsCsv.Row> rows, Map<String, DivisionsCsv.Row> inFile, Map<String, Unit> outside) {
        Map<String, String> paths = new HashMap<>();
        rows.stream().sorted(Comparator.comparing(DivisionsCsv.Row::level)).forEach(row -> {
            String parentPath = row.parentCode() == null ? ""
                    : inFile.containsKey(row.parentCode()) ? paths.get(row.parentCode()) : outside.get(row.parentCode()).path();
            paths.put(row.code(), parentPath + "/" + row.code());
        });
        return paths;
    }

    private static Unit unit(DivisionsCsv.Row row, Map<String, String> paths, LocalDate today) {
        return new Unit(row.code(), row.name(), DisplayNames.of(row.name()), row.level(), row.parentCode(),
                paths.get(row.code()), today, null, null, null, null);
    }

    /** What an import changed, unit by unit. */
    private static final class Changes {
        final List<Unit> added = new ArrayList<>();
        final List<String> renamed = new ArrayList<>();
        final List<String> moved = new ArrayList<>();
        final List<String> reinstated = new ArrayList<>();
        int unchanged;
    }

    /** Writes a unit the file has as {@code now}: added if new, else renamed, moved or reinstated as it differs from {@code before}. */
    private void change(Unit before, Unit now, LocalDate today, Changes changes) {
        if (before == null) {
            changes.added.add(now);
            return;
        }
        boolean rename = !before.name().equals(now.name());
        boolean move = !Objects.equals(before.parentCode(), now.parentCode());
        boolean back = !before.current();
        if (!rename && !move && !back && before.path().equals(now.path())) {
            changes.unchanged++;
            return;
        }
        store.change(now, today, back ? "reinstated" : move ? "moved" : rename ? "renamed" : "path");
        if (!before.path().equals(now.path())) {
            store.rewritePaths(before.path(), now.path());
        }
        if (back) {
            changes.reinstated.add(now.code());
        }
        if (rename) {
            changes.renamed.add(now.code());
        }
        if (move) {
            changes.moved.add(now.code());
        }
    }
}
