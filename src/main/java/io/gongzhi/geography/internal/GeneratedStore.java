package io.gongzhi.geography.internal;

import io.gongzhi.geography.Level;
import io.gongzhi.geography.Unit;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Writes generated grids and compounds with their boundaries in JDBC batches; removes a previous generation under a city first. */
@Repository
public class GeneratedStore {

    /** A generated unit with its boundary. */
    public record Piece(Unit unit, Geometry boundary) {
    }

    private static final int BATCH = 2_000;

    private final JdbcTemplate jdbc;
    private final UnitStore units;

    GeneratedStore(JdbcTemplate jdbc, UnitStore units) {
        this.jdbc = jdbc;
        this.units = units;
    }

    /** Grids and compounds are only ever generated; nothing refers to them yet, so a new generation replaces the old. */
    public int removeGeneratedUnder(String path) {
        String prefix = path + "/%";
        jdbc.update("delete from geography_boundary where code in (select code from geography_unit where path like ? and level in ('GRID', 'COMPOUND'))", prefix);
        jdbc.update("delete from geography_unit_version where code in (select code from geography_unit where path like ? and level in ('GRID', 'COMPOUND'))", prefix);
        return jdbc.update("delete from geography_unit where path like ? and level in ('GRID', 'COMPOUND')", prefix);
    }

    public void insert(List<Piece> pieces, LocalDate day, String source, Instant now, io.gongzhi.shared.Progress progress) {
        var writer = new WKBWriter(2);
        for (int from = 0; from < pieces.size(); from += BATCH) {
            List<Piece> chunk = pieces.subList(from, Math.min(pieces.size(), from + BATCH));
            var shapes = new ArrayList<Object[]>(chunk.size());
            for (Piece p : chunk) {
                shapes.add(new Object[] {p.unit().code(), writer.write(p.boundary()), source, Timestamp.from(now)});
            }
            units.insert(chunk.stream().map(Piece::unit).toList(), day, "generated");
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
