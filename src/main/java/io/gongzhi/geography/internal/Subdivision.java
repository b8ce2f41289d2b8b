package io.gongzhi.geography.internal;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.ToDoubleFunction;

/**
 * Splits a polygon into {@code n} pieces that tile it: seeds drawn inside it (more where
 * {@code density} is higher, so pieces are smaller in the dense core), their Voronoi cells,
 * each clipped to the parent. Voronoi cells partition the plane, so the pieces cover the
 * parent with no gaps and overlap only within floating-point noise. Two half-steps of
 * Lloyd relaxation even out the shapes while keeping the density gradient.
 */
public final class Subdivision {

    private static final int RELAXATION_STEPS = 2;

    private Subdivision() {
    }

    /** The pieces, ordered north-west to south-east so that code assignment is stable. */
    public static List<Geometry> split(Geometry parent, int n, Random random, ToDoubleFunction<Coordinate> density) {
        if (n <= 1) {
            return List.of(parent);
        }
        PreparedGeometry inside = PreparedGeometryFactory.prepare(parent);
        List<Coordinate> seeds = seeds(parent, inside, n, random, density);
        List<Geometry> cells = cells(parent, seeds);
        for (int step = 0; step < RELAXATION_STEPS && cells.size() == n; step++) {
            var moved = new ArrayList<Coordinate>(n);
            for (int i = 0; i < n; i++) {
                Coordinate seed = seeds.get(i);
                Point centre = cells.get(i).getInteriorPoint();
                Coordinate half = new Coordinate((seed.x + centre.getX()) / 2, (seed.y + centre.getY()) / 2);
                moved.add(inside.covers(GeoJson.GEOMETRY.createPoint(half)) ? half : seed);
            }
            List<Geometry> relaxed = cells(parent, moved);
            if (relaxed.size() == n) {
                seeds = moved;
                cells = relaxed;
            }
        }
        cells.sort(Comparator.comparingDouble((Geometry g) -> -g.getInteriorPoint().getY())
                .thenComparingDouble(g -> g.getInteriorPoint().getX()));
        return cells;
    }

    private static List<Coordinate> seeds(Geometry parent, PreparedGeometry inside, int n, Random random,
                                          ToDoubleFunction<Coordinate> density) {
        Envelope box = parent.getEnvelopeInternal();
        double top = 0;
        for (int i = 0; i < 64; i++) {
            top = Math.max(top, density.applyAsDouble(new Coordinate(box.getMinX() + random.nextDouble() * box.getWidth(),
                    box.getMinY() + random.nextDouble() * box.getHeight())));
        }
        var seeds = new ArrayList<Coordinate>(n);
        var taken = new java.util.HashSet<Coordinate>();
        int attempts = 0;
        while (seeds.size() < n) {
            var c = new Coordinate(box.getMinX() + random.nextDouble() * box.getWidth(),
                    box.getMinY() + random.nextDouble() * box.getHeight());
            attempts++;
            boolean dense = attempts > 200 * n || random.nextDouble() * top <= density.applyAsDouble(c);
            if (dense && inside.covers(GeoJson.GEOMETRY.createPoint(c)) && taken.add(c)) {
                seeds.add(c);
            }
        }
        return seeds;
    }

    /** Each seed's Voronoi cell clipped to the parent, in seed order; fewer when a cell vanished. */
    private static List<Geometry> cells(Geometry parent, List<Coordinate> seeds) {
        var builder = new VoronoiDiagramBuilder();
        builder.setSites(seeds);
        Envelope clip = new Envelope(parent.getEnvelopeInternal());
        clip.expandBy(Math.max(clip.getWidth(), clip.getHeight()));
        builder.setClipEnvelope(clip);
        var diagram = (GeometryCollection) builder.getDiagram(GeoJson.GEOMETRY);
        var cells = new ArrayList<Geometry>(seeds.size());
        for (Coordinate seed : seeds) {
            Geometry cell = null;
            Point site = GeoJson.GEOMETRY.createPoint(seed);
            for (int i = 0; i < diagram.getNumGeometries() && cell == null; i++) {
                Geometry candidate = diagram.getGeometryN(i);
                if (seed.equals2D((Coordinate) candidate.getUserData()) || candidate.covers(site)) {
                    cell = candidate;
                }
            }
            if (cell == null) {
                continue;
            }
            Geometry piece = polygonal(cell.intersection(parent));
            if (!piece.isEmpty()) {
                cells.add(piece);
            }
        }
        return cells;
    }

    /** Only the areal part of an intersection (slivers of lines or points along shared edges are dropped). */
    static Geometry polygonal(Geometry g) {
        if (g instanceof Polygonal) {
            return g;
        }
        var polygons = PolygonExtracter.getPolygons(g);
        return GeoJson.GEOMETRY.buildGeometry(polygons);
    }
}
