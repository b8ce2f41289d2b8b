package io.gongzhi.geography.internal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.springframework.core.io.ClassPathResource;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The tiling property on real district shapes, for several seeds: no gaps, no overlaps, every piece non-empty. */
class SubdivisionTests {

    static final double TOLERANCE = 1e-9;   // of the parent's area

    static Geometry district(String code) throws Exception {
        byte[] file = new ClassPathResource("geography/chengdu-districts.geojson").getContentAsByteArray();
        return GeoJson.features(file).stream().filter(f -> code.equals(f.code())).findFirst().orElseThrow().geometry();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 7, 42, 20261123})
    void piecesTileTheirParent(long seed) throws Exception {
        Geometry parent = district("510104");        // 锦江区
        Geometry islands = district("510106");       // 金牛区, a MultiPolygon
        for (Geometry shape : List.of(parent, islands)) {
            int n = 16;
            var density = DensityField.around(new Coordinate(104.0657, 30.6598));
            List<Geometry> pieces = Subdivision.split(shape, n, new Random(seed), density);

            assertThat(pieces).hasSize(n).allSatisfy(p -> assertThat(p.getArea()).isPositive());
            double sum = pieces.stream().mapToDouble(Geometry::getArea).sum();
            assertThat(Math.abs(sum - shape.getArea()) / shape.getArea()).as("areas add up").isLessThan(TOLERANCE);
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    double overlap = pieces.get(i).intersection(pieces.get(j)).getArea();
                    assertThat(overlap / shape.getArea()).as("overlap of %d and %d", i, j).isLessThan(TOLERANCE);
                }
            }
            Geometry union = GeoJson.GEOMETRY.buildGeometry(pieces).union();
            assertThat(Math.abs(union.getArea() - shape.getArea()) / shape.getArea()).as("no gaps").isLessThan(TOLERANCE);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {3, 99})
    void theSameSeedGivesTheSamePieces(long seed) throws Exception {
        Geometry parent = district("510107");
        var density = DensityField.around(new Coordinate(104.0657, 30.6598));
        List<Geometry> once = Subdivision.split(parent, 12, new Random(seed), density);
        List<Geometry> again = Subdivision.split(parent, 12, new Random(seed), density);
        for (int i = 0; i < once.size(); i++) {
            assertThat(once.get(i).equalsExact(again.get(i))).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {5, 11})
    void piecesAreSmallerWhereItIsDenser(long seed) throws Exception {
        // 武侯区 reaches from the core outwards: pieces near the core should be the smaller ones.
        Geometry parent = district("510107");
        var core = new Coordinate(104.0657, 30.6598);
        var density = DensityField.around(core);
        List<Geometry> pieces = new java.util.ArrayList<>(Subdivision.split(parent, 30, new Random(seed), density));
        pieces.sort(java.util.Comparator.comparingDouble(p -> p.getCentroid().getCoordinate().distance(core)));
        double nearHalf = pieces.subList(0, 15).stream().mapToDouble(Geometry::getArea).average().orElseThrow();
        double farHalf = pieces.subList(15, 30).stream().mapToDouble(Geometry::getArea).average().orElseThrow();
        assertThat(nearHalf).isLessThan(farHalf);
    }
}
