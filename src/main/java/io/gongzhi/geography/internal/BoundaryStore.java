package io.gongzhi.geography.internal;

import io.gongzhi.geography.Level;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Boundaries as WKB in {@code geography_boundary}, with the centroid and area kept on the unit. */
@Repository
public class BoundaryStore {

    /** A stored boundary with what the locate index needs of its unit. */
    public record Stored(String code, Level level, String path, String displayName, Geometry geometry) {
    }

    /** Changes whenever any boundary is written; nodes compare it to know their index is stale. */
    public record Stamp(long count, Instant latest) {
    }

    private final JdbcClient jdbc;

    BoundaryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void save(String code, Geometry geometry, String source, Instant now) {
        byte[] wkb = new WKBWriter(2).write(geometry);
        jdbc.sql("delete from geography_boundary where code = ?").param(code).update();
        jdbc.sql("insert into geography_boundary (code, geometry, source, updated_at) values (?, ?, ?, ?)")
                .params(code, wkb, source, Timestamp.from(now)).update();
        var centroid = Measures.centroid(geometry);
        jdbc.sql("update geography_unit set centroid_lon = ?, centroid_lat = ?, area_m2 = ? where code = ?")
                .params(centroid.x, centroid.y, Measures.areaSquareMetres(geometry), code).update();
    }

    /** Every current unit's boundary. */
    public List<Stored> all() {
        var reader = new WKBReader(GeoJson.GEOMETRY);
        return jdbc.sql("""
                        select u.code, u.level, u.path, u.display_name, b.geometry
                          from geography_boundary b join geography_unit u on u.code = b.code
                         where u.valid_to is null""")
                .query((rs, n) -> new Stored(rs.getString("code"), Level.valueOf(rs.getString("level")), rs.getString("path"),
                        rs.getString("display_name"), geometry(reader, rs))).list();
    }

    /** The boundaries of the current units of one level, by code. */
    public Map<String, Geometry> ofLevel(Level level) {
        var result = new LinkedHashMap<String, Geometry>();
        jdbc.sql("select b.code, b.geometry from geography_boundary b join geography_unit u on u.code = b.code"
                        + " where u.level = ? and u.valid_to is null order by b.code")
                .param(level.name()).query(into(result));
        return result;
    }

    /** The boundaries of the given units that have one, by code. */
    public Map<String, Geometry> of(Collection<String> codes) {
        var result = new LinkedHashMap<String, Geometry>();
        for (List<String> chunk : UnitStore.chunks(codes, 500)) {
            jdbc.sql("select code, geometry from geography_boundary where code in (:codes)")
                    .param("codes", chunk).query(into(result));
        }
        return result;
    }

    /** Reads {@code code, geometry} rows into {@code result}. */
    private static RowCallbackHandler into(Map<String, Geometry> result) {
        var reader = new WKBReader(GeoJson.GEOMETRY);
        return rs -> result.put(rs.getString("code"), geometry(reader, rs));
    }

    /** The row's {@code geometry} column; a row that is not WKB means the table was written by something else. */
    private static Geometry geometry(WKBReader reader, java.sql.ResultSet rs) throws java.sql.SQLException {
        try {
            return reader.read(rs.getBytes("geometry"));
        } catch (ParseException e) {
            throw new IllegalStateException("unreadable boundary of " + rs.getString("code"), e);
        }
    }

    public Stamp stamp() {
        return jdbc.sql("select count(*) n, max(updated_at) latest from geography_boundary")
                .query((rs, n) -> new Stamp(rs.getLong("n"),
                        rs.getTimestamp("latest") == null ? Instant.EPOCH : rs.getTimestamp("latest").toInstant()))
                .single();
    }

    public List<String> codesWithout(Level level) {
        return jdbc.sql("""
                        select u.code from geography_unit u left join geography_boundary b on b.code = u.code
                         where u.level = ? and u.valid_to is null and b.code is null order by u.code""")
                .param(level.name()).query(String.class).list();
    }
}
