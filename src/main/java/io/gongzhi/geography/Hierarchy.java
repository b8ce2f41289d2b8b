package io.gongzhi.geography;

import io.gongzhi.geography.internal.UnitStore;
import io.gongzhi.shared.Jurisdiction;
import io.gongzhi.shared.NotFound;
import io.gongzhi.shared.RegionPath;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reading the hierarchy: a unit, its children, its chain up to the city, search, and what it was called on a given day. */
@Service
public class Hierarchy {

    private final UnitStore store;
    private final io.gongzhi.geography.internal.BoundaryStore boundaries;

    Hierarchy(UnitStore store, io.gongzhi.geography.internal.BoundaryStore boundaries) {
        this.store = store;
        this.boundaries = boundaries;
    }

    /**
     * A point inside the unit, drawn at random (as a phone's location would be), or none when the
     * unit has no boundary; the same {@code random} gives the same points.
     */
    public Optional<org.locationtech.jts.geom.Coordinate> pointIn(String code, java.util.Random random) {
        var boundary = boundaries.of(List.of(code)).get(code);
        if (boundary == null) {
            return Optional.empty();
        }
        var box = boundary.getEnvelopeInternal();
        for (int i = 0; i < 200; i++) {
            var at = new org.locationtech.jts.geom.Coordinate(box.getMinX() + random.nextDouble() * box.getWidth(),
                    box.getMinY() + random.nextDouble() * box.getHeight());
            if (boundary.contains(boundary.getFactory().createPoint(at))) {
                return Optional.of(at);
            }
        }
        return Optional.of(boundary.getInteriorPoint().getCoordinate());
    }

    /** A unit, current or retired. */
    public Unit unit(String code) {
        return store.find(code).orElseThrow(() -> new NotFound("geography.unit-not-found", "unit " + code));
    }

    /** Current children of {@code code}, or the cities when {@code code} is null. */
    public List<Unit> children(String code) {
        if (code != null) {
            unit(code);
        }
        return store.children(code);
    }

    /** The names of the units {@code codes} (current or retired) by code; a code that names no unit is left out. */
    public Map<String, String> names(Collection<String> codes) {
        return named(codes, Unit::name);
    }

    /** The names people use (玉林北路社区, not 玉林北路社区居民委员会) of the units {@code codes} by code; a code that names no unit is left out. */
    public Map<String, String> displayNames(Collection<String> codes) {
        return named(codes, Unit::displayName);
    }

    private Map<String, String> named(Collection<String> codes, java.util.function.Function<Unit, String> name) {
        var names = new java.util.HashMap<String, String>();
        if (!codes.isEmpty()) {
            store.byCodes(codes).forEach(u -> names.put(u.code(), name.apply(u)));
        }
        return names;
    }

    /** From the city down to the unit itself. */
    public List<Unit> chain(String code) {
        Unit unit = unit(code);
        List<String> codes = Arrays.stream(unit.path().split("/")).filter(s -> !s.isEmpty()).toList();
        var byCode = new java.util.HashMap<String, Unit>();
        store.byCodes(codes).forEach(u -> byCode.put(u.code(), u));
        var chain = new ArrayList<Unit>();
        codes.forEach(c -> Optional.ofNullable(byCode.get(c)).ifPresent(chain::add));
        return chain;
    }

    /** The unit's place as people read it, from its district down: 武侯区 › 玉林街道 › 玉林北路社区 (without the unit itself unless asked; the city only when it is the unit). */
    public String breadcrumb(String code, boolean withItself) {
        var names = chain(code).stream().map(Unit::displayName).toList();
        names = withItself ? names : names.subList(0, Math.max(0, names.size() - 1));
        // the city is everyone's: named only when it is all there is
        return String.join(" › ", names.size() > 1 ? names.subList(1, names.size()) : names);
    }

    /**
     * The paths of the current units below {@code code} from the level under it down to {@code downTo}
     * (a unit's code is its path's last part), in no order: one read for a command that reaches them all.
     */
    public List<String> pathsUnder(String code, Level downTo) {
        Unit unit = unit(code);
        var levels = java.util.Arrays.stream(Level.values()).filter(l -> l.compareTo(unit.level()) > 0 && l.compareTo(downTo) <= 0)
                .map(Level::name).toList();
        return levels.isEmpty() ? List.of() : store.pathsUnder(unit.path(), levels);
    }

    /** Current units of {@code level} below the unit {@code code} (e.g. every compound of a district), in path order. */
    public List<Unit> under(String code, Level level) {
        return store.under(unit(code).path(), level);
    }

    public List<Unit> search(String text, int limit) {
        return search(text, limit, Jurisdiction.EVERYWHERE);
    }

    /** The name the unit had on {@code day}, if it existed then. */
    public Optional<String> nameOn(String code, LocalDate day) {
        return store.versionOn(code, day).map(v -> (String) v.get("name"));
    }

    // --- As seen by someone with a jurisdiction: their places and everything below, plus the
    // names of the places above them (to find one's way down), and nothing else. A unit
    // outside answers exactly like a unit that does not exist.

    /** Where the tree starts for {@code j}: the cities for the whole system, else the jurisdiction's own places. */
    public List<Unit> roots(Jurisdiction j) {
        if (j.isEverywhere()) {
            return children(null);
        }
        return store.byCodes(j.paths().stream().map(RegionPath::code).toList()).stream()
                .filter(u -> j.covers(u.path()))
                .sorted(java.util.Comparator.comparing(Unit::path)).toList();
    }

    public Unit unit(String code, Jurisdiction j) {
        Unit unit = store.find(code).orElse(null);
        if (unit == null || !j.leadsTo(unit.path())) {
            throw new NotFound("geography.unit-not-found", "unit " + code);
        }
        return unit;
    }

    public List<Unit> children(String code, Jurisdiction j) {
        if (code != null) {
            unit(code, j);
        }
        return store.children(code).stream().filter(u -> j.leadsTo(u.path())).toList();
    }

    public List<Unit> chain(String code, Jurisdiction j) {
        unit(code, j);
        return chain(code);
    }

    /** Search inside the jurisdiction only. */
    public List<Unit> search(String text, int limit, Jurisdiction j) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return store.search(text.strip(), Math.max(1, Math.min(limit, 100)), j);
    }

    public Map<Level, Long> countsByLevel() {
        return store.countCurrentByLevel();
    }
}
