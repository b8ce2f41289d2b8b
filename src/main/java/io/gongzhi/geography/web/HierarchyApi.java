package io.gongzhi.geography.web;

import io.gongzhi.shared.Actor;
import org.springframework.security.access.prepost.PreAuthorize;
import io.gongzhi.geography.Hierarchy;
import io.gongzhi.geography.Unit;
import io.gongzhi.shared.InvalidInput;
import io.gongzhi.shared.NotFound;
import io.gongzhi.shared.Violation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;

/**
 * Browsing the hierarchy: the pages' lazy tree and search call these, and so can any client.
 * Each caller sees their jurisdiction, the names of the places above it, and nothing else.
 */
@RestController
@RequestMapping("/api/geo")
@PreAuthorize("hasAuthority('geography.read')")
@Tag(name = "geography")
class HierarchyApi {

    private final Hierarchy hierarchy;

    HierarchyApi(Hierarchy hierarchy) {
        this.hierarchy = hierarchy;
    }

    @GetMapping("/units")
    @Operation(summary = "Where the caller's hierarchy starts: every city for the whole system, else the caller's own places")
    List<Unit> roots() {
        return hierarchy.roots(Actor.current().jurisdiction());
    }

    @GetMapping("/units/{code}")
    @Operation(summary = "One unit (division, grid or compound), current or retired")
    Unit unit(@PathVariable String code) {
        return hierarchy.unit(code, Actor.current().jurisdiction());
    }

    @GetMapping("/units/{code}/children")
    @Operation(summary = "The current children of a unit")
    List<Unit> children(@PathVariable String code) {
        return hierarchy.children(code, Actor.current().jurisdiction());
    }

    @GetMapping("/units/{code}/chain")
    @Operation(summary = "The chain from the city down to the unit")
    List<Unit> chain(@PathVariable String code) {
        return hierarchy.chain(code, Actor.current().jurisdiction());
    }

    record NameOn(String code, LocalDate on, String name) {
    }

    @GetMapping("/units/{code}/name")
    @Operation(summary = "What the unit was called on a given day (ISO date), e.g. for an old case; 404 if it did not exist then")
    NameOn nameOn(@PathVariable String code, @RequestParam String on) {
        LocalDate day;
        try {
            day = LocalDate.parse(on);
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidInput(Violation.of("on", "geography.date-invalid", on));
        }
        hierarchy.unit(code, Actor.current().jurisdiction());
        return hierarchy.nameOn(code, day).map(name -> new NameOn(code, day, name))
                .orElseThrow(() -> new NotFound("geography.not-yet", "unit on " + day));
    }

    @GetMapping("/search")
    @Operation(summary = "Units inside the caller's jurisdiction whose name contains the text or whose code starts with it, shallow levels first")
    List<Unit> search(@RequestParam("q") String text, @RequestParam(defaultValue = "20") int limit) {
        return hierarchy.search(text, limit, Actor.current().jurisdiction());
    }
}
