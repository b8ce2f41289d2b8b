package io.gongzhi.geography.web;

import io.gongzhi.shared.Actor;
import org.springframework.security.access.prepost.PreAuthorize;
import io.gongzhi.geography.Hierarchy;
import io.gongzhi.geography.Outlines;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * Boundaries for maps: the children of a unit inside the reader's jurisdiction as a GeoJSON
 * FeatureCollection ({@link Outlines}).
 */
@RestController
@Tag(name = "geography")
@PreAuthorize("hasAuthority('geography.read')")
class BoundariesApi {

    private final Hierarchy hierarchy;
    private final Outlines outlines;

    BoundariesApi(Hierarchy hierarchy, Outlines outlines) {
        this.hierarchy = hierarchy;
        this.outlines = outlines;
    }

    @GetMapping(value = "/api/geo/units/{code}/children/boundaries", produces = {"application/geo+json", "application/json"})
    @Operation(summary = "The current children of a unit with their boundaries, as a GeoJSON FeatureCollection (simplified for display)")
    Map<String, Object> childBoundaries(@PathVariable String code) {
        return outlines.of(hierarchy.children(code, Actor.current().jurisdiction()));
    }
}
