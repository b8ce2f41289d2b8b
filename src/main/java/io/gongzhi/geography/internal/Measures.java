package io.gongzhi.geography.internal;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.util.AffineTransformation;

/**
 * Areas in square metres and centroids of lon/lat geometries. A city spans well under a
 * degree, so an equirectangular projection at the geometry's own latitude is accurate to
 * a fraction of a percent, with no projection library.
 */
public final class Measures {

    static final double METRES_PER_DEGREE_LAT = 110_574.0;
    static final double METRES_PER_DEGREE_LON_AT_EQUATOR = 111_320.0;

    private Measures() {
    }

    public static double areaSquareMetres(Geometry lonLat) {
        return toMetres(lonLat).getArea();
    }

    public static Coordinate centroid(Geometry lonLat) {
        return lonLat.getCentroid().getCoordinate();
    }

    /** The geometry in metres east and north of its centroid. */
    public static Geometry toMetres(Geometry lonLat) {
        Coordinate c = centroid(lonLat);
        double kx = METRES_PER_DEGREE_LON_AT_EQUATOR * Math.cos(Math.toRadians(c.y));
        var t = new AffineTransformation().translate(-c.x, -c.y).scale(kx, METRES_PER_DEGREE_LAT);
        return t.transform(lonLat);
    }
}
