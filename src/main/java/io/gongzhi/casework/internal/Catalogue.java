package io.gongzhi.casework.internal;

import io.gongzhi.casework.TimeLimit;
import io.gongzhi.audit.Audit;
import io.gongzhi.audit.Outcome;
import io.gongzhi.shared.Actor;
import io.gongzhi.shared.InvalidInput;
import io.gongzhi.shared.NotFound;
import io.gongzhi.shared.TransactionScope;
import io.gongzhi.shared.Violation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The responsibility catalogue (权责清单): departments and case categories. A category's
 * department, time limit and dispatch level are edited by the governance committee; every
 * saved state is kept as a numbered revision, and a case keeps the revision it was reported
 * under, so changing the catalogue never rewrites what was promised on an open case.
 */
@Service
public class Catalogue {

    private static final String COLUMNS = "code, parent_code, kind, name_zh, name_en, department, time_limit, dispatch_level, active, revision";
    private static final Set<String> LEVELS = Set.of("SUBDISTRICT", "DISTRICT", "CITY");

    /** What an editor may change about a category. */
    public record Change(String nameZh, String nameEn, String department, String timeLimit, String dispatchLevel, Boolean active,
                         Integer revision) {
    }

    /** One saved state of a category, and who saved it. */
    public record Revision(Category category, String changedBy, java.time.Instant changedAt) {
    }

    private final JdbcClient jdbc;
    private final Audit audit;
    private final Clock clock;

    Catalogue(JdbcClient jdbc, Audit audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** How long a node answers the departments and categories from memory before reading them again. */
    static final Duration KEPT = Duration.ofMinutes(1);

    /** What was read from the database and when, answered from memory for {@link #KEPT}; forgotten at once when edited here. */
    private final class Remembered<T> {
        private record Read<T>(T value, Instant at) {
        }

        private volatile Read<T> read;

        T get(Supplier<T> source) {
            Read<T> known = read;
            Instant now = clock.instant();
            if (known == null || known.at().plus(KEPT).isBefore(now) || now.isBefore(known.at())) {
                known = new Read<>(source.get(), now);
                read = known;
            }
            return known.value();
        }

        void forget() {
            read = null;
        }
    }

    private final Remembered<List<Department>> departments = new Remembered<>();
    private final Remembered<Map<String, Category>> categoriesByCode = new Remembered<>();

    /** The departments in their order; read from the database at most once a minute (every step that names one checks it). */
    public List<Department> departments() {
        return departments.get(() -> jdbc.sql("select code, name_zh, name_en, active from casework_department order by sort_order, code")
                .query((rs, n) -> new Department(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4))).list());
    }

    public Department department(String code) {
        return departments().stream().filter(d -> d.code().equals(code)).findFirst()
                .orElseThrow(() -> new NotFound("casework.department-not-found", "department " + code));
    }

    /** Classes and categories, each class followed by its categories. */
    public List<Category> categories() {
        return jdbc.sql("select " + COLUMNS + " from casework_category order by coalesce(parent_code, code), parent_code nulls first, code")
                .query(Catalogue::category).list();
    }

    /**
     * A category, current revision. Every report names one, so a node answers them from memory
     * like the departments (read again at most a minute later); an edit on this node is seen at
     * once, and a code not in memory is looked up before it is called unknown.
     */
    public Category category(String code) {
        Category kept = code == null ? null : categoriesByCode.get(() -> {
            var byCode = new HashMap<String, Category>();
            categories().forEach(c -> byCode.put(c.code(), c));
            return Map.copyOf(byCode);
        }).get(code);
        return kept != null ? kept : read(code);
    }

    /** A category as the database has it now. */
    private Category read(String code) {
        return jdbc.sql("select " + COLUMNS + " from casework_category where code = :c").param("c", code == null ? "" : code)
                .query(Catalogue::category).optional()
                .orElseThrow(() -> new NotFound("casework.category-not-found", "category " + code));
    }

    /** Forgets the categories in memory now and when the editing transaction ends (committed or not). */
    private void forgetCategories() {
        categoriesByCode.forget();
        TransactionScope.whenEnded(categoriesByCode::forget);
    }

    public List<Revision> revisions(String code) {
        Category current = category(code);
        return jdbc.sql("select code, name_zh, name_en, department, time_limit, dispatch_level, active, revision, changed_by, changed_at "
                        + "from casework_category_revision where code = :c order by revision desc")
                .param("c", code)
                .query((rs, n) -> new Revision(new Category(rs.getString(1), current.parentCode(), current.kind(), rs.getString(2),
                        rs.getString(3), rs.getString(4), limit(rs.getString(5)), rs.getString(6), rs.getBoolean(7), rs.getInt(8)),
                        rs.getString(9), rs.getTimestamp(10).toInstant())).list();
    }

    /** Saves a new revision of a reportable category; {@code revision} must be the one the editor saw. */
    @Transactional
    public Category update(String code, Change change, Actor actor) {
        Category current = read(code);
        Category next = changed(current, change);
        var now = Timestamp.from(clock.instant());
        int updated = jdbc.sql("update casework_category set name_zh = :zh, name_en = :en, department = :d, time_limit = :t, dispatch_level = :l, "
                        + "active = :a, revision = :r, updated_by = :by, updated_at = :at where code = :c and revision = :old")
                .param("zh", next.nameZh()).param("en", next.nameEn()).param("d", next.department()).param("t", next.timeLimit().name())
                .param("l", next.dispatchLevel()).param("a", next.active()).param("r", next.revision()).param("by", actor.username())
                .param("at", now).param("c", code).param("old", current.revision()).update();
        if (updated == 0) {
            throw new InvalidInput(Violation.of("revision", "casework.changed-meanwhile"));
        }
        forgetCategories();
        jdbc.sql("insert into casework_category_revision (code, revision, name_zh, name_en, department, time_limit, dispatch_level, active, "
                        + "changed_by, changed_at) values (:c, :r, :zh, :en, :d, :t, :l, :a, :by, :at)")
                .param("c", code).param("r", next.revision()).param("zh", next.nameZh()).param("en", next.nameEn())
                .param("d", next.department()).param("t", next.timeLimit().name()).param("l", next.dispatchLevel())
                .param("a", next.active()).param("by", actor.username()).param("at", now).update();
        audit.record(actor, "casework.category", "category:" + code, Outcome.SUCCESS, "revision " + next.revision());
        return read(code);
    }

    /** The category as the change would make it (its next revision), or every reason the change is refused at once. */
    private Category changed(Category current, Change change) {
        var problems = new ArrayList<Violation>();
        if (current.parentCode() == null) {
            problems.add(Violation.of("code", "casework.category-is-class"));
        }
        if (change.revision() == null || change.revision() != current.revision()) {
            problems.add(Violation.of("revision", "casework.changed-meanwhile"));
        }
        String nameZh = text(change.nameZh(), current.nameZh(), "nameZh", 100, problems);
        String nameEn = text(change.nameEn(), current.nameEn(), "nameEn", 200, problems);
        String department = change.department() == null ? current.department() : change.department().strip();
        if (departments().stream().noneMatch(d -> d.code().equals(department) && d.active())) {
            problems.add(Violation.of("department", "casework.department-unknown", department));
        }
        String limitName = change.timeLimit() == null ? current.timeLimit().name() : change.timeLimit().strip();
        TimeLimit limit = limit(limitName);
        if (limit == null) {
            problems.add(Violation.of("timeLimit", "casework.time-limit-unknown", limitName));
        }
        String level = change.dispatchLevel() == null ? current.dispatchLevel() : change.dispatchLevel().strip();
        if (!LEVELS.contains(level)) {
            problems.add(Violation.of("dispatchLevel", "casework.dispatch-level-unknown", level));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        boolean active = change.active() == null ? current.active() : change.active();
        return new Category(current.code(), current.parentCode(), current.kind(), nameZh, nameEn, department, limit, level, active,
                current.revision() + 1);
    }

    private static String text(String typed, String current, String field, int max, List<Violation> problems) {
        if (typed == null) {
            return current;
        }
        String value = typed.strip();
        if (value.isEmpty()) {
            problems.add(Violation.of(field, "casework.required"));
        } else if (value.length() > max) {
            problems.add(Violation.of(field, "casework.too-long", max));
        }
        return value;
    }

    private static TimeLimit limit(String name) {
        if (name == null) {
            return null;
        }
        return java.util.Arrays.stream(TimeLimit.values()).filter(t -> t.name().equals(name)).findFirst().orElse(null);
    }

    static Category category(ResultSet rs, int n) throws SQLException {
        return new Category(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                limit(rs.getString(7)), rs.getString(8), rs.getBoolean(9), rs.getInt(10));
    }
}
