package io.gongzhi.emergency.internal;

import org.postgresql.PGConnection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Writes a directive's recipients, one row per unit with its depth and the codes of its district,
 * sub-district, community and grid, inside the issuing transaction: by COPY on PostgreSQL (a
 * city-wide directive is some 220,000 rows, which COPY writes in one stream instead of a hundred
 * multi-row inserts), by JDBC batches elsewhere.
 */
@Component
class RecipientRows {

    private static final String COLUMNS = "emergency_recipient (directive_id, unit_code, path, depth, seg2, seg3, seg4, seg5)";
    private static final int CHUNK = 20_000;

    private final DataSource dataSource;
    private final JdbcTemplate batches;

    RecipientRows(DataSource dataSource, JdbcTemplate batches) {
        this.dataSource = dataSource;
        this.batches = batches;
    }

    /** Writes one row per path; must run inside the caller's transaction. */
    void write(long directive, List<String> paths) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            if (connection.isWrapperFor(PGConnection.class)) {
                copy(connection.unwrap(PGConnection.class), directive, paths);
                return;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not write the recipients of directive " + directive, e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        batches.batchUpdate("insert into " + COLUMNS + " values (?, ?, ?, ?, ?, ?, ?, ?)", paths, 2000, (ps, path) -> {
            ps.setLong(1, directive);
            Object[] values = values(path);
            for (int c = 0; c < values.length; c++) {
                ps.setObject(c + 2, values[c]);
            }
        });
    }

    /** A recipient's columns after its directive: its code, path, depth and the codes of the places above it (null where none). */
    static Object[] values(String path) {
        String[] seg = path.split("/");
        return new Object[] {seg[seg.length - 1], path, seg.length - 1, seg.length > 2 ? seg[2] : null,
                seg.length > 3 ? seg[3] : null, seg.length > 4 ? seg[4] : null, seg.length > 5 ? seg[5] : null};
    }

    /** Paths hold only digits, letters and slashes (the hierarchy's codes), so no value needs escaping in COPY's text format. */
    private static void copy(PGConnection connection, long directive, List<String> paths) throws SQLException {
        var copy = connection.getCopyAPI();
        for (int from = 0; from < paths.size(); from += CHUNK) {
            var text = new StringBuilder(CHUNK * 120);
            for (String path : paths.subList(from, Math.min(paths.size(), from + CHUNK))) {
                text.append(directive);
                for (Object value : values(path)) {
                    text.append('\t').append(value == null ? "\\N" : value);
                }
                text.append('\n');
            }
            try {
                copy.copyIn("copy " + COLUMNS + " from stdin", new StringReader(text.toString()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
