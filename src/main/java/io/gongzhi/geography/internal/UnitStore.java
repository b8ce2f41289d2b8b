package io.gongzhi.geography.internal;

import io.gongzhi.shared.Jurisdiction;
import io.gongzhi.shared.Scoped;
import io.gongzhi.geography.Level;
import io.gongzhi.geography.Unit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@code geography_unit} and {@code geography_unit_version} tables, in SQL that runs on H2 and PostgreSQL. */
@Repository
public class UnitStore {

    static final String COLUMNS = "code, name, display_name, level, parent_code, path, valid_from, valid_to, centroid_lon, centroid_lat, area_m2";

    static final RowMapper<Unit> UNIT = (rs, n) -> new Unit(
            rs.getString("code"), rs.getString("name"), rs.getString("display_name"),
            Level.valueOf(rs.getString("level")), rs.getString("parent_code"), rs.getString("path"),
            rs.getDate("valid_from").toLocalDate(),
            rs.getDate("valid_to") == null ? null : rs.getDate("valid_to").toLocalDate(),
            (Double) rs.getObject("centroid_lon"), (Double) rs.getObject("centroid_lat"), (Double) rs.getObject("area_m2"));

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    UnitStore(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    public Optional<Unit> find(String code) {
        return jdbc.sql("select " + COLUMNS + " from geography_unit where code = ?").param(code).query(UNIT).optional();
    }

    public List<Unit> children(String parentCode) {
        String where = parentCode == null ? "parent_code is null" : "parent_code = :parent";
        var query = jdbc.sql("select " + COLUMNS + " from geography_unit where " + where + " and valid_to is null order by code");
        return (parentCode == null ? query : query.param("parent", parentCode)).query(UNIT).list();
    }

    public List<Unit> byCodes(Collection<String> codes) {
        var result = new ArrayList<Unit>();
        for (List<String> chunk : chunks(codes, 500)) {
            result.addAll(jdbc.sql("select " + COLUMNS + " from geography_unit where code in (:codes)")
                    .param("codes", chunk).query(UNIT).list());
        }
        return result;
    }

    /** Current units of {@code level} below {@code path}, in code order. */
    public List<Unit> under(String path, Level level) {
        return jdbc.sql("select " + COLUMNS + " from geography_unit where path like :prefix and level = :level and valid_to is null order by path")
                .param("prefix", path + "/%").param("level", level.name()).query(UNIT).list();
    }

    public List<String> pathsUnder(String path, List<String> levels) {
        return jdbc.sql("select path from geography_unit where path like :prefix and level in (:levels) and valid_to is null")
                .param("prefix", path + "/%").param("levels", levels).query(String.class).list();
    }

    public List<Unit> atLevel(Level level) {
        return jdbc.sql("select " + COLUMNS + " from geography_unit where level = ? and valid_to is null order by code")
                .param(level.name()).query(UNIT).list();
    }

    /** Every division (current or retired) at or below each of {@code roots}. */
    public List<Unit> divisionsUnder(Collection<Unit> roots) {
        var result = new ArrayList<Unit>();
        for (Unit root : roots) {
            result.addAll(jdbc.sql("select " + COLUMNS + " from geography_unit where (path = :path or path like :prefix)"
                            + " and level in ('CITY', 'DISTRICT', 'SUBDISTRICT', 'COMMUNITY')")
                    .param("path", root.path()).param("prefix", root.path() + "/%").query(UNIT).list());
        }
        return result;
    }

    /** Matches by display name or by code prefix; current units only, shallow levels first. */
    public List<Unit> search(String text, int limit, Jurisdiction jurisdiction) {
        return Scoped.query(jdbc, jurisdiction, "path", "select " + COLUMNS + " from geography_unit where valid_to is null and {scope}"
                        + " and (display_name like :contains or name like :contains or code like :prefix)"
                        + " order by length(code), code limit :limit")
                .param("contains", "%" + text + "%").param("prefix", text + "%").param("limit", limit)
                .query(UNIT).list();
    }

    /** New units and their first version, in JDBC batches (a city's generation writes ~220,000). */
    public void insert(List<Unit> units, LocalDate day, String change) {
        for (List<Unit> chunk : chunks(units, 2_000)) {
            var rows = new ArrayList<Object[]>(chunk.size());
            var versions = new ArrayList<Object[]>(chunk.size());
            for (Unit u : chunk) {
                rows.add(new Object[] {u.code(), u.name(), u.displayName(), u.level().name(), u.parentCode(), u.path(),
                        Date.valueOf(u.validFrom()), u.centroidLon(), u.centroidLat(), u.areaM2()});
                versions.add(new Object[] {u.code(), u.name(), u.parentCode(), Date.valueOf(day), change});
            }
            batch.batchUpdate("insert into geography_unit (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, null, ?, ?, ?)", rows);
            batch.batchUpdate("insert into geography_unit_version (code, name, parent_code, valid_from, valid_to, change)"
                    + " values (?, ?, ?, ?, null, ?)", versions);
        }
    }

    /** A new name, parent or both from {@code day}; the previous version ends that day. */
    public void change(Unit now, LocalDate day, String change) {
        jdbc.sql("update geography_unit set name = ?, display_name = ?, parent_code = ?, path = ?, valid_to = null where code = ?")
                .params(now.name(), now.displayName(), now.parentCode(), now.path(), now.code()).update();
        closeVersion(now.code(), day);
        openVersion(now.code(), now.name(), now.parentCode(), day, change);
    }

    /** Moves everything below {@code oldPath} under {@code newPath}. */
    public void rewritePaths(String oldPath, String newPath) {
        jdbc.sql("update geography_unit set path = :newPath || substring(path, :from) where path like :prefix")
                .param("newPath", newPath).param("from", oldPath.length() + 1).param("prefix", oldPath + "/%").update();
    }

    public void retire(Collection<String> codes, LocalDate day) {
        for (List<String> chunk : chunks(codes, 500)) {
            jdbc.sql("update geography_unit set valid_to = :day where code in (:codes)")
                    .param("day", Date.valueOf(day)).param("codes", chunk).update();
            for (String code : chunk) {
                closeVersion(code, day);
            }
        }
    }

    /** The name and parent a unit had on {@code day}. */
    public Optional<Map<String, Object>> versionOn(String code, LocalDate day) {
        return jdbc.sql("select name, parent_code, valid_from, valid_to from geography_unit_version where code = :code"
                        + " and valid_from <= :day and (valid_to is null or valid_to > :day) order by id desc limit 1")
                .param("code", code).param("day", Date.valueOf(day))
                .query((rs, n) -> {
                    Map<String, Object> row = new HashMap<>();
                    row.put("name", rs.getString("name"));
                    row.put("parent_code", rs.getString("parent_code"));
                    return row;
                }).optional();
    }

    public Map<Level, Long> countCurrentByLevel() {
        var counts = new HashMap<Level, Long>();
        jdbc.sql("select level, count(*) n from geography_unit where valid_to is null group by level")
                .query((rs, n) -> counts.put(Level.valueOf(rs.getString("level")), rs.getLong("n"))).list();
        return counts;
    }

    private void openVersion(String code, String name, String parent, LocalDate day, String change) {
        jdbc.sql("insert into geography_unit_version (code, name, parent_code, valid_from, valid_to, change) values (?, ?, ?, ?, null, ?)")
                .params(code, name, parent, Date.valueOf(day), change).update();
    }

    private void closeVersion(String code, LocalDate day) {
        jdbc.sql("update geography_unit_version set valid_to = ? where code = ? and valid_to is null")
                .params(Date.valueOf(day), code).update();
    }

    static <T> List<List<T>> chunks(Collection<T> items, int size) {
        var all = new ArrayList<>(items);
        var chunks = new ArrayList<List<T>>();
        for (int i = 0; i < all.size(); i += size) {
            chunks.add(all.subList(i, Math.min(all.size(), i + size)));
        }
        return chunks;
    }
}
