package io.gongzhi.casework.web;

import io.gongzhi.casework.Case;
import io.gongzhi.casework.CaseAction;
import io.gongzhi.casework.internal.CaseQueries;
import io.gongzhi.casework.Cases;
import io.gongzhi.platform.Refusals;
import io.gongzhi.casework.internal.Catalogue;
import io.gongzhi.casework.internal.Category;
import io.gongzhi.casework.internal.Department;
import io.gongzhi.shared.Actor;
import io.gongzhi.shared.InvalidInput;
import io.gongzhi.shared.Violation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The dispatcher console over REST: one step on many cases at once, and the open cases as GeoJSON for a map. */
@RestController
@Tag(name = "casework")
class ConsoleApi {

    /** The same step for every case in {@code ids} (at most {@link Cases#MAX_BULK}). */
    record BulkStep(List<Long> ids, String action, String note, String department, List<String> coHandlers) {
    }

    /** What the step came to on one case: done (with the case's new state) or refused (with the reason). */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record BulkAnswer(long caseId, boolean done, String state, String code, String message) {
    }

    private final Cases cases;
    private final CaseQueries queries;
    private final Catalogue catalogue;
    private final Refusals refusals;
    private final MessageSource messages;
    private final Clock clock;

    ConsoleApi(Cases cases, CaseQueries queries, Catalogue catalogue, Refusals refusals, MessageSource messages, Clock clock) {
        this.cases = cases;
        this.queries = queries;
        this.catalogue = catalogue;
        this.refusals = refusals;
        this.messages = messages;
        this.clock = clock;
    }

    @PostMapping("/api/cases/bulk-steps")
    @PreAuthorize("hasAnyAuthority('case.dispatch', 'case.handle', 'case.verify')")
    @Operation(summary = "Take the same step on several cases (e.g. accept or dispatch a screenful): each case is checked as if alone, "
            + "so refused ones leave the others standing; 200 with one answer per case, in the order given")
    List<BulkAnswer> bulk(@RequestBody BulkStep body) {
        if (body == null) {
            throw new InvalidInput(Violation.of("action", "casework.required"));
        }
        CaseAction action = CaseAction.parse(body.action()).filter(a -> a.party().isPresent())
                .orElseThrow(() -> new InvalidInput(Violation.of("action", body.action() == null || body.action().isBlank()
                        ? "casework.required" : "casework.action-unknown", String.valueOf(body.action()))));
        var command = new Cases.Command(action, body.note(), body.department(), body.coHandlers(), null, null, null, null, null, null);
        return cases.actOnEach(body.ids(), command, Actor.current()).stream().map(this::answer).toList();
    }

    private BulkAnswer answer(Cases.BulkOutcome o) {
        return o.done() ? new BulkAnswer(o.caseId(), true, o.after().state().key(), null, null)
                : new BulkAnswer(o.caseId(), false, null, refusals.code(o.refusal()), refusals.message(o.refusal()));
    }

    @GetMapping("/api/cases/map")
    @PreAuthorize("hasAuthority('case.read')")
    @Operation(summary = "Open cases with a location, as a GeoJSON FeatureCollection (newest first, at most 2,000; "
            + "'unlocated' counts open cases without coordinates, 'truncated' says more were left out)")
    Map<String, Object> map(@RequestParam(required = false) Boolean overdue, @RequestParam(required = false) String category) {
        var locale = LocaleContextHolder.getLocale();
        Map<String, Category> categories = catalogue.categories().stream().collect(Collectors.toMap(Category::code, Function.identity()));
        Map<String, Department> departments = catalogue.departments().stream().collect(Collectors.toMap(Department::code, Function.identity()));
        var now = clock.instant();
        CaseQueries.OnMap found = queries.onMap(overdue, category, Actor.current());
        var features = found.cases().stream().map(c -> feature(c, categories, departments, now, locale)).toList();
        var answer = new LinkedHashMap<String, Object>();
        answer.put("type", "FeatureCollection");
        answer.put("features", features);
        answer.put("unlocated", found.unlocated());
        answer.put("truncated", found.truncated());
        return answer;
    }

    private Map<String, Object> feature(Case c, Map<String, Category> categories, Map<String, Department> departments,
                                        java.time.Instant now, java.util.Locale locale) {
        var properties = new LinkedHashMap<String, Object>();
        properties.put("id", c.id());
        properties.put("category", categories.containsKey(c.category()) ? categories.get(c.category()).name(locale) : c.category());
        properties.put("description", c.description().length() > 80 ? c.description().substring(0, 80) + "…" : c.description());
        properties.put("state", c.state().key());
        properties.put("stateName", messages.getMessage("casework.state." + c.state().key(), null, c.state().key(), locale));
        properties.put("lead", c.leadDepartment() == null ? null
                : departments.containsKey(c.leadDepartment()) ? departments.get(c.leadDepartment()).name(locale) : c.leadDepartment());
        properties.put("deadline", c.deadline());
        properties.put("overdue", c.overdue(now));
        properties.put("escalation", c.escalation());
        properties.put("pending", c.pending().name());
        return Map.of("type", "Feature", "geometry", Map.of("type", "Point", "coordinates", List.of(c.lon(), c.lat())),
                "properties", properties);
    }
}
