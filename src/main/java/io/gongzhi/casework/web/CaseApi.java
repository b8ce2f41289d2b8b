package io.gongzhi.casework.web;

import io.gongzhi.casework.Case;
import io.gongzhi.casework.CaseAction;
import io.gongzhi.casework.CaseQueries;
import io.gongzhi.casework.CaseState;
import io.gongzhi.casework.Cases;
import io.gongzhi.casework.Channel;
import io.gongzhi.casework.Rating;
import io.gongzhi.casework.Step;
import io.gongzhi.shared.Actor;
import io.gongzhi.shared.InvalidInput;
import io.gongzhi.shared.Violation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Cases over REST. Staff work on the cases of their jurisdiction under {@code /api/cases} (what
 * each may do is the step's party, checked per case); anyone who reported follows their own
 * reports under {@code /api/my/cases}, where they rate and reopen.
 */
@RestController
@Tag(name = "casework")
class CaseApi {

    /** A report: a category, a description, and where: lon/lat (WGS84) or a place code. */
    record NewCase(String category, String description, Double lon, Double lat, String place, String address, String channel,
                   String reporterName) {
    }

    /** A step: the action (e.g. {@code accept}, {@code dispatch}, {@code feedback}) and what it needs. */
    record NewStep(String action, String note, String department, List<String> coHandlers, List<String> departments, Integer days,
                   Integer hours, Rating rating, Long parent, Integer version) {
    }

    private final Cases cases;
    private final CaseQueries queries;
    private final io.gongzhi.geography.Hierarchy hierarchy;
    private final java.time.Clock clock;

    CaseApi(Cases cases, CaseQueries queries, io.gongzhi.geography.Hierarchy hierarchy, java.time.Clock clock) {
        this.cases = cases;
        this.queries = queries;
        this.hierarchy = hierarchy;
        this.clock = clock;
    }

    @PostMapping("/api/cases")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('case.report')")
    @Operation(summary = "Report a case; staff report inside their jurisdiction (channel GRID, or HOTLINE for a dispatcher taking a call), "
            + "residents anywhere in the city")
    Case report(@RequestBody NewCase body) {
        Actor actor = Actor.current();
        return cases.report(new Cases.Report(body.category(), body.description(), body.lon(), body.lat(), body.place(), body.address(),
                channel(body.channel(), actor), body.reporterName()), actor);
    }

    private static Channel channel(String asked, Actor actor) {
        if (actor.roles().contains("RESIDENT")) {
            return Channel.RESIDENT;
        }
        if ("HOTLINE".equalsIgnoreCase(asked == null ? "" : asked.strip())) {
            if (!actor.may("case.dispatch")) {
                throw new InvalidInput(Violation.of("channel", "casework.channel-not-yours"));
            }
            return Channel.HOTLINE;
        }
        return Channel.GRID;
    }

    @GetMapping("/api/cases")
    @PreAuthorize("hasAuthority('case.read')")
    @Operation(summary = "Cases you may see, newest first (overdue=true: the most overdue first); department staff see their departments' cases")
    CaseQueries.CasePage list(@RequestParam(required = false) CaseState state, @RequestParam(required = false) Boolean overdue,
                              @RequestParam(required = false) String department, @RequestParam(required = false) String category,
                              @RequestParam(required = false) Boolean pending,
                              @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return queries.list(new CaseQueries.Filter(state, overdue, department, category, null, pending), Actor.current(), page, size);
    }

    @GetMapping("/api/cases/{id}")
    @PreAuthorize("hasAuthority('case.read')")
    @Operation(summary = "One case with the departments on it")
    Case one(@PathVariable long id) {
        return queries.get(id, Actor.current());
    }

    @GetMapping("/api/cases/{id}/steps")
    @PreAuthorize("hasAuthority('case.read')")
    @Operation(summary = "The case's timeline, oldest step first")
    List<Step> steps(@PathVariable long id) {
        return queries.steps(id, Actor.current());
    }

    @GetMapping("/api/cases/similar")
    @PreAuthorize("hasAuthority('case.read')")
    @Operation(summary = "Before reporting: open cases of the category within 50 m (or at the same place) reported in the last 24 hours")
    List<Case> similar(@RequestParam String category, @RequestParam(required = false) Double lon, @RequestParam(required = false) Double lat,
                       @RequestParam(required = false) String place) {
        return queries.similar(category, lon, lat, place == null || place.isBlank() ? null : hierarchy.unit(place.strip()).path(),
                clock.instant(), -1, Actor.current());
    }

    @GetMapping("/api/cases/{id}/similar")
    @PreAuthorize("hasAuthority('case.read')")
    @Operation(summary = "Open cases that may be the same problem as this one (to merge it into): same category, 50 m, 24 hours")
    List<Case> similarTo(@PathVariable long id) {
        Case c = queries.get(id, Actor.current());
        return queries.similar(c.category(), c.lon(), c.lat(), c.path(), c.reportedAt(), c.id(), Actor.current());
    }

    @PostMapping("/api/cases/{id}/steps")
    @PreAuthorize("hasAnyAuthority('case.dispatch', 'case.handle', 'case.verify')")
    @Operation(summary = "Take a step: 403 when the step is another party's, 409 when the case is not ready for it (or changed since version)")
    Case act(@PathVariable long id, @RequestBody NewStep body) {
        return cases.act(id, command(body), Actor.current());
    }

    @GetMapping("/api/my/cases")
    @PreAuthorize("hasAuthority('case.report')")
    @Operation(summary = "The cases you reported, newest first")
    CaseQueries.CasePage mine(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return queries.list(new CaseQueries.Filter(null, null, null, null, true, null), CaseQueries.asReporter(Actor.current()), page, size);
    }

    @GetMapping("/api/my/cases/{id}")
    @PreAuthorize("hasAuthority('case.report')")
    @Operation(summary = "One case you reported")
    Case myOne(@PathVariable long id) {
        return queries.get(id, CaseQueries.asReporter(Actor.current()));
    }

    @GetMapping("/api/my/cases/{id}/steps")
    @PreAuthorize("hasAuthority('case.report')")
    @Operation(summary = "The timeline of a case you reported")
    List<Step> mySteps(@PathVariable long id) {
        return queries.steps(id, CaseQueries.asReporter(Actor.current()));
    }

    @PostMapping("/api/my/cases/{id}/steps")
    @PreAuthorize("hasAuthority('case.report')")
    @Operation(summary = "Rate a closed case you reported (rate), or reopen it within the reopening period (reopen, with a reason)")
    Case myStep(@PathVariable long id, @RequestBody NewStep body) {
        return cases.act(id, command(body), CaseQueries.asReporter(Actor.current()));
    }


    private static Cases.Command command(NewStep body) {
        if (body == null) {
            throw new InvalidInput(Violation.of("action", "casework.required"));
        }
        CaseAction action = CaseAction.parse(body.action())
                .filter(a -> a.party().isPresent())
                .orElseThrow(() -> new InvalidInput(Violation.of("action", body.action() == null || body.action().isBlank()
                        ? "casework.required" : "casework.action-unknown", String.valueOf(body.action()))));
        return new Cases.Command(action, body.note(), body.department(), body.coHandlers(), body.departments(), body.days(), body.hours(),
                body.rating(), body.parent(), body.version());
    }
}
