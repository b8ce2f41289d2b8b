package io.gongzhi.population.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Sets aside the secondary indexes and foreign keys of tables about to be loaded in bulk, and
 * answers the statements that build them again (in order: indexes before the foreign keys that
 * can use them), as {@code pg_restore} does.
 */
final class SetAside {

    private SetAside() {
    }

    /** PostgreSQL: every foreign key and non-primary index of the tables is dropped. */
    static List<String> postgres(Connection connection, String[] tables) throws SQLException {
        var setAside = new ArrayList<String>();
        var drops = new ArrayList<String>();
        try (PreparedStatement fk = connection.prepareStatement("""
                select conrelid::regclass::text, conname, pg_get_constraintdef(oid) from pg_constraint
                where contype = 'f' and conrelid::regclass::text = any (?) order by conname""");
             PreparedStatement ix = connection.prepareStatement("""
                select i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) from pg_index i
                where i.indrelid::regclass::text = any (?) and not i.indisprimary order by 1""")) {
            fk.setArray(1, connection.createArrayOf("text", tables));
            try (ResultSet rs = fk.executeQuery()) {
                while (rs.next()) {
                    drops.add("alter table " + rs.getString(1) + " drop constraint " + rs.getString(2));
                    setAside.add("alter table " + rs.getString(1) + " add constraint " + rs.getString(2) + " " + rs.getString(3));
                }
            }
            ix.setArray(1, connection.createArrayOf("text", tables));
            try (ResultSet rs = ix.executeQuery()) {
                while (rs.next()) {
                    drops.add("drop index " + rs.getString(1));
                    // indexes before the foreign keys that can use them
                    setAside.add(0, rs.getString(2));
                }
            }
        }
        try (Statement s = connection.createStatement()) {
            for (String ddl : drops) {
                s.execute(ddl);
            }
        }
        return setAside;
    }

    /**
     * H2: the named secondary indexes are dropped and created again from the information schema,
     * and foreign keys are not checked row by row but once at the end.
     */
    static List<String> h2(Connection connection, String[] tables) throws SQLException {
        var setAside = new ArrayList<String>();
        var indexes = new java.util.LinkedHashMap<String, String[]>();
        try (PreparedStatement ix = connection.prepareStatement("""
                select i.index_name, i.table_name, i.index_type_name, c.column_name from information_schema.indexes i
                join information_schema.index_columns c on c.index_name = i.index_name and c.table_name = i.table_name
                where i.table_name in ('population_household', 'population_resident', 'population_resident_care')
                  and i.index_name like 'population%idx'
                  -- H2 may lend a named index to a foreign key (after a table is rebuilt): that one stays
                  and i.index_name not in (select k.index_name from information_schema.table_constraints k where k.index_name is not null)
                order by i.index_name, c.ordinal_position""");
             ResultSet rs = ix.executeQuery()) {
            while (rs.next()) {
                indexes.merge(rs.getString(1), new String[] {rs.getString(2), rs.getString(3), rs.getString(4)},
                        (a, b) -> new String[] {a[0], a[1], a[2] + ", " + b[2]});
            }
        }
        try (Statement s = connection.createStatement()) {
            for (var e : indexes.entrySet()) {
                String[] v = e.getValue();
                s.execute("drop index " + e.getKey());
                setAside.add("create " + (v[1].startsWith("UNIQUE") ? "unique " : "") + "index " + e.getKey() + " on " + v[0] + " (" + v[2] + ")");
            }
            for (String table : tables) {
                s.execute("alter table " + table + " set referential_integrity false");
                setAside.add("alter table " + table + " set referential_integrity true check");
            }
        }
        return setAside;
    }
}
