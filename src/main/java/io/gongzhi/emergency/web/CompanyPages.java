package io.gongzhi.emergency.web;

import io.gongzhi.emergency.internal.PropertyCompanies;
import io.gongzhi.geography.Hierarchy;
import io.gongzhi.geography.Level;
import io.gongzhi.geography.Unit;
import io.gongzhi.shared.Actor;
import io.gongzhi.shared.InvalidInput;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The property-service companies of one's places: who they are (their unified social credit code
 * checked), where registered, how many compounds they serve there and how many of their staff are
 * on duty rosters; the form to register one, and to bind one to the compounds of a grid it serves.
 * Reached from the duty rosters, whose compounds' staff they are.
 */
@Controller
class CompanyPages {

    private final PropertyCompanies companies;
    private final Hierarchy hierarchy;

    CompanyPages(PropertyCompanies companies, Hierarchy hierarchy) {
        this.companies = companies;
        this.hierarchy = hierarchy;
    }

    @GetMapping("/emergency/companies")
    @PreAuthorize("hasAuthority('emergency.read')")
    String list(@RequestParam(required = false) String grid, Model model) {
        Actor actor = Actor.current();
        var visible = companies.visible(actor);
        model.addAttribute("companies", visible);
        model.addAttribute("places", hierarchy.displayNames(visible.stream().map(c -> io.gongzhi.shared.RegionPath.of(c.placePath()).code()).toList()));
        model.addAttribute("canManage", actor.may("roster.manage"));
        // where a company may be registered: one's own places and the divisions one level below
        var registrable = new ArrayList<Unit>();
        for (Unit root : hierarchy.roots(actor.jurisdiction())) {
            if (root.level().isDivision()) {
                registrable.add(root);
                hierarchy.children(root.code()).stream().filter(u -> u.current() && u.level().isDivision()).forEach(registrable::add);
            }
        }
        model.addAttribute("registrable", registrable);
        // the compounds of one grid to bind, picked by name
        Unit chosen = grid == null || grid.isBlank() ? null : grid(grid.strip(), actor);
        model.addAttribute("gridUnknown", grid != null && !grid.isBlank() && chosen == null);
        model.addAttribute("grid", chosen);
        var compounds = chosen != null ? hierarchy.children(chosen.code()).stream().filter(Unit::current).toList() : List.<Unit>of();
        model.addAttribute("compounds", compounds);
        // who serves each already, so a binding is not made twice by mistake
        var servedBy = new java.util.HashMap<String, String>();
        compounds.forEach(u -> servedBy.put(u.code(), String.join("、", companies.serving(u.code()).stream().map(PropertyCompanies.Company::name).toList())));
        model.addAttribute("servedBy", servedBy);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
            model.addAttribute("typed", Map.of());
        }
        return "emergency/companies";
    }

    @PostMapping("/emergency/companies")
    @PreAuthorize("hasAuthority('roster.manage')")
    String register(@RequestParam MultiValueMap<String, String> params, Model model) {
        try {
            companies.register(params.getFirst("name"), params.getFirst("creditCode"), params.getFirst("place"), Actor.current());
            return "redirect:/emergency/companies?done=registered";
        } catch (InvalidInput invalid) {
            model.addAttribute("errors", invalid.byField());
            model.addAttribute("typed", DirectivePages.typed(params));
            return list(null, model);
        }
    }

    /** A grid of the reader's places by its code or its name; null when there is none. */
    private Unit grid(String text, Actor actor) {
        try {
            Unit unit = hierarchy.unit(text, actor.jurisdiction());
            return unit.level() == Level.GRID ? unit : null;
        } catch (io.gongzhi.shared.NotFound notCode) {
            return hierarchy.search(text, 20, actor.jurisdiction()).stream().filter(u -> u.level() == Level.GRID && u.current()).findFirst().orElse(null);
        }
    }

    @PostMapping("/emergency/companies/bind")
    @PreAuthorize("hasAuthority('roster.manage')")
    String bind(@RequestParam(defaultValue = "0") long company, @RequestParam(required = false) List<String> compounds,
                @RequestParam(defaultValue = "") String grid, Model model) {
        long id = company;
        try {
            int added = companies.bind(id, compounds == null ? List.of() : compounds, Actor.current());
            return "redirect:/emergency/companies?done=bound&count=" + added;
        } catch (InvalidInput invalid) {
            model.addAttribute("errors", invalid.byField());
            model.addAttribute("typed", Map.of("company", String.valueOf(id)));
            return list(grid, model);
        }
    }
}
