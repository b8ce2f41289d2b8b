package io.gongzhi.casework.internal;

import io.gongzhi.casework.Case;
import io.gongzhi.casework.CaseAction;
import io.gongzhi.casework.CaseState;

import io.gongzhi.shared.Jurisdiction;
import io.gongzhi.shared.Scoped;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;

import static io.gongzhi.casework.internal.CaseRows.COLUMNS;

/**
 * What the public may read of the cases (Open311's lists and updates): the cases of published
 * categories inside a district, and their steps without names or staff notes.
 */
@Service
public class PublishedCases {

    /**
     * Categories under these classes are never published (Open311's public lists): disputes and
     * welfare cases are about named people, not places.
     */
    public static final java.util.Set<String> UNPUBLISHED_CLASSES = java.util.Set.of("E06", "E08");

    /** Whether the public ever reads cases of this category: those of {@link #UNPUBLISHED_CLASSES}, and classes, never. */
    public static boolean publishes(Category category) {
        // as the queries below: a class has no parent, and "parent_code not in (…)" holds for none
        return category.parentCode() != null && !UNPUBLISHED_CLASSES.contains(category.parentCode());
    }

    /** What the public may ask for (Open311 GET requests); empty lists and nulls do not filter. */
    public record PublicFilter(List<Long> ids, List<String> categories, Instant from, Instant to, Boolean open, Jurisdiction where,
                               int page, int size) {
    }

    /** A step as the public sees it: no names, no staff notes. */
    public record PublicStep(long id, long caseId, CaseAction action, CaseState to, String department, Instant at) {
    }

    /** Published cases, newest first: not in an unpublished class, inside {@code where}. */
    public List<Case> published(PublicFilter f) {
        var where = new StringBuilder("{scope} and k.parent_code not in (:private)");
        var params = new LinkedHashMap<String, Object>();
        params.put("private", UNPUBLISHED_CLASSES);
        if (f.ids() != null && !f.ids().isEmpty()) {
            where.append(" and c.id in (:ids)");
            params.put("ids", f.ids());
        } else {
            if (f.categories() != null && !f.categories().isEmpty()) {
                where.append(" and c.category in (:cats)");
                params.put("cats", f.categories());
            }
            if (f.from() != null) {
                where.append(" and c.reported_at >= :from");
                params.put("from", Timestamp.from(f.from()));
            }
            if (f.to() != null) {
                where.append(" and c.reported_at <= :to");
                params.put("to", Timestamp.from(f.to()));
            }
            if (f.open() != null) {
                where.append(f.open() ? " and c.state not in ('CLOSED', 'REJECTED', 'MERGED')" : " and c.state in ('CLOSED', 'REJECTED', 'MERGED')");
            }
        }
        int size = Math.max(1, Math.min(f.size(), 1000));
        return Scoped.query(jdbc, f.where(), "c.path", "select " + COLUMNS + " from casework_case c join casework_category k on k.code = c.category where "
                        + where + " order by c.id desc limit " + size + " offset " + (long) Math.max(0, f.page()) * size)
                .params(params).query(CaseRows::row).list();
    }

    /**
     * Steps of published cases taken between {@code from} and {@code to}, oldest first (Open311
     * servicerequestupdates), but the reporter's rating: it is their opinion of the work, not a
     * step of it, and as an update it would only say again that the case was closed (a second
     * FIXED for one closing).
     */
    public List<PublicStep> publishedSteps(Instant from, Instant to, Jurisdiction where, int limit) {
        return Scoped.query(jdbc, where, "c.path", "select s.id, s.case_id, s.action, s.to_state, s.department, s.at from casework_step s "
                        + "join casework_case c on c.id = s.case_id join casework_category k on k.code = c.category "
                        + "where {scope} and k.parent_code not in (:private) and s.action <> 'RATE' and s.at >= :from and s.at <= :to "
                        + "order by s.at, s.id limit "
                        + Math.max(1, Math.min(limit, 1000)))
                .param("private", UNPUBLISHED_CLASSES).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, n) -> new PublicStep(rs.getLong(1), rs.getLong(2), CaseAction.valueOf(rs.getString(3)),
                        CaseState.valueOf(rs.getString(4)), rs.getString(5), rs.getTimestamp(6).toInstant())).list();
    }

    private final JdbcClient jdbc;

    PublishedCases(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }
}
