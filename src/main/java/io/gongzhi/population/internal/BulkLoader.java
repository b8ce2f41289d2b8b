package io.gongzhi.population.internal;

import io.gongzhi.platform.DatabaseOwner;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Writes generated or imported rows in bulk, in one transaction: COPY on PostgreSQL, JDBC
 * batches elsewhere. Into empty tables on PostgreSQL it first sets aside the secondary indexes
 * and foreign keys and builds them again at the end (as {@code pg_restore} does): one sort per
 * index instead of 20 million index insertions. A failure anywhere rolls the whole load back.
 * It connects as the tables' owner ({@link DatabaseOwner}), since setting indexes aside changes
 * the tables; its audit rows go through the same connection, into the commits of its data.
 */
@Component
public class BulkLoader {

    static final String[] TALLY_COLUMNS = {"place_path", "depth", "sex", "birth_year", "registration", "residents"};
    static final String[] TABLES = {"population_household", "population_resident", "population_resident_care"};

    private final DataSource dataSource;
    private final DatabaseOwner owner;

    BulkLoader(DataSource dataSource, DatabaseOwner owner) {
        this.dataSource = dataSource;
        this.owner = owner;
    }

    /**
     * A load into an empty city under {@code cityPath}. On PostgreSQL one transaction; on H2, whose
     * commit of one very large transaction takes longer than the inserts, each chunk commits and a
     * failed load deletes what it wrote under the city, so both end all or nothing.
     */
    public Load open(String cityPath) throws SQLException {
        return new Load(owner.connect(), cityPath);
    }

    /** The first free id of a table (its identity restarts there after the load). */
    public long nextId(String table) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select coalesce(max(id), 0) + 1 from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    public final class Load implements AutoCloseable {
        private final Connection connection;
        private final boolean postgres;
        private final List<String> setAside = new ArrayList<>();
        private final String cityPath;
        private boolean done;
        private Consumer<Connection> firstCommit;

        private Load(Connection connection, String cityPath) throws SQLException {
            this.connection = connection;
            this.cityPath = cityPath;
            this.postgres = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
            connection.setAutoCommit(false);
            if (empty()) {
                setAside.addAll(postgres ? SetAside.postgres(connection, TABLES) : SetAside.h2(connection, TABLES));
            }
        }

        /**
         * Where the load commits part by part (H2), {@code recorder} writes its row (an audit row
         * saying the load began) into the first part's commit, so no committed row is without one.
         */
        public void onFirstCommit(Consumer<Connection> recorder) {
            this.firstCommit = recorder;
        }

        public void write(SyntheticPopulation.Rows rows) throws SQLException {
            write("population_household", SyntheticPopulation.HOUSEHOLD_COLUMNS, rows.households());
            write("population_resident", SyntheticPopulation.RESIDENT_COLUMNS, rows.residents());
            write("population_resident_care", SyntheticPopulation.CARE_COLUMNS, rows.care());
            if (!postgres) {
                if (firstCommit != null) {
                    firstCommit.accept(connection);
                    firstCommit = null;
                }
                connection.commit();
            }
        }

        private void write(String table, String[] columns, List<Object[]> rows) throws SQLException {
            if (rows.isEmpty()) {
                return;
            }
            if (postgres) {
                copy(table, columns, rows);
            } else {
                batch(table, columns, rows);
            }
        }

        /**
         * Builds what was set aside, writes the tallies, moves the identities past the ids written,
         * lets {@code lastly} write on the connection (the audit row, in this very commit), and commits.
         */
        public void finish(long nextHousehold, long nextResident, List<Object[]> tallies, Consumer<Connection> lastly) throws SQLException {
            rebuild();
            write("population_tally", TALLY_COLUMNS, tallies);
            try (Statement s = connection.createStatement()) {
                s.execute("alter table population_household alter column id restart with " + nextHousehold);
                s.execute("alter table population_resident alter column id restart with " + nextResident);
            }
            lastly.accept(connection);
            connection.commit();
            done = true;
            if (postgres) {
                connection.setAutoCommit(true);
                try (Statement s = connection.createStatement()) {
                    // fresh statistics and a visibility map, so statistics are index-only scans at once
                    for (String table : TABLES) {
                        s.execute("vacuum analyze " + table);
                    }
                }
            }
        }

        @Override
        public void close() throws SQLException {
            try {
                if (!done) {
                    connection.rollback();
                    if (!postgres) {
                        removeWrittenRows();
                        rebuild();
                    }
                }
            } finally {
                connection.close();
            }
        }

        private void rebuild() throws SQLException {
            try (Statement s = connection.createStatement()) {
                for (String ddl : setAside) {
                    s.execute(ddl);
                }
            }
            setAside.clear();
        }

        private void removeWrittenRows() throws SQLException {
            String[] tables = {"population_resident_care", "population_resident", "population_household"};
            for (String table : tables) {
                try (PreparedStatement delete = connection.prepareStatement("delete from " + table + " where path like ?")) {
                    delete.setString(1, cityPath + "/%");
                    delete.executeUpdate();
                }
            }
            try (PreparedStatement delete = connection.prepareStatement("delete from population_tally where place_path like ?")) {
                delete.setString(1, cityPath + "/%");
                delete.executeUpdate();
            }
            connection.commit();
        }

        private boolean empty() throws SQLException {
            try (Statement s = connection.createStatement();
                 ResultSet rs = s.executeQuery("select not exists (select 1 from population_resident) and not exists (select 1 from population_household)")) {
                rs.next();
                return rs.getBoolean(1);
            }
        }

        private void copy(String table, String[] columns, List<Object[]> rows) throws SQLException {
            CopyIn in = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy " + table + " (" + String.join(", ", columns) + ") from stdin");
            try {
                var line = new StringBuilder(512);
                for (Object[] row : rows) {
                    line.setLength(0);
                    for (int i = 0; i < row.length; i++) {
                        if (i > 0) {
                            line.append('\t');
                        }
                        appendCopyValue(line, row[i]);
                    }
                    line.append('\n');
                    byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
                    in.writeToCopy(bytes, 0, bytes.length);
                }
                in.endCopy();
            } finally {
                if (in.isActive()) {
                    in.cancelCopy();
                }
            }
        }

        private void batch(String table, String[] columns, List<Object[]> rows) throws SQLException {
            String sql = "insert into " + table + " (" + String.join(", ", columns) + ") values ("
                    + "?, ".repeat(columns.length - 1) + "?)";
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                int pending = 0;
                for (Object[] row : rows) {
                    for (int i = 0; i < row.length; i++) {
                        insert.setObject(i + 1, row[i]);
                    }
                    insert.addBatch();
                    if (++pending == 1_000) {
                        insert.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    insert.executeBatch();
                }
            }
        }
    }

    /** COPY's text format: tab-separated, \N for null, backslash escapes. */
    static void appendCopyValue(StringBuilder out, Object value) {
        if (value == null) {
            out.append("\\N");
            return;
        }
        String text = value.toString();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }
}
