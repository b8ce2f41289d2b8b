package io.gongzhi.geography.internal;

import io.gongzhi.geography.Level;
import io.gongzhi.geography.Location;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable in-memory index of every boundary: one STR-tree of prepared geometries per
 * level. A lookup asks the finest level first and takes the chain above it from the unit's
 * path, so a point needs one polygon test in the common case.
 */
public final class LocateIndex {

    private record Entry(String code, String path, PreparedGeometry shape) {
    }

    private final Map<Level, STRtree> trees = new EnumMap<>(Level.class);
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, Level> levels = new HashMap<>();
    private final int size;

    public LocateIndex(List<BoundaryStore.Stored> boundaries) {
        var prepared = new PreparedGeometryFactory();
        for (BoundaryStore.Stored b : boundaries) {
            trees.computeIfAbsent(b.level(), l -> new STRtree())
                    .insert(b.geometry().getEnvelopeInternal(), new Entry(b.code(), b.path(), prepared.create(b.geometry())));
            names.put(b.code(), b.displayName());
            levels.put(b.code(), b.level());
        }
        trees.values().forEach(STRtree::build);
        size = boundaries.size();
    }

    /** Also needs the names of units without boundaries of their own (a district above generated grids). */
    public LocateIndex withNames(Map<String, String> displayNames, Map<String, Level> unitLevels) {
        displayNames.forEach(names::putIfAbsent);
        unitLevels.forEach(levels::putIfAbsent);
        return this;
    }

    public int size() {
        return size;
    }

    public Optional<Location> locate(double lon, double lat) {
        Point point = GeoJson.GEOMETRY.createPoint(new Coordinate(lon, lat));
        Envelope at = point.getEnvelopeInternal();
        for (int i = Level.values().length - 1; i >= 0; i--) {
            STRtree tree = trees.get(Level.values()[i]);
            if (tree == null) {
                continue;
            }
            for (Object candidate : tree.query(at)) {
                Entry entry = (Entry) candidate;
                if (entry.shape().covers(point)) {
                    return Optional.of(chain(entry.path()));
                }
            }
        }
        return Optional.empty();
    }

    private Location chain(String path) {
        Map<Level, Location.Place> places = new EnumMap<>(Level.class);
        for (String code : path.split("/")) {
            Level level = levels.get(code);
            if (level != null) {
                places.put(level, new Location.Place(code, names.get(code)));
            }
        }
        return new Location(places.get(Level.DISTRICT), places.get(Level.SUBDISTRICT), places.get(Level.COMMUNITY),
                places.get(Level.GRID), places.get(Level.COMPOUND));
    }

    /** The codes a brute-force scan finds at the finest level; tests compare the index against it. */
    public static List<String> scan(List<BoundaryStore.Stored> boundaries, double lon, double lat) {
        Point point = GeoJson.GEOMETRY.createPoint(new Coordinate(lon, lat));
        var hits = new ArrayList<String>();
        for (BoundaryStore.Stored b : boundaries) {
            if (b.geometry().covers(point)) {
                hits.add(b.code());
            }
        }
        return hits;
    }
}
