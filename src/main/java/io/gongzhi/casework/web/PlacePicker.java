package io.gongzhi.casework.web;

import io.gongzhi.geography.Hierarchy;
import io.gongzhi.geography.Level;
import io.gongzhi.geography.Locator;
import io.gongzhi.geography.Outlines;
import io.gongzhi.geography.Unit;
import io.gongzhi.shared.InvalidInput;
import io.gongzhi.shared.Violation;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a report is, by name instead of by code: the report form's place search (communities,
 * grids and compounds whose name holds the text, each with the places above it), the name of
 * the place a pin or a phone's position falls in, and the outlines the form's map draws one level
 * down. Anyone who may report may ask: names and outlines of places are what the grid's public
 * boards show, and nothing about people.
 */
@RestController
class PlacePicker {

    /** What a report may name: a community or anything finer. */
    static final Set<Level> REPORTABLE = Set.of(Level.COMMUNITY, Level.GRID, Level.COMPOUND);
    static final int MOST = 10;

    private final Hierarchy hierarchy;
    private final Locator locator;
    private final Outlines outlines;

    PlacePicker(Hierarchy hierarchy, Locator locator, Outlines outlines) {
        this.hierarchy = hierarchy;
        this.locator = locator;
        this.outlines = outlines;
    }

    /**
     * A place to pick: its code (what the form sends), its name, where it lies (武侯区 › 玉林街道 ›
     * 玉林北路社区) and the community it belongs to (whose grids a map draws around it), if any.
     */
    record Place(String code, String name, String where, String community) {
    }

    @GetMapping("/cases/places")
    @PreAuthorize("hasAuthority('case.report')")
    @Operation(summary = "Places a report may name whose name holds q (at least 2 characters): communities, grids and compounds, at most 10")
    List<Place> search(@RequestParam String q) {
        String text = q.strip();
        if (text.length() < 2 || text.length() > 40) {
            throw new InvalidInput(Violation.of("q", "casework.place-search-length", 2, 40));
        }
        return hierarchy.search(text, 50).stream().filter(u -> REPORTABLE.contains(u.level())).limit(MOST).map(this::place).toList();
    }

    @GetMapping("/cases/places/at")
    @PreAuthorize("hasAuthority('case.report')")
    @Operation(summary = "The finest place a point (WGS84 longitude and latitude) lies in, by name; 404 outside the city")
    Place at(@RequestParam double lon, @RequestParam double lat) {
        Locator.check(lon, lat);
        return place(hierarchy.unit(locator.require(lon, lat).finest().code()));
    }

    @GetMapping(value = "/cases/places/{code}/outlines", produces = {"application/geo+json", "application/json"})
    @PreAuthorize("hasAuthority('case.report')")
    @Operation(summary = "The outlines and names of a place's current children (the city's districts, a community's grids), as GeoJSON")
    Map<String, Object> outlines(@PathVariable String code) {
        return outlines.of(hierarchy.children(code));
    }

    private Place place(Unit unit) {
        String community = hierarchy.chain(unit.code()).stream().filter(u -> u.level() == Level.COMMUNITY).map(Unit::code)
                .findFirst().orElse(null);
        return new Place(unit.code(), unit.displayName(), hierarchy.breadcrumb(unit.code(), false), community);
    }
}
