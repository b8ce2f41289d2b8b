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
 * An immutable in-memory index of every boundary. The finest level (compounds once grids
 * are generated) sits in a {@link CellRaster} whose answers are precomputed chains; coarser
 * levels sit in one STR-tree of prepared geometries each, asked finest first, for points the
 * finest level does not cover. The chain above a unit comes from its path.
 */
public final class LocateIndex {

    private record Entry(String code, String path, PreparedGeometry shape) {
    }

    private final Map<Level, STRtree> trees = new EnumMap<>(Level.class);
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, Level> levels = new HashMap<>();
    private final int size;
    private final Level finest;
    private final CellRaster raster;
    /** The answer for each polygon of the finest level, in raster order. */
    private final Location[] finestAnswers;

    public LocateIndex(List<BoundaryStore.Stored> boundaries) {
        this(boundaries, Map.of(), Map.of());
    }

    /**
     * @param displayNames names of units without a boundary of their own (a district above
     *                     generated grids), so the chain can name them
     * @param unitLevels   their levels
     */
    public LocateIndex(List<BoundaryStore.Stored> boundaries, Map<String, String> displayNames, Map<String, Level> unitLevels) {
        var prepared = new PreparedGeometryFactory();
        for (BoundaryStore.Stored b : boundaries) {
            trees.computeIfAbsent(b.level(), l -> new STRtree())
                    .insert(b.geometry().getEnvelopeInternal(), new Entry(b.code(), b.path(), prepared.create(b.geometry())));
            names.put(b.code(), b.displayName());
            levels.put(b.code(), b.level());
        }
        displayNames.forEach(names::putIfAbsent);
        unitLevels.forEach(levels::putIfAbsent);
        trees.values().forEach(STRtree::build);
        size = boundaries.size();
        finest = trees.keySet().stream().max(Level::compareTo).orElse(null);
        var shapes = boundaries.stream().filter(b -> b.level() == finest).toList();
        raster = finest == null ? null : new CellRaster(shapes.stream().map(BoundaryStore.Stored::geometry).toList());
        Map<String, Location.Place> places = new HashMap<>();
        finestAnswers = shapes.stream().map(b -> chain(b.path(), places)).toArray(Location[]::new);
    }

    public int size() {
        return size;
    }

    public Optional<Location> locate(double lon, double lat) {
        if (raster != null) {
            int hit = raster.find(lon, lat);
            if (hit >= 0) {
                return Optional.of(finestAnswers[hit]);
            }
        }
        Point point = GeoJson.GEOMETRY.createPoint(new Coordinate(lon, lat));
        Envelope at = point.getEnvelopeInternal();
        for (int i = Level.values().length - 1; i >= 0; i--) {
            if (Level.values()[i] == finest) {
                continue; // the raster has answered for the finest level
            }
            STRtree tree = trees.get(Level.values()[i]);
            if (tree == null) {
                continue;
            }
            for (Object candidate : tree.query(at)) {
                Entry entry = (Entry) candidate;
                if (entry.shape().covers(point)) {
                    return Optional.of(chain(entry.path(), new HashMap<>()));
                }
            }
        }
        return Optional.empty();
    }

    private Location chain(String path, Map<String, Location.Place> shared) {
        Map<Level, Location.Place> places = new EnumMap<>(Level.class);
        for (String code : path.split("/")) {
            Level level = levels.get(code);
            if (level != null) {
                places.put(level, shared.computeIfAbsent(code, c -> new Location.Place(c, names.get(c))));
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
