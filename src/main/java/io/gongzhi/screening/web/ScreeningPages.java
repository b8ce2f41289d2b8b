package io.gongzhi.screening.web;

import io.gongzhi.geography.Level;
import io.gongzhi.platform.NavigationItem;
import io.gongzhi.screening.internal.Campaigns;
import io.gongzhi.screening.internal.Coverage;
import io.gongzhi.screening.internal.FormPresets;
import io.gongzhi.screening.internal.Rounds;
import io.gongzhi.shared.Actor;
import io.gongzhi.shared.InvalidInput;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The screening pages: the campaigns of one's places (and, for a planner, the form to plan one
 * from a preset visit form); a campaign's rounds with the coverage of the place looked at and of
 * each of its children, walked down by name; and the phone page where a grid worker visits the
 * households of a grid or compound, which keeps the visits on the phone until they are sent.
 */
@Controller
class ScreeningPages {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Campaigns campaigns;
    private final Rounds rounds;
    private final Coverage coverage;

    ScreeningPages(Campaigns campaigns, Rounds rounds, Coverage coverage) {
        this.campaigns = campaigns;
        this.rounds = rounds;
        this.coverage = coverage;
    }

    @GetMapping("/screening")
    @PreAuthorize("hasAuthority('screening.read')")
    String list(Model model) {
        Actor actor = Actor.current();
        var list = campaigns.visible(actor, 50);
        model.addAttribute("campaigns", list);
        model.addAttribute("latest", list.stream().filter(c -> !c.rounds().isEmpty())
                .collect(java.util.stream.Collectors.toMap(Campaigns.Campaign::id, c -> coverage.view(last(c).id(), null, actor).totals())));
        model.addAttribute("plannable", campaigns.plannable(actor));
        model.addAttribute("presets", FormPresets.NAMES);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
            model.addAttribute("typed", Map.of());
        }
        return "screening/campaigns";
    }

    @PostMapping("/screening/campaigns")
    @PreAuthorize("hasAuthority('screening.plan')")
    String plan(@RequestParam(required = false) String unit, @RequestParam(required = false) String name,
                @RequestParam(required = false) String preset, Model model) {
        try {
            var form = FormPresets.of(preset, LocaleContextHolder.getLocale());
            if (form == null) {
                throw new InvalidInput(io.gongzhi.shared.Violation.of("preset", "screening.preset-unknown"));
            }
            long id = campaigns.plan(new Campaigns.Plan(unit, name, form), Actor.current()).id();
            return "redirect:/screening/campaigns/" + id + "?done=planned";
        } catch (InvalidInput invalid) {
            model.addAttribute("errors", invalid.byField());
            model.addAttribute("typed", Map.of("unit", unit == null ? "" : unit, "name", name == null ? "" : name, "preset", preset == null ? "" : preset));
            return list(model);
        }
    }

    @GetMapping("/screening/campaigns/{id}")
    @PreAuthorize("hasAuthority('screening.read')")
    String campaign(@PathVariable long id, @RequestParam(required = false) Long round, @RequestParam(required = false) String unit, Model model) {
        Actor actor = Actor.current();
        var campaign = campaigns.get(id, actor);
        model.addAttribute("campaign", campaign);

        model.addAttribute("canPlan", !campaigns.plannable(actor).isEmpty() && actor.may("screening.plan"));
        model.addAttribute("canVisit", actor.may("screening.visit"));
        LocalDate today = campaigns.today();
        model.addAttribute("today", today);
        Rounds.Round shown = campaign.rounds().stream().filter(r -> round != null && r.id() == round).findFirst()
                .orElse(campaign.rounds().isEmpty() ? null : last(campaign));
        model.addAttribute("round", shown);
        // the form the round shown asks (a later version serves only the rounds opened after it)
        model.addAttribute("form", shown == null ? campaigns.currentForm(id, actor) : campaigns.form(id, shown.formVersion()));
        model.addAttribute("view", shown == null ? null : coverage.view(shown.id(), unit, actor));
        Rounds.Round previous = campaign.rounds().isEmpty() ? null : last(campaign);
        LocalDate next = previous == null || previous.endsOn().isBefore(today) ? today : previous.endsOn().plusDays(1);
        model.addAttribute("nextStart", next);
        model.addAttribute("nextEnd", next.plusDays(3));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "screening/campaign";
    }

    @PostMapping("/screening/campaigns/{id}/rounds")
    @PreAuthorize("hasAuthority('screening.plan')")
    String open(@PathVariable long id, @RequestParam(required = false) String startsOn, @RequestParam(required = false) String endsOn, Model model) {
        try {
            var r = rounds.open(id, new Rounds.Schedule(day(startsOn), day(endsOn)), Actor.current());
            return "redirect:/screening/campaigns/" + id + "?round=" + r.id() + "&done=opened";
        } catch (InvalidInput invalid) {
            model.addAttribute("errors", invalid.byField());
            return campaign(id, null, null, model);
        }
    }

    private static LocalDate day(String text) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * The phone page of a round: with a grid or compound, its households to visit and the visit
     * form (kept on the phone, sent when there is a connection); above that, the places below to
     * choose from.
     */
    @GetMapping("/screening/rounds/{id}/visit")
    @PreAuthorize("hasAuthority('screening.visit')")
    String visit(@PathVariable long id, @RequestParam(required = false) String unit, Model model) {
        Actor actor = Actor.current();
        var round = rounds.get(id, actor);
        var campaign = campaigns.get(round.campaignId(), actor);
        var view = coverage.view(id, unit, actor);
        model.addAttribute("campaign", campaign);
        model.addAttribute("round", round);
        model.addAttribute("view", view);
        LocalDate today = campaigns.today();
        model.addAttribute("running", round.runsOn(today));
        // visits are recorded only on the round's days: before or after them the phone would keep them for nothing
        boolean walkable = round.runsOn(today) && (view.unit().level() == Level.GRID || view.unit().level() == Level.COMPOUND);
        model.addAttribute("walkable", walkable);
        if (walkable) {
            List<Coverage.Task> tasks = coverage.tasks(id, view.unit().code(), actor);
            model.addAttribute("tasks", tasks);
            // inside a script element: no "<" may close it, whatever a planner wrote in a label
            model.addAttribute("formJson", JSON.writeValueAsString(campaigns.form(round.campaignId(), round.formVersion())).replace("<", "\\u003c"));
            model.addAttribute("today", today);
            model.addAttribute("user", actor.username());
        }
        return "screening/visit";
    }

    private static Rounds.Round last(Campaigns.Campaign c) {
        return c.rounds().get(c.rounds().size() - 1);
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {
        @Bean
        NavigationItem screeningNavigation() {
            return new NavigationItem("nav.screening", "/screening", 17, Set.of("screening.read"), 5);
        }
    }
}
