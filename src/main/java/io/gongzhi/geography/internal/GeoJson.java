package io.gongzhi.geography.internal;

import io.gongzhi.shared.InvalidInput;
import io.gongzhi.shared.Violation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateArrays;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.util.GeometryFixer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the features of a GeoJSON FeatureCollection as JTS geometries (lon/lat), dropping
 * vertices repeated in a row and repairing invalid rings, and says which ones it repaired.
 */
public final class GeoJson {

    public static final GeometryFactory GEOMETRY = new GeometryFactory(new PrecisionModel(), 4326);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One feature: the code and name its properties carry (either may be null), and its geometry. */
    public record Feature(int index, String code, String name, Geometry geometry, boolean repaired) {
    }

    private GeoJson() {
    }

    public static List<Feature> features(byte[] file) {
        JsonNode root;
        try {
            root = JSON.readTree(file);
        } catch (JacksonException e) {
            throw new InvalidInput(Violation.of("file", "geography.geojson.unreadable", e.getOriginalMessage()));
        }
        JsonNode features = root.path("features");
        if (!"FeatureCollection".equals(root.path("type").asString("")) || !features.isArray()) {
            throw new InvalidInput(Violation.of("file", "geography.geojson.not-a-collection"));
        }
        var result = new ArrayList<Feature>();
        var problems = new ArrayList<Violation>();
        for (int i = 0; i < features.size(); i++) {
            JsonNode feature = features.get(i);
            JsonNode properties = feature.path("properties");
            String code = text(feature.path("id"), properties.path("code"), properties.path("adcode"));
            String name = text(properties.path("name"));
            try {
                var dropped = new boolean[1];
                Geometry raw = geometry(feature.path("geometry"), dropped);
                boolean repaired = dropped[0] || !raw.isValid();
                Geometry geometry = raw.isValid() ? raw : GeometryFixer.fix(raw);
                result.add(new Feature(i + 1, code, name, geometry, repaired));
            } catch (IllegalArgumentException bad) {
                problems.add(Violation.of("feature " + (i + 1) + (name == null ? "" : " " + name),
                        "geography.geojson.bad-geometry", bad.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return result;
    }

    /** Degenerate parts (rings with fewer than three distinct points) are dropped and {@code dropped[0]} set. */
    private static Geometry geometry(JsonNode geometry, boolean[] dropped) {
        String type = geometry.path("type").asString("");
        JsonNode coordinates = geometry.path("coordinates");
        var polygons = new ArrayList<Polygon>();
        switch (type) {
            case "Polygon" -> addPolygon(coordinates, polygons, dropped);
            case "MultiPolygon" -> coordinates.forEach(part -> addPolygon(part, polygons, dropped));
            default -> throw new IllegalArgumentException("type " + (type.isEmpty() ? "missing" : type) + " is not Polygon or MultiPolygon");
        }
        if (polygons.isEmpty()) {
            throw new IllegalArgumentException("no ring with three or more distinct points");
        }
        return polygons.size() == 1 && type.equals("Polygon") ? polygons.get(0)
                : GEOMETRY.createMultiPolygon(polygons.toArray(Polygon[]::new));
    }

    private static void addPolygon(JsonNode rings, List<Polygon> polygons, boolean[] dropped) {
        if (!rings.isArray() || rings.isEmpty()) {
            dropped[0] = true;
            return;
        }
        LinearRing shell = ring(rings.get(0));
        if (shell == null) {
            dropped[0] = true;
            return;
        }
        var holes = new ArrayList<LinearRing>();
        for (int i = 1; i < rings.size(); i++) {
            LinearRing hole = ring(rings.get(i));
            if (hole == null) {
                dropped[0] = true;
            } else {
                holes.add(hole);
            }
        }
        polygons.add(GEOMETRY.createPolygon(shell, holes.toArray(LinearRing[]::new)));
    }

    /** The ring, closed, without vertices repeated in a row; null when fewer than three distinct points remain. */
    private static LinearRing ring(JsonNode points) {
        var coordinates = new ArrayList<Coordinate>();
        for (JsonNode point : points) {
            double lon = point.path(0).asDouble(Double.NaN);
            double lat = point.path(1).asDouble(Double.NaN);
            if (Double.isNaN(lon) || Double.isNaN(lat) || lon < -180 || lon > 180 || lat < -90 || lat > 90) {
                throw new IllegalArgumentException("a coordinate that is not a longitude/latitude pair: " + point);
            }
            coordinates.add(new Coordinate(lon, lat));
        }
        Coordinate[] ring = CoordinateArrays.removeRepeatedPoints(coordinates.toArray(Coordinate[]::new));
        if (ring.length > 0 && !ring[0].equals2D(ring[ring.length - 1])) {
            ring = closed(ring); // GeoJSON requires closed rings; some files omit the last point
        }
        return ring.length < 4 ? null : GEOMETRY.createLinearRing(ring);
    }

    private static Coordinate[] closed(Coordinate[] ring) {
        var closed = java.util.Arrays.copyOf(ring, ring.length + 1);
        closed[ring.length] = new Coordinate(ring[0]);
        return closed;
    }

    private static String text(JsonNode... candidates) {
        for (JsonNode node : candidates) {
            if (node != null && !node.isMissingNode() && !node.isNull()) {
                String value = node.asString("").strip();
                if (!value.isEmpty()) {
                    return value;
                }
            }
        }
        return null;
    }
}
