package io.gongzhi.geography.internal;

import io.gongzhi.geography.Level;
import io.gongzhi.geography.Unit;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Writes generated grids and compounds in JDBC batches; removes a previous generation under a city first. */
@Repository
public class GeneratedStore {

    /** A generated unit with its boundary. */
    public record Piece(Unit unit, Geometry boundary) {
    }

    private static final int BATCH = 2_000;

    private final JdbcTemplate jdbc;

    GeneratedStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Grids and compounds are only ever generated; nothing refers to them yet, so a new generation replaces the old. */
    public int removeGeneratedUnder(String cityPath) {
        String prefix = cityPath + "/%";
        jdbc.update("delete from geography_boundary where code in (select code from geography_unit where path like ? and level in ('GRID', 'COMPOUND'))", prefix);
        jdbc.update("delete from geography_unit_version where code in (select code from geography_unit where path like ? and level in ('GRID', 'COMPOUND'))", prefix);
        return jdbc.update("delete from geography_unit where path like ? and level in ('GRID', 'COMPOUND')", prefix);
    }

    public void insert(List<Piece> pieces, LocalDate day, String source, Instant now, io.gongzhi.shared.Progress progress) {
        var writer = new WKBWriter(2);
        for (int from = 0; from < pieces.size(); from += BATCH) {
            List<Piece> chunk = pieces.subList(from, Math.min(pieces.size(), from + BATCH));
            var units = new ArrayList<Object[]>(chunk.size());
            var versions = new ArrayList<Object[]>(chunk.size());
            var shapes = new ArrayList<Object[]>(chunk.size());
            for (Piece p : chunk) {
                Unit u = p.unit();
                units.add(new Object[] {u.code(), u.name(), u.displayName(), u.level().name(), u.parentCode(), u.path(),
                        Date.valueOf(day), u.centroidLon(), u.centroidLat(), u.areaM2()});
                versions.add(new Object[] {u.code(), u.name(), u.parentCode(), Date.valueOf(day)});
                shapes.add(new Object[] {u.code(), writer.write(p.boundary()), source, Timestamp.from(now)});
            }
            jdbc.batchUpdate("insert into geography_unit (code, name, display_name, level, parent_code, path, valid_from,"
                    + " valid_to, centroid_lon, centroid_lat, area_m2) values (?, ?, ?, ?, ?, ?, ?, null, ?, ?, ?)", units);
            jdbc.batchUpdate("insert into geography_unit_version (code, name, parent_code, valid_from, valid_to, change)"
                    + " values (?, ?, ?, ?, null, 'generated')", versions);
            jdbc.batchUpdate("insert into geography_boundary (code, geometry, source, updated_at) values (?, ?, ?, ?)", shapes);
            progress.advance(chunk.size());
        }
    }

    public static Unit unit(String code, String name, Level level, Unit parent, Geometry boundary, LocalDate day) {
        var centre = Measures.centroid(boundary);
        return new Unit(code, name, name, level, parent.code(), parent.path() + "/" + code, day, null,
                centre.x, centre.y, Measures.areaSquareMetres(boundary));
    }
}
