package io.gongzhi.casework.web;

import io.gongzhi.casework.internal.NoticesOfActedCases;
import io.gongzhi.casework.CaseAction;
import io.gongzhi.casework.Cases;
import io.gongzhi.platform.Refusals;
import io.gongzhi.casework.Party;
import io.gongzhi.casework.internal.Catalogue;
import io.gongzhi.shared.Actor;
import io.gongzhi.shared.InvalidInput;
import io.gongzhi.shared.Violation;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.ArrayList;
import java.util.List;

/**
 * The dispatcher console's other two views: the same step on the cases ticked in the queue
 * (each checked as if alone; the queue then says what was done and what was refused and why),
 * and the open cases on a map.
 */
@Controller
class ConsolePages {

    /** The steps the queue offers in bulk; the viewer is offered those whose party's permission they hold. */
    static final List<CaseAction> BULK = List.of(CaseAction.ACCEPT, CaseAction.DISPATCH, CaseAction.REJECT, CaseAction.RECEIVE,
            CaseAction.CLOSE);

    static List<CaseAction> bulkFor(Actor actor) {
        return BULK.stream().filter(a -> a.party().flatMap(Party::permission).filter(actor::may).isPresent()).toList();
    }

    private final Cases cases;
    private final Catalogue catalogue;
    private final Refusals refusals;
    private final io.gongzhi.geography.Hierarchy hierarchy;
    private final NoticesOfActedCases acted;

    ConsolePages(Cases cases, Catalogue catalogue, Refusals refusals, io.gongzhi.geography.Hierarchy hierarchy, NoticesOfActedCases acted) {
        this.acted = acted;
        this.cases = cases;
        this.catalogue = catalogue;
        this.refusals = refusals;
        this.hierarchy = hierarchy;
    }

    @PostMapping("/cases/bulk")
    @PreAuthorize("hasAnyAuthority('case.dispatch', 'case.handle', 'case.verify')")
    String bulk(@RequestParam(required = false) List<Long> ids, @RequestParam(defaultValue = "") String action,
                @RequestParam(defaultValue = "") String department, @RequestParam(required = false) List<String> coHandlers,
                @RequestParam(defaultValue = "") String note, @RequestParam(required = false) String state, @RequestParam(required = false) Boolean overdue,
                @RequestParam(required = false) Boolean pending, @RequestParam(required = false) String category,
                RedirectAttributes flash) {
        Actor actor = Actor.current();
        String back = queue(state, overdue, pending, category);
        flash.addFlashAttribute("bulkNote", note);
        flash.addFlashAttribute("bulkAction", action);
        flash.addFlashAttribute("bulkDepartment", department);
        List<String> co = coHandlers == null ? List.of() : coHandlers.stream().filter(c -> c != null && !c.isBlank()).toList();
        flash.addFlashAttribute("bulkCoHandlers", co);
        try {
            if (ids == null || ids.isEmpty()) {
                throw new InvalidInput(Violation.of("ids", "cases.bulk.none-selected"));
            }
            CaseAction step = CaseAction.parse(action).filter(bulkFor(actor)::contains)
                    .orElseThrow(() -> new InvalidInput(Violation.of("action", "casework.action-unknown", action)));
            var outcomes = cases.actOnEach(ids, new Cases.Command(step, note, department, co, null, null, null, null, null, null), actor);
            acted.read(actor, outcomes.stream().filter(Cases.BulkOutcome::done).map(Cases.BulkOutcome::caseId).toList());
            var refused = new ArrayList<String>();
            outcomes.stream().filter(o -> !o.done()).forEach(o -> refused.add("#" + o.caseId() + " " + refusals.message(o.refusal())));
            flash.addFlashAttribute("bulkDone", outcomes.size() - refused.size());
            flash.addFlashAttribute("bulkRefused", refused);
            if (refused.isEmpty()) {
                flash.addFlashAttribute("bulkNote", "");
                flash.addFlashAttribute("bulkCoHandlers", List.of());
            }
        } catch (InvalidInput invalid) {
            flash.addFlashAttribute("bulkError", refusals.message(invalid));
            flash.addFlashAttribute("bulkChecked", ids == null ? List.of() : ids);
        }
        return "redirect:" + back;
    }

    /** The queue as it was filtered when the cases were ticked, to go back to. */
    private static String queue(String state, Boolean overdue, Boolean pending, String category) {
        var back = UriComponentsBuilder.fromPath("/cases");
        if (state != null && !state.isBlank()) {
            back.queryParam("state", state);
        }
        if (Boolean.TRUE.equals(overdue)) {
            back.queryParam("overdue", true);
        }
        if (Boolean.TRUE.equals(pending)) {
            back.queryParam("pending", true);
        }
        if (category != null && !category.isBlank()) {
            back.queryParam("category", category);
        }
        return back.toUriString();
    }

    @GetMapping("/cases/map")
    @PreAuthorize("hasAuthority('case.read')")
    String map(@RequestParam(required = false) Boolean overdue, @RequestParam(defaultValue = "") String category, Model model) {
        model.addAttribute("classes", catalogue.categories().stream().filter(k -> k.parentCode() == null).toList());
        model.addAttribute("overdue", Boolean.TRUE.equals(overdue));
        model.addAttribute("category", category);
        model.addAttribute("limit", io.gongzhi.casework.internal.CaseQueries.MAP_LIMIT);
        // the caller's own areas are drawn under the cases, so a dot has a street and a community around it
        var jurisdiction = Actor.current().jurisdiction();
        model.addAttribute("areas", jurisdiction.isEmpty() ? List.of() : hierarchy.roots(jurisdiction).stream()
                .filter(u -> jurisdiction.covers(u.path())).map(io.gongzhi.geography.Unit::code).limit(8).toList());
        return "casework/map";
    }
}
