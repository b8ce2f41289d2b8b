package io.gongzhi.geography.internal;

import org.locationtech.jts.geom.Coordinate;

import java.util.function.ToDoubleFunction;

/**
 * How densely people live at a point, relative to the urban core: highest at the core,
 * falling off over about ten kilometres to a rural floor. The core is the centre of the
 * city's smallest district, which holds for any Chinese city (the old town's districts are
 * the small ones), so nothing here is specific to Chengdu.
 */
public record DensityField(Coordinate core, double scaleKm, double floor) implements ToDoubleFunction<Coordinate> {

    public static DensityField around(Coordinate core) {
        return new DensityField(core, 10.0, 0.03);
    }

    @Override
    public double applyAsDouble(Coordinate at) {
        double dx = (at.x - core.x) * 111.32 * Math.cos(Math.toRadians(core.y));
        double dy = (at.y - core.y) * 110.574;
        return floor + Math.exp(-Math.sqrt(dx * dx + dy * dy) / scaleKm);
    }
}
