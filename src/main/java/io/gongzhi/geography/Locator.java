package io.gongzhi.geography;

import io.gongzhi.geography.internal.BoundaryStore;
import io.gongzhi.geography.internal.LocateIndex;
import io.gongzhi.geography.internal.UnitStore;
import io.gongzhi.shared.InvalidInput;
import io.gongzhi.shared.NotFound;
import io.gongzhi.shared.Violation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Answers "where is this point?" from an in-memory index of every boundary. The index is
 * rebuilt when this node imports boundaries, and every minute a node checks whether another
 * node changed them (app nodes share only the database).
 */
@Service
public class Locator {

    private static final Logger log = LoggerFactory.getLogger(Locator.class);

    private final BoundaryStore boundaries;
    private final UnitStore units;
    private final boolean eager;
    private volatile LocateIndex index;
    private volatile BoundaryStore.Stamp built = new BoundaryStore.Stamp(-1, null);

    /** A web node builds the index at start and after every change; a command builds it only if it locates something. */
    Locator(BoundaryStore boundaries, UnitStore units, org.springframework.context.ApplicationContext context) {
        this.boundaries = boundaries;
        this.units = units;
        this.eager = context instanceof org.springframework.web.context.WebApplicationContext;
    }

    /** The chain at {@code lon}/{@code lat} (WGS84 degrees), or empty outside every boundary. */
    public Optional<Location> locate(double lon, double lat) {
        check(lon, lat);
        LocateIndex current = index;
        if (current == null) {
            synchronized (this) {
                if (index == null) {
                    rebuild();
                }
                current = index;
            }
        }
        return current.locate(lon, lat);
    }

    /** As {@link #locate}, for callers that treat "outside" as an error. */
    public Location require(double lon, double lat) {
        return locate(lon, lat).orElseThrow(() -> new NotFound("geography.outside", "location"));
    }

    public static void check(double lon, double lat) {
        var problems = new ArrayList<Violation>();
        if (!(lon >= -180 && lon <= 180)) {
            problems.add(Violation.of("lon", "geography.locate.lon-range", lon));
        }
        if (!(lat >= -90 && lat <= 90)) {
            problems.add(Violation.of("lat", "geography.locate.lat-range", lat));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void buildAtStart() {
        if (eager) {
            rebuild();
        }
    }

    /** After the importing transaction commits, so the new boundaries are visible. */
    @TransactionalEventListener
    void onBoundariesChanged(BoundariesChanged changed) {
        if (eager) {
            rebuild();
        } else {
            index = null;
        }
    }

    public void rebuild() {
        var stamp = boundaries.stamp();
        List<BoundaryStore.Stored> all = boundaries.all();
        Map<String, String> names = new HashMap<>();
        Map<String, Level> levels = new HashMap<>();
        for (Level level : List.of(Level.CITY, Level.DISTRICT, Level.SUBDISTRICT, Level.COMMUNITY)) {
            units.atLevel(level).forEach(u -> {
                names.put(u.code(), u.displayName());
                levels.put(u.code(), u.level());
            });
        }
        index = new LocateIndex(all, names, levels);
        built = stamp;
        log.info("Locate index built over {} boundaries", all.size());
    }

    @Scheduled(fixedDelayString = "${gongzhi.geography.index-check:PT1M}", initialDelayString = "${gongzhi.geography.index-check:PT1M}")
    void rebuildIfChangedElsewhere() {
        if (eager && !boundaries.stamp().equals(built)) {
            rebuild();
        }
    }

    public int indexedBoundaries() {
        LocateIndex current = index;
        return current == null ? 0 : current.size();
    }
}
