package io.gongzhi.geography;

import io.gongzhi.geography.internal.BoundaryStore;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Units drawn on a map: their outlines as a GeoJSON FeatureCollection with each one's code, name,
 * level and area, simplified to about a fifteen-hundredth of what is drawn so a district's
 * communities load quickly. Which units may be drawn is the caller's to decide.
 */
@Component
public class Outlines {

    private final BoundaryStore boundaries;

    Outlines(BoundaryStore boundaries) {
        this.boundaries = boundaries;
    }

    /** The outlines of {@code units} that have one, in their order. */
    public Map<String, Object> of(List<Unit> units) {
        Map<String, Geometry> shapes = boundaries.of(units.stream().map(Unit::code).toList());
        double tolerance = tolerance(shapes.values());
        var features = new ArrayList<Map<String, Object>>();
        for (Unit unit : units) {
            Geometry shape = shapes.get(unit.code());
            if (shape == null) {
                continue;
            }
            var properties = new LinkedHashMap<String, Object>();
            properties.put("code", unit.code());
            properties.put("name", unit.displayName());
            properties.put("level", unit.level());
            properties.put("areaKm2", unit.areaM2() == null ? null : Math.round(unit.areaM2() / 1e4) / 100.0);
            features.add(Map.of("type", "Feature", "properties", properties,
                    "geometry", geoJson(TopologyPreservingSimplifier.simplify(shape, tolerance))));
        }
        return Map.of("type", "FeatureCollection", "features", features);
    }

    private static double tolerance(Collection<Geometry> shapes) {
        var box = new Envelope();
        shapes.forEach(s -> box.expandToInclude(s.getEnvelopeInternal()));
        return Math.max(box.getWidth(), box.getHeight()) / 1500;
    }

    /** A polygon or multipolygon as GeoJSON, coordinates to six decimals (about 10 cm). */
    public static Map<String, Object> geoJson(Geometry geometry) {
        if (geometry instanceof Polygon polygon) {
            return Map.of("type", "Polygon", "coordinates", rings(polygon));
        }
        var polygons = new ArrayList<Object>();
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
            if (geometry.getGeometryN(i) instanceof Polygon p && !p.isEmpty()) {
                polygons.add(rings(p));
            }
        }
        return Map.of("type", "MultiPolygon", "coordinates", polygons);
    }

    private static List<Object> rings(Polygon polygon) {
        var rings = new ArrayList<Object>();
        rings.add(ring(polygon.getExteriorRing().getCoordinates()));
        for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
            rings.add(ring(polygon.getInteriorRingN(i).getCoordinates()));
        }
        return rings;
    }

    private static List<double[]> ring(Coordinate[] coordinates) {
        var ring = new ArrayList<double[]>(coordinates.length);
        for (Coordinate c : coordinates) {
            ring.add(new double[] {Math.round(c.x * 1e6) / 1e6, Math.round(c.y * 1e6) / 1e6});
        }
        return ring;
    }
}
