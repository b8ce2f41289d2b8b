package io.gongzhi.geography.web;

import io.gongzhi.shared.Actor;
import org.springframework.security.access.prepost.PreAuthorize;
import io.gongzhi.geography.Hierarchy;
import io.gongzhi.geography.Unit;
import io.gongzhi.geography.internal.BoundaryStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Boundaries for maps: the children of a unit as a GeoJSON FeatureCollection, simplified to
 * about a thousandth of the parent's size so a district's communities load quickly.
 */
@RestController
@Tag(name = "geography")
@PreAuthorize("hasAuthority('geography.read')")
class BoundariesApi {

    private final Hierarchy hierarchy;
    private final BoundaryStore boundaries;

    BoundariesApi(Hierarchy hierarchy, BoundaryStore boundaries) {
        this.hierarchy = hierarchy;
        this.boundaries = boundaries;
    }

    @GetMapping(value = "/api/geo/units/{code}/children/boundaries", produces = {"application/geo+json", "application/json"})
    @Operation(summary = "The current children of a unit with their boundaries, as a GeoJSON FeatureCollection (simplified for display)")
    Map<String, Object> childBoundaries(@PathVariable String code) {
        List<Unit> children = hierarchy.children(code, Actor.current().jurisdiction());
        Map<String, Geometry> shapes = boundaries.of(children.stream().map(Unit::code).toList());
        double tolerance = tolerance(shapes.values());
        var features = new ArrayList<Map<String, Object>>();
        for (Unit child : children) {
            Geometry shape = shapes.get(child.code());
            if (shape == null) {
                continue;
            }
            var properties = new LinkedHashMap<String, Object>();
            properties.put("code", child.code());
            properties.put("name", child.displayName());
            properties.put("level", child.level());
            properties.put("areaKm2", child.areaM2() == null ? null : Math.round(child.areaM2() / 1e4) / 100.0);
            features.add(Map.of("type", "Feature", "properties", properties,
                    "geometry", geoJson(TopologyPreservingSimplifier.simplify(shape, tolerance))));
        }
        return Map.of("type", "FeatureCollection", "features", features);
    }

    private static double tolerance(java.util.Collection<Geometry> shapes) {
        var box = new org.locationtech.jts.geom.Envelope();
        shapes.forEach(s -> box.expandToInclude(s.getEnvelopeInternal()));
        return Math.max(box.getWidth(), box.getHeight()) / 1500;
    }

    static Map<String, Object> geoJson(Geometry geometry) {
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
