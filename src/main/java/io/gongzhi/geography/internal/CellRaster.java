package io.gongzhi.geography.internal;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A uniform raster over polygons that tile an area (a city's compounds or grids), about
 * eight cells per polygon. A cell wholly inside one polygon answers with no geometry test at
 * all, which is most of them; a cell on a boundary keeps the few polygons that cross it and
 * tests only those. This is what lets a point be located in well under a microsecond.
 */
final class CellRaster {

    private static final int EMPTY = -1;
    private static final int CELLS_PER_SHAPE = 8;

    private final double minX;
    private final double minY;
    private final double inverseCell;
    private final int width;
    private final int height;
    /** >= 0: the shape wholly covering the cell; EMPTY; <= -2: candidates at lists[-value - 2]. */
    private final int[] cells;
    private final int[][] lists;
    /** Per shape, its rings as flat x,y arrays, and its envelope: a crossing-number test without allocation. */
    private final double[][][] rings;
    private final double[] boxes;

    CellRaster(List<Geometry> geometries) {
        Envelope box = new Envelope();
        geometries.forEach(g -> box.expandToInclude(g.getEnvelopeInternal()));
        double cell = Math.sqrt(Math.max(box.getArea(), 1e-12) / Math.max(1, geometries.size() * CELLS_PER_SHAPE));
        minX = box.getMinX();
        minY = box.getMinY();
        inverseCell = 1 / cell;
        width = Math.max(1, (int) Math.ceil(box.getWidth() * inverseCell) + 1);
        height = Math.max(1, (int) Math.ceil(box.getHeight() * inverseCell) + 1);
        cells = new int[width * height];
        java.util.Arrays.fill(cells, EMPTY);
        rings = new double[geometries.size()][][];
        boxes = new double[geometries.size() * 4];

        Map<Integer, int[]> crossing = new HashMap<>();
        var factory = GeoJson.GEOMETRY;
        for (int i = 0; i < geometries.size(); i++) {
            Geometry g = geometries.get(i);
            rings[i] = flatRings(g);
            PreparedGeometry prepared = PreparedGeometryFactory.prepare(g);
            Envelope e = g.getEnvelopeInternal();
            boxes[4 * i] = e.getMinX();
            boxes[4 * i + 1] = e.getMaxX();
            boxes[4 * i + 2] = e.getMinY();
            boxes[4 * i + 3] = e.getMaxY();
            int x0 = column(e.getMinX());
            int x1 = column(e.getMaxX());
            int y0 = row(e.getMinY());
            int y1 = row(e.getMaxY());
            for (int y = y0; y <= y1; y++) {
                for (int x = x0; x <= x1; x++) {
                    var rect = factory.toGeometry(new Envelope(minX + x * cell, minX + (x + 1) * cell,
                            minY + y * cell, minY + (y + 1) * cell));
                    int index = y * width + x;
                    if (prepared.contains(rect)) {
                        cells[index] = i;
                    } else if (prepared.intersects(rect)) {
                        crossing.merge(index, new int[] {i}, CellRaster::append);
                    }
                }
            }
        }
        lists = new int[crossing.size()][];
        int k = 0;
        for (var entry : crossing.entrySet()) {
            if (cells[entry.getKey()] >= 0) {
                continue; // wholly inside one shape; neighbours only touch its edge
            }
            lists[k] = entry.getValue();
            cells[entry.getKey()] = -(k + 2);
            k++;
        }
    }

    /** The index of the shape covering the point (boundary included), or -1. */
    int find(double x, double y) {
        int cx = (int) ((x - minX) * inverseCell);
        int cy = (int) ((y - minY) * inverseCell);
        if (x < minX || y < minY || cx >= width || cy >= height) {
            return EMPTY;
        }
        int value = cells[cy * width + cx];
        if (value >= EMPTY) {
            return value;
        }
        for (int candidate : lists[-value - 2]) {
            int b = 4 * candidate;
            if (x >= boxes[b] && x <= boxes[b + 1] && y >= boxes[b + 2] && y <= boxes[b + 3] && inside(rings[candidate], x, y)) {
                return candidate;
            }
        }
        return EMPTY;
    }

    /** Even-odd crossing number over every ring of the shape (holes and separate parts alike). */
    static boolean inside(double[][] shape, double x, double y) {
        boolean in = false;
        for (double[] r : shape) {
            int n = r.length / 2;
            for (int i = 0, j = n - 1; i < n; j = i++) {
                double yi = r[2 * i + 1];
                double yj = r[2 * j + 1];
                if ((yi > y) != (yj > y)) {
                    double xi = r[2 * i];
                    double xj = r[2 * j];
                    if (x < (xj - xi) * (y - yi) / (yj - yi) + xi) {
                        in = !in;
                    }
                }
            }
        }
        return in;
    }

    private static double[][] flatRings(Geometry g) {
        var result = new java.util.ArrayList<double[]>();
        for (int p = 0; p < g.getNumGeometries(); p++) {
            if (g.getGeometryN(p) instanceof org.locationtech.jts.geom.Polygon polygon) {
                result.add(flat(polygon.getExteriorRing().getCoordinates()));
                for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
                    result.add(flat(polygon.getInteriorRingN(h).getCoordinates()));
                }
            }
        }
        return result.toArray(double[][]::new);
    }

    private static double[] flat(Coordinate[] ring) {
        var xy = new double[ring.length * 2];
        for (int i = 0; i < ring.length; i++) {
            xy[2 * i] = ring[i].x;
            xy[2 * i + 1] = ring[i].y;
        }
        return xy;
    }

    private int column(double x) {
        return Math.min(width - 1, Math.max(0, (int) ((x - minX) * inverseCell)));
    }

    private int row(double y) {
        return Math.min(height - 1, Math.max(0, (int) ((y - minY) * inverseCell)));
    }

    private static int[] append(int[] a, int[] b) {
        int[] merged = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, merged, a.length, b.length);
        return merged;
    }
}
