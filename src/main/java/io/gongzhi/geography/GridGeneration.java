package io.gongzhi.geography;

import io.gongzhi.geography.internal.BoundaryStore;
import io.gongzhi.geography.internal.DensityField;
import io.gongzhi.geography.internal.GeneratedStore;
import io.gongzhi.geography.internal.Measures;
import io.gongzhi.geography.internal.Subdivision;
import io.gongzhi.geography.internal.UnitStore;
import io.gongzhi.shared.InvalidInput;
import io.gongzhi.shared.Progress;
import io.gongzhi.shared.Violation;
import org.locationtech.jts.geom.Geometry;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import io.gongzhi.audit.Audit;
import io.gongzhi.audit.Outcome;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Random;

/**
 * Generates the fine grain a real city's statistics do not publish: from each district's
 * real boundary, polygons for its real sub-districts, then its real communities, then grids
 * (one per {@code householdsPerGrid} households) and compounds, each tiling its parent.
 * Households are spread over communities by area × density, so grids are smaller and
 * denser in the urban core. The same seed gives the same city.
 */
@Service
public class GridGeneration {

    /** Chengdu's published figure: ~8.75 million households. */
    public static final long DEFAULT_HOUSEHOLDS = 8_750_000;
    public static final int DEFAULT_HOUSEHOLDS_PER_GRID = 400;
    /** ~200,000 compounds for 8.75 million households. */
    public static final int DEFAULT_HOUSEHOLDS_PER_COMPOUND = 44;

    private final UnitStore units;
    private final BoundaryStore boundaries;
    private final GeneratedStore generated;
    private final ApplicationEventPublisher events;
    private final Audit audit;
    private final Clock clock;

    GridGeneration(UnitStore units, BoundaryStore boundaries, GeneratedStore generated, ApplicationEventPublisher events,
                   Audit audit, Clock clock) {
        this.audit = audit;
        this.units = units;
        this.boundaries = boundaries;
        this.generated = generated;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public GenerationReport generate(String cityCode, long seed, long households, int perGrid, int perCompound, Progress progress) {
        return generate(cityCode, seed, households, perGrid, perCompound, Set.of(), progress);
    }

    /**
     * As above, but writes grids and compounds only in {@code onlyDistricts} (all when empty): the
     * same grids those districts get in a whole-city run with the same seed, in a fraction of the
     * time (the demo's first start generates its one district this way).
     */
    @Transactional
    public GenerationReport generate(String cityCode, long seed, long households, int perGrid, int perCompound,
                                     Set<String> onlyDistricts, Progress progress) {
        long started = System.nanoTime();
        Start start = checked(cityCode, perGrid, perCompound);
        Unit city = start.city();
        Map<String, Geometry> districtShapes = start.districtShapes();
        List<Unit> districts = start.districts();
        LocalDate today = LocalDate.now(clock.withZone(DivisionImports.CHINA));
        var density = DensityField.around(districts.stream().map(d -> districtShapes.get(d.code()))
                .min(Comparator.comparingDouble(Measures::areaSquareMetres)).orElseThrow().getCentroid().getCoordinate());

        // 1. real sub-districts and communities get generated boundaries
        Map<Unit, Geometry> communities = new LinkedHashMap<>();
        int subdistrictCount = divisions(districts, districtShapes, seed, density, communities, progress);

        // 2. households by area × density, then grids and compounds
        Map<Unit, Double> weight = new LinkedHashMap<>();
        communities.forEach((c, shape) -> weight.put(c, Measures.areaSquareMetres(shape) * density.applyAsDouble(Measures.centroid(shape))));
        double total = weight.values().stream().mapToDouble(Double::doubleValue).sum();
        clearBefore(city, districts, onlyDistricts, communities);
        var pieces = new ArrayList<GeneratedStore.Piece>();
        int gridCount = 0;
        int compoundCount = 0;
        progress.start("grids", communities.size());
        for (var entry : communities.entrySet()) {
            Unit community = entry.getKey();
            var random = new Random(seed * 31 + community.code().hashCode());
            int[] made = gridsAndCompounds(community, entry.getValue(), households * weight.get(community) / total, perGrid, perCompound,
                    random, density, today, pieces);
            gridCount += made[0];
            compoundCount += made[1];
            progress.advance(1);
        }
        progress.finish();
        progress.start("write", pieces.size());
        generated.insert(pieces, today, "generated seed " + seed, clock.instant(), progress);
        progress.finish();
        events.publishEvent(new BoundariesChanged(Level.COMPOUND, pieces.size()));
        audit.record("geography.generate-grids", "city:" + cityCode, Outcome.SUCCESS,
                "seed=" + seed + " grids=" + gridCount + " compounds=" + compoundCount);
        return new GenerationReport(seed, districts.size(), subdistrictCount, communities.size(), gridCount, compoundCount,
                households, (System.nanoTime() - started) / 1_000_000);
    }

    /** The city and those of its districts that have boundaries to divide. */
    private record Start(Unit city, Map<String, Geometry> districtShapes, List<Unit> districts) {
    }

    /** Refuses a city that is not one, counts that are not positive, and a city without district boundaries, all at once. */
    private Start checked(String cityCode, int perGrid, int perCompound) {
        Unit city = units.find(cityCode).filter(u -> u.level() == Level.CITY)
                .orElseThrow(() -> new InvalidInput(Violation.of("city", "geography.generate.no-city", cityCode)));
        var problems = new ArrayList<Violation>();
        if (perGrid < 1) {
            problems.add(Violation.of("households-per-grid", "geography.generate.positive", perGrid));
        }
        if (perCompound < 1) {
            problems.add(Violation.of("households-per-compound", "geography.generate.positive", perCompound));
        }
        Map<String, Geometry> districtShapes = new LinkedHashMap<>(boundaries.ofLevel(Level.DISTRICT));
        List<Unit> districts = units.children(city.code()).stream().filter(d -> districtShapes.containsKey(d.code())).toList();
        if (districts.isEmpty()) {
            problems.add(Violation.of("city", "geography.generate.no-boundaries", cityCode));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return new Start(city, districtShapes, districts);
    }

    /** Removes what an earlier run generated where this one writes (the whole city, or only the districts asked), and keeps only their communities. */
    private void clearBefore(Unit city, List<Unit> districts, Set<String> onlyDistricts, Map<Unit, Geometry> communities) {
        if (onlyDistricts.isEmpty()) {
            generated.removeGeneratedUnder(city.path());
        } else {
            districts.stream().filter(d -> onlyDistricts.contains(d.code())).forEach(d -> generated.removeGeneratedUnder(d.path()));
            communities.keySet().removeIf(c -> onlyDistricts.stream().noneMatch(d -> c.path().startsWith(city.path() + "/" + d + "/")));
        }
    }

    /** Generated boundaries for each district's real sub-districts and their communities (kept in {@code communities}); answers how many sub-districts. */
    private int divisions(List<Unit> districts, Map<String, Geometry> districtShapes, long seed, DensityField density,
                          Map<Unit, Geometry> communities, Progress progress) {
        int subdistrictCount = 0;
        progress.start("divisions", districts.size());
        for (Unit district : districts) {
            var random = new Random(seed * 31 + district.code().hashCode());
            List<Unit> subs = units.children(district.code());
            List<Geometry> subShapes = Subdivision.split(districtShapes.get(district.code()), subs.size(), random, density);
            for (int i = 0; i < subs.size() && i < subShapes.size(); i++) {
                Unit sub = subs.get(i);
                boundaries.save(sub.code(), subShapes.get(i), "generated seed " + seed, clock.instant());
                subdistrictCount++;
                List<Unit> comms = units.children(sub.code());
                List<Geometry> commShapes = Subdivision.split(subShapes.get(i), comms.size(), random, density);
                for (int j = 0; j < comms.size() && j < commShapes.size(); j++) {
                    boundaries.save(comms.get(j).code(), commShapes.get(j), "generated seed " + seed, clock.instant());
                    communities.put(comms.get(j), commShapes.get(j));
                }
            }
            progress.advance(1);
        }
        progress.finish();
        return subdistrictCount;
    }

    /** A community's grids (about {@code perGrid} households each) and their compounds, added to {@code pieces}; answers {grids, compounds}. */
    private static int[] gridsAndCompounds(Unit community, Geometry shape, double communityHouseholds, int perGrid, int perCompound,
                                           Random random, DensityField density, LocalDate today, List<GeneratedStore.Piece> pieces) {
        int gridsHere = (int) Math.max(1, Math.round(communityHouseholds / perGrid));
        List<Geometry> gridShapes = Subdivision.split(shape, gridsHere, random, density);
        int compounds = 0;
        for (int g = 0; g < gridShapes.size(); g++) {
            String gridCode = community.code() + String.format("g%04d", g + 1);
            Unit grid = GeneratedStore.unit(gridCode, community.displayName() + "第" + (g + 1) + "网格", Level.GRID,
                    community, gridShapes.get(g), today);
            pieces.add(new GeneratedStore.Piece(grid, gridShapes.get(g)));
            int compoundsHere = (int) Math.max(1, Math.round(communityHouseholds / gridShapes.size() / perCompound));
            List<Geometry> compoundShapes = Subdivision.split(gridShapes.get(g), compoundsHere, random, density);
            for (int c = 0; c < compoundShapes.size(); c++) {
                String compoundCode = gridCode + String.format("c%03d", c + 1);
                pieces.add(new GeneratedStore.Piece(GeneratedStore.unit(compoundCode,
                        community.displayName() + (g + 1) + "-" + (c + 1) + "小区", Level.COMPOUND, grid, compoundShapes.get(c), today),
                        compoundShapes.get(c)));
                compounds++;
            }
        }
        return new int[] {gridShapes.size(), compounds};
    }
}
