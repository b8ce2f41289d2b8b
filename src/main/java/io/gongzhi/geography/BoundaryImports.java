package io.gongzhi.geography;

import io.gongzhi.geography.internal.BoundaryStore;
import io.gongzhi.geography.internal.DisplayNames;
import io.gongzhi.geography.internal.GeoJson;
import io.gongzhi.geography.internal.UnitStore;
import io.gongzhi.shared.InvalidInput;
import io.gongzhi.shared.Progress;
import io.gongzhi.shared.Violation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import io.gongzhi.audit.Audit;
import io.gongzhi.audit.Outcome;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Imports boundaries from GeoJSON for the units of one level. A feature is matched to a
 * current unit by its code, then by its normalised name (codes change when counties become
 * districts: 新津县 510132 is now 新津区 510118); what still matches nothing, or more than
 * one unit, is reported rather than skipped silently.
 */
@Service
public class BoundaryImports {

    private final UnitStore units;
    private final BoundaryStore boundaries;
    private final ApplicationEventPublisher events;
    private final Audit audit;
    private final Clock clock;

    BoundaryImports(UnitStore units, BoundaryStore boundaries, ApplicationEventPublisher events, Audit audit, Clock clock) {
        this.units = units;
        this.boundaries = boundaries;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public BoundaryImportReport importGeoJson(byte[] file, Level level, String source, Progress progress) {
        List<GeoJson.Feature> features = GeoJson.features(file);
        List<Unit> candidates = units.atLevel(level);
        if (candidates.isEmpty()) {
            throw new InvalidInput(Violation.of("level", "geography.boundaries.no-units", level.key()));
        }
        Map<String, Unit> byCode = candidates.stream().collect(Collectors.toMap(Unit::code, Function.identity()));
        Map<String, List<Unit>> byName = new HashMap<>();
        candidates.forEach(u -> byName.computeIfAbsent(DisplayNames.matchKey(u.name()), k -> new ArrayList<>()).add(u));

        int byCodeCount = 0;
        int repaired = 0;
        var byNameMatches = new ArrayList<String>();
        var unmatched = new ArrayList<String>();
        progress.start("boundaries", features.size());
        for (GeoJson.Feature feature : features) {
            Unit unit = feature.code() == null ? null : byCode.get(feature.code());
            if (unit != null) {
                byCodeCount++;
            } else {
                List<Unit> named = feature.name() == null ? List.of() : byName.getOrDefault(DisplayNames.matchKey(feature.name()), List.of());
                if (named.size() == 1) {
                    unit = named.get(0);
                    byNameMatches.add(feature.code() + " " + feature.name() + " → " + unit.code() + " " + unit.name());
                } else {
                    unmatched.add(feature.code() + " " + feature.name() + (named.isEmpty() ? ": no such unit" : ": " + named.size() + " units of that name"));
                }
            }
            if (unit != null) {
                repaired += feature.repaired() ? 1 : 0;
                boundaries.save(unit.code(), feature.geometry(), source, clock.instant());
            }
            progress.advance(1);
        }
        progress.finish();
        int saved = byCodeCount + byNameMatches.size();
        events.publishEvent(new BoundariesChanged(level, saved));
        audit.record("geography.import-boundaries", "boundaries:" + level.key(), Outcome.SUCCESS,
                "saved=" + saved + " unmatched=" + unmatched.size() + " repaired=" + repaired);
        return new BoundaryImportReport(level, byCodeCount, byNameMatches, unmatched, boundaries.codesWithout(level), repaired);
    }
}
