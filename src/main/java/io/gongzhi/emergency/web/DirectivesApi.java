package io.gongzhi.emergency.web;

import io.gongzhi.emergency.internal.DirectiveProgress;
import io.gongzhi.emergency.internal.Directives;
import io.gongzhi.emergency.internal.NonResponders;
import io.gongzhi.shared.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/**
 * Directives down the command chain: issue one from one's own place, follow it level by level,
 * and acknowledge and report it for the units one looks after (safe to send again).
 */
@RestController
@RequestMapping("/api/emergency/directives")
@Tag(name = "emergency")
class DirectivesApi {

    private final Directives directives;
    private final DirectiveProgress progress;
    private final NonResponders nonResponders;

    DirectivesApi(Directives directives, DirectiveProgress progress, NonResponders nonResponders) {
        this.directives = directives;
        this.progress = progress;
        this.nonResponders = nonResponders;
    }

    @GetMapping("/{id}/silent")
    @PreAuthorize("hasAuthority('emergency.read')")
    @Operation(summary = "The units below a place (default: the issuer, or the caller's own place) that have not acknowledged, with the places above them and whom to call (phones masked); audited")
    List<NonResponders.Silent> silent(@PathVariable long id, @RequestParam(required = false) String unit) {
        return nonResponders.below(id, unit, Actor.current());
    }

    record Lists(List<DirectiveProgress.Item> inbox, List<DirectiveProgress.Item> issued) {
    }

    /** @param units the units to acknowledge for; empty or absent: every one of the caller's that has not yet */
    record Acknowledgement(List<String> units) {
    }

    record Report(String unit, String report) {
    }

    @GetMapping
    @PreAuthorize("hasAuthority('emergency.read')")
    @Operation(summary = "The directives reaching the caller's places (with the counts of the caller's units) and those issued from them")
    Lists list() {
        Actor actor = Actor.current();
        return new Lists(progress.inbox(actor, 100), progress.issued(actor, 100));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('directive.issue')")
    @Operation(summary = "Issue a directive from one's own place to every unit below it down to a level (COMPOUND unless told)")
    Directives.Directive issue(@RequestBody Directives.Issue issue) {
        return directives.issue(issue, Actor.current());
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('emergency.read')")
    @Operation(summary = "A directive issued inside the caller's places or reaching into them")
    Directives.Directive one(@PathVariable long id) {
        return directives.visible(id, Actor.current());
    }

    @GetMapping("/{id}/tree")
    @PreAuthorize("hasAuthority('emergency.read')")
    @Operation(summary = "How far a directive has got below a place (default: the issuer, or the caller's own place): each child with its units, acknowledged, reported, silent")
    DirectiveProgress.Tree tree(@PathVariable long id, @RequestParam(required = false) String unit) {
        return progress.tree(id, unit, Actor.current());
    }

    @GetMapping("/{id}/mine")
    @PreAuthorize("hasAuthority('directive.acknowledge')")
    @Operation(summary = "The caller's units among a directive's recipients, with what each has answered")
    List<Directives.Recipient> mine(@PathVariable long id) {
        directives.visible(id, Actor.current());
        return directives.mine(id, Actor.current());
    }

    @PostMapping("/{id}/acknowledgements")
    @PreAuthorize("hasAuthority('directive.acknowledge')")
    @Operation(summary = "Acknowledge (收到) for the caller's units; a retry acknowledges nothing twice and answers 0")
    Map<String, Integer> acknowledge(@PathVariable long id, @RequestBody(required = false) Acknowledgement a) {
        return Map.of("acknowledged", directives.acknowledge(id, a == null || a.units() == null ? List.of() : a.units(), Actor.current()));
    }

    @PostMapping("/{id}/reports")
    @PreAuthorize("hasAuthority('directive.acknowledge')")
    @Operation(summary = "Report a directive done (落实) for one of the caller's units; the same report again is accepted, another is 409")
    Map<String, String> report(@PathVariable long id, @RequestBody Report r) {
        directives.report(id, r.unit(), r.report(), Actor.current());
        return Map.of("unit", r.unit().strip(), "state", "reported");
    }
}
