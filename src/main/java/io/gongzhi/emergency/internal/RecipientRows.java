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
            String[] seg = path.split("/");
            ps.setLong(1, directive);
            ps.setString(2, seg[seg.length - 1]);
            ps.setString(3, path);
            ps.setInt(4, seg.length - 1);
            for (int d = 2; d <= 5; d++) {
                ps.setString(3 + d, seg.length > d ? seg[d] : null);
            }
        });
    }

    /** Paths hold only digits, letters and slashes (the hierarchy's codes), so no value needs escaping in COPY's text format. */
    private static void copy(PGConnection connection, long directive, List<String> paths) throws SQLException {
        var copy = connection.getCopyAPI();
        for (int from = 0; from < paths.size(); from += CHUNK) {
            var text = new StringBuilder(CHUNK * 120);
            for (String path : paths.subList(from, Math.min(paths.size(), from + CHUNK))) {
                String[] seg = path.split("/");
                text.append(directive).append('\t').append(seg[seg.length - 1]).append('\t').append(path).append('\t').append(seg.length - 1);
                for (int d = 2; d <= 5; d++) {
                    text.append('\t').append(seg.length > d ? seg[d] : "\\N");
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
