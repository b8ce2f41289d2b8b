package io.gongzhi.casework.web;

import io.gongzhi.casework.internal.NoticesOfActedCases;
import io.gongzhi.casework.internal.Attachments;
import io.gongzhi.casework.Case;
import io.gongzhi.casework.CaseAction;
import io.gongzhi.casework.internal.CaseQueries;
import io.gongzhi.casework.CaseState;
import io.gongzhi.casework.Cases;
import io.gongzhi.casework.internal.Catalogue;
import io.gongzhi.casework.internal.Category;
import io.gongzhi.casework.Channel;
import io.gongzhi.casework.internal.Department;
import io.gongzhi.casework.Rating;
import io.gongzhi.geography.Hierarchy;
import io.gongzhi.platform.NavigationItem;
import io.gongzhi.platform.Refusals;
import io.gongzhi.shared.Actor;
import io.gongzhi.shared.InvalidInput;
import io.gongzhi.shared.Jurisdiction;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The case loop's pages: the queue (dispatcher console, department inbox and community
 * verification queue are the same list seen through each one's scope and filters), a case with
 * its timeline and the steps the viewer may take now, the report form (a grid worker on a phone
 * or a resident), and "my reports" where the reporter rates or reopens.
 */
@Controller
class CasePages {

    private final Cases cases;
    private final CaseQueries queries;
    private final Catalogue catalogue;
    private final Hierarchy hierarchy;
    private final Clock clock;
    private final Attachments attachments;
    private final io.gongzhi.casework.internal.ReporterLinks reporterLinks;
    private final Refusals refusals;
    private final NoticesOfActedCases acted;
    private final StepActors stepActors;

    CasePages(Cases cases, CaseQueries queries, Catalogue catalogue, Hierarchy hierarchy, Clock clock, Attachments attachments,
              io.gongzhi.casework.internal.ReporterLinks reporterLinks, Refusals refusals, NoticesOfActedCases acted,
              StepActors stepActors) {
        this.acted = acted;
        this.stepActors = stepActors;
        this.refusals = refusals;
        this.attachments = attachments;
        this.reporterLinks = reporterLinks;
        this.cases = cases;
        this.queries = queries;
        this.catalogue = catalogue;
        this.hierarchy = hierarchy;
        this.clock = clock;
    }

    private void names(Model model) {
        // in the catalogue's order: classes, each followed by its categories
        model.addAttribute("categories", catalogue.categories().stream()
                .collect(Collectors.toMap(Category::code, Function.identity(), (a, b) -> a, java.util.LinkedHashMap::new)));
        model.addAttribute("departments", catalogue.departments().stream()
                .collect(Collectors.toMap(Department::code, Function.identity(), (a, b) -> a, java.util.LinkedHashMap::new)));
        model.addAttribute("departmentList", catalogue.departments().stream().filter(Department::active).toList());
        model.addAttribute("now", clock.instant());
        model.addAttribute("maxBytes", attachments.maxBytes());
        model.addAttribute("maxCount", attachments.maxCount());
    }

    @GetMapping("/cases")
    @PreAuthorize("hasAuthority('case.read')")
    String queue(@RequestParam(required = false) CaseState state, @RequestParam(required = false) Boolean overdue,
                 @RequestParam(required = false) Boolean pending, @RequestParam(defaultValue = "") String category,
                 @RequestParam(required = false) Boolean todo, @RequestParam(defaultValue = "") String within,
                 @RequestParam(defaultValue = "0") int page, Model model) {
        Actor actor = Actor.current();
        names(model);
        String place = PlaceFilter.path(hierarchy, actor.jurisdiction(), within);
        var cases = queries.list(new CaseQueries.Filter(state, overdue, null, category, null, pending, todo, place), actor, page, 50);
        model.addAttribute("page", cases);
        // each case's place by name: the unit it was reported in
        model.addAttribute("places", hierarchy.names(cases.cases().stream().map(c -> c.path().substring(c.path().lastIndexOf('/') + 1))
                .collect(java.util.stream.Collectors.toSet())));
        model.addAttribute("todo", Boolean.TRUE.equals(todo));
        model.addAttribute("states", CaseState.values());
        model.addAttribute("state", state);
        model.addAttribute("overdue", Boolean.TRUE.equals(overdue));
        model.addAttribute("pending", Boolean.TRUE.equals(pending));
        model.addAttribute("category", category);
        model.addAttribute("placeOptions", PlaceFilter.options(hierarchy, actor.jurisdiction()));
        model.addAttribute("within", place == null ? "" : within.strip());
        model.addAttribute("withinName", place == null ? "" : hierarchy.breadcrumb(within.strip(), true));
        model.addAttribute("bulkActions", ConsolePages.bulkFor(actor));
        return "casework/queue";
    }

    @GetMapping("/cases/{id}")
    @PreAuthorize("hasAuthority('case.read')")
    String one(@PathVariable long id, Model model) {
        return card(id, Actor.current(), false, model);
    }

    @GetMapping("/my/cases/{id}")
    @PreAuthorize("hasAuthority('case.report')")
    String mine(@PathVariable long id, Model model) {
        return card(id, CaseQueries.asReporter(Actor.current()), true, model);
    }

    private String card(long id, Actor actor, boolean own, Model model) {
        Case c = queries.get(id, actor);
        names(model);
        model.addAttribute("kase", c);
        model.addAttribute("own", own);
        model.addAttribute("place", hierarchy.chain(c.path().substring(c.path().lastIndexOf('/') + 1)).stream()
                .skip(1).map(u -> u.displayName()).collect(Collectors.joining(" › ")));
        var steps = queries.steps(id, actor);
        model.addAttribute("steps", steps);
        model.addAttribute("stepActors", stepActors.names(steps, org.springframework.context.i18n.LocaleContextHolder.getLocale()));
        var possible = cases.possible(c, actor);
        model.addAttribute("possible", possible);
        model.addAttribute("next", NextSteps.of(possible));
        model.addAttribute("similar", own || !possible.contains(CaseAction.MERGE) ? List.of()
                : queries.similar(c.category(), c.lon(), c.lat(), c.path(), c.reportedAt(), c.id(), actor));
        model.addAttribute("ratings", Rating.values());
        // the community's grids outlined around the point: staff who read the map through the map's API, a reporter through
        // the outlines the report form draws (names and outlines of places, nothing about people)
        boolean staffMap = actor.may("geography.read");
        model.addAttribute("outlineArea", staffMap || own ? outlineArea(c.path()) : "");
        model.addAttribute("outlineUrl", staffMap ? "/api/geo/units/CODE/children/boundaries" : "/cases/places/CODE/outlines");
        model.addAttribute("contact", own ? "" : reporterLinks.maskedContact(id).orElse(""));
        model.addAttribute("mediaUrl", queries.mediaUrls(List.of(id)).getOrDefault(id, ""));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "casework/case";
    }

    /** The community a case lies in (its path's fourth place), or the finest place above it. */
    private static String outlineArea(String path) {
        String[] parts = path.substring(1).split("/");
        return parts[Math.min(parts.length, 4) - 1];
    }

    @PostMapping({"/cases/{id}/steps", "/my/cases/{id}/steps"})
    @PreAuthorize("hasAnyAuthority('case.dispatch', 'case.handle', 'case.verify', 'case.report')")
    String step(@PathVariable long id, @RequestParam String action, @RequestParam(defaultValue = "") String note,
                @RequestParam(defaultValue = "") String department, @RequestParam(required = false) List<String> coHandlers,
                @RequestParam(required = false) List<String> departments, @RequestParam(required = false) Integer days,
                @RequestParam(required = false) Integer hours, @RequestParam(required = false) Rating rating,
                @RequestParam(required = false) Long parent, @RequestParam(required = false) Integer version,
                @RequestParam(name = Attachments.FIELD, required = false) List<MultipartFile> photos,
                jakarta.servlet.http.HttpServletRequest request, Model model) {
        boolean own = request.getRequestURI().contains("/my/cases/");
        Actor actor = own ? CaseQueries.asReporter(Actor.current()) : Actor.current();
        var taken = StepForms.take(action, a -> a.party().isPresent(), step -> cases.act(id, new Cases.Command(step, note, department,
                        coHandlers == null ? List.of() : coHandlers, departments == null ? List.of() : departments, days, hours, rating, parent,
                        version), actor, Uploads.of(photos)), model, refusals);
        if (taken.isEmpty()) {
            model.addAttribute("typedNote", note);
            return card(id, actor, own, model);
        }
        acted.read(actor, List.of(id));
        return "redirect:" + (own ? "/my/cases/" : "/cases/") + id + "?done=" + taken.get().key();
    }

    @GetMapping("/cases/new")
    @PreAuthorize("hasAuthority('case.report')")
    String form(Model model) {
        names(model);
        var places = places();
        model.addAttribute("places", places);
        // the form's map opens on the reporter's own area, or on the whole city for a resident
        model.addAttribute("mapArea", places.isEmpty() ? hierarchy.children(null).stream().map(io.gongzhi.geography.Unit::code)
                .findFirst().orElse(null) : places.get(0).code());
        // above a community the map opens district by district before a tap sets the pin
        model.addAttribute("mapDrills", places.isEmpty() || places.get(0).level().compareTo(io.gongzhi.geography.Level.COMMUNITY) < 0);
        // whoever reads the area's cases may report for someone else (as the report itself decides its channel)
        model.addAttribute("forSomeone", Actor.current().may("case.read"));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "casework/report";
    }

    /** The places a staff reporter works in (their own areas); residents pick none and give a point or a code. */
    private List<io.gongzhi.geography.Unit> places() {
        Jurisdiction j = Actor.current().jurisdiction();
        return j.isEverywhere() || j.isEmpty() ? List.of() : hierarchy.roots(j).stream().filter(u -> j.covers(u.path())).toList();
    }

    @PostMapping("/cases/new")
    @PreAuthorize("hasAuthority('case.report')")
    String report(@RequestParam(defaultValue = "") String category, @RequestParam(defaultValue = "") String description,
                  @RequestParam(required = false) Double lon, @RequestParam(required = false) Double lat,
                  @RequestParam(defaultValue = "") String place, @RequestParam(defaultValue = "") String address,
                  @RequestParam(defaultValue = "") String reporterName, @RequestParam(defaultValue = "") String contactPhone,
                  @RequestParam(name = Attachments.FIELD, required = false) List<MultipartFile> photos, Model model) {
        Actor actor = Actor.current();
        try {
            // one who reports but may not read the area's cases reports for themselves, as a resident
            Channel channel = actor.may("case.read") ? Channel.GRID : Channel.RESIDENT;
            Case c = cases.report(new Cases.Report(category, description, lon, lat, place.isBlank() ? null : place, address, channel,
                    channel == Channel.RESIDENT ? "" : reporterName, channel == Channel.RESIDENT ? null : contactPhone), actor, Uploads.of(photos));
            return "redirect:/my/cases/" + c.id() + "?done=report";
        } catch (InvalidInput invalid) {
            model.addAttribute("errors", invalid.byField());
            model.addAttribute("typed", Map.of("category", category, "description", description, "place", place, "address", address,
                    "lon", lon == null ? "" : lon, "lat", lat == null ? "" : lat, "reporterName", reporterName, "contactPhone", contactPhone));
            return form(model);
        }
    }

    @GetMapping("/my/cases")
    @PreAuthorize("hasAuthority('case.report')")
    String myReports(@RequestParam(defaultValue = "0") int page, Model model) {
        names(model);
        model.addAttribute("page", queries.list(new CaseQueries.Filter(null, null, null, null, true, null), CaseQueries.asReporter(Actor.current()), page, 50));
        return "casework/mine";
    }


    @Configuration(proxyBeanMethods = false)
    static class Navigation {
        @Bean
        NavigationItem casesNavigation() {
            return new NavigationItem("nav.cases", "/cases", 14, Set.of("case.read"), 3);
        }

        @Bean
        NavigationItem evaluationNavigation() {
            return new NavigationItem("nav.evaluation", "/cases/evaluation", 16, Set.of("case.evaluate"), 6);
        }

        @Bean
        NavigationItem myCasesNavigation() {
            return new NavigationItem("nav.my-cases", "/my/cases", 15, Set.of("case.report"), 4);
        }
    }
}
