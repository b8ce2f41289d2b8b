package io.gongzhi.geography.web;

import io.gongzhi.geography.Hierarchy;
import io.gongzhi.geography.Unit;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Browsing the hierarchy: the pages' lazy tree and search call these, and so can any client. */
@RestController
@RequestMapping("/api/geo")
@Tag(name = "geography")
class HierarchyApi {

    private final Hierarchy hierarchy;

    HierarchyApi(Hierarchy hierarchy) {
        this.hierarchy = hierarchy;
    }

    @GetMapping("/units")
    @Operation(summary = "The top of the hierarchy: every city")
    List<Unit> roots() {
        return hierarchy.children(null);
    }

    @GetMapping("/units/{code}")
    @Operation(summary = "One unit (division, grid or compound), current or retired")
    Unit unit(@PathVariable String code) {
        return hierarchy.unit(code);
    }

    @GetMapping("/units/{code}/children")
    @Operation(summary = "The current children of a unit")
    List<Unit> children(@PathVariable String code) {
        return hierarchy.children(code);
    }

    @GetMapping("/units/{code}/chain")
    @Operation(summary = "The chain from the city down to the unit")
    List<Unit> chain(@PathVariable String code) {
        return hierarchy.chain(code);
    }

    @GetMapping("/search")
    @Operation(summary = "Units whose name contains the text or whose code starts with it, shallow levels first")
    List<Unit> search(@RequestParam("q") String text, @RequestParam(defaultValue = "20") int limit) {
        return hierarchy.search(text, limit);
    }
}
