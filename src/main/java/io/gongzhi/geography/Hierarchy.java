package io.gongzhi.geography;

import io.gongzhi.geography.internal.UnitStore;
import io.gongzhi.shared.NotFound;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reading the hierarchy: a unit, its children, its chain up to the city, search, and what it was called on a given day. */
@Service
public class Hierarchy {

    private final UnitStore store;

    Hierarchy(UnitStore store) {
        this.store = store;
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

    public List<Unit> search(String text, int limit) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return store.search(text.strip(), Math.max(1, Math.min(limit, 100)));
    }

    /** The name the unit had on {@code day}, if it existed then. */
    public Optional<String> nameOn(String code, LocalDate day) {
        return store.versionOn(code, day).map(v -> (String) v.get("name"));
    }

    public Map<Level, Long> countsByLevel() {
        return store.countCurrentByLevel();
    }
}
