package io.gongzhi.shared;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one way to query scoped data: SQL written with a {@code {scope}} placeholder, which
 * becomes the jurisdiction's bound predicate on the named path column. SQL without the
 * placeholder is refused, so a scoped query cannot forget its scope.
 * <pre>
 * Scoped.query(jdbc, jurisdiction, "r.path", "select ... from population_resident r where {scope} and r.name = :name")
 *       .param("name", name).query(...)
 * </pre>
 */
public final class Scoped {

    public static final String PLACEHOLDER = "{scope}";

    private Scoped() {
    }

    public static JdbcClient.StatementSpec query(JdbcClient jdbc, Jurisdiction jurisdiction, String pathColumn, String sql) {
        return bind(jdbc, sql, jurisdiction.where(pathColumn));
    }

    /** As {@link #query}, scoped by department instead of by place (department staff's inbox). */
    public static JdbcClient.StatementSpec byDepartment(JdbcClient jdbc, Jurisdiction jurisdiction, String departmentColumn, String sql) {
        return bind(jdbc, sql, jurisdiction.whereDepartment(departmentColumn));
    }

    /** As {@link #query}, with a condition already made from a jurisdiction (e.g. place and department together). */
    public static JdbcClient.StatementSpec query(JdbcClient jdbc, Jurisdiction.Clause clause, String sql) {
        return bind(jdbc, sql, clause);
    }

    private static JdbcClient.StatementSpec bind(JdbcClient jdbc, String sql, Jurisdiction.Clause clause) {
        if (!sql.contains(PLACEHOLDER)) {
            throw new IllegalArgumentException("scoped SQL must contain " + PLACEHOLDER + ": " + sql);
        }
        return jdbc.sql(sql.replace(PLACEHOLDER, clause.sql())).params(clause.params());
    }
}
