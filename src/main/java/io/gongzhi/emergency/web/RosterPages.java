package io.gongzhi.emergency.web;

import io.gongzhi.emergency.internal.DutyRosters;
import io.gongzhi.emergency.internal.PropertyCompanies;
import io.gongzhi.geography.Hierarchy;
import io.gongzhi.geography.Level;
import io.gongzhi.geography.Unit;
import io.gongzhi.platform.NavigationItem;
import io.gongzhi.shared.Actor;
import io.gongzhi.shared.InvalidInput;
import io.gongzhi.shared.NotFound;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The duty roster of a unit (who receives for it, whom to call), its children to walk down to, the
 * form to put someone on it; a contact's full number on a tap, with a reason.
 */
@Controller
class RosterPages {

    private final DutyRosters rosters;
    private final PropertyCompanies companies;
    private final Hierarchy hierarchy;

    RosterPages(DutyRosters rosters, PropertyCompanies companies, Hierarchy hierarchy) {
        this.rosters = rosters;
        this.companies = companies;
        this.hierarchy = hierarchy;
    }

    @GetMapping("/emergency/roster")
    @PreAuthorize("hasAuthority('emergency.read')")
    String roster(@RequestParam(required = false) String unit, Model model) {
        Actor actor = Actor.current();
        Unit place = unit == null || unit.isBlank() ? hierarchy.roots(actor.jurisdiction()).stream().findFirst()
                .orElseThrow(() -> new NotFound("geography.unit-not-found", "no place")) : hierarchy.unit(unit.strip(), actor.jurisdiction());
        model.addAttribute("unit", place);
        model.addAttribute("contacts", rosters.of(place.code(), actor));
        model.addAttribute("chain", hierarchy.chain(place.code()).stream().filter(u -> actor.jurisdiction().covers(u.path())).toList());
        var children = hierarchy.children(place.code()).stream().filter(Unit::current).toList();
        model.addAttribute("children", children);
        model.addAttribute("sizes", rosters.sizes(children.stream().map(Unit::code).toList()));
        model.addAttribute("duties", Arrays.stream(DutyRosters.Duty.values()).filter(d -> d.fits(place.level())).toList());
        model.addAttribute("companies", place.level() == Level.COMPOUND ? companies.serving(place.code()) : List.of());
        model.addAttribute("canManage", actor.may("roster.manage"));
        model.addAttribute("canUnmask", actor.may("roster.unmask"));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
            model.addAttribute("typed", Map.of());
        }
        return "emergency/roster";
    }

    @PostMapping("/emergency/roster")
    @PreAuthorize("hasAuthority('roster.manage')")
    String add(@RequestParam(defaultValue = "") String unit, @RequestParam(defaultValue = "") String duty,
               @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String phone,
               @RequestParam(defaultValue = "") String username, @RequestParam(required = false) Long company, Model model) {
        try {
            rosters.add(new DutyRosters.Entry(unit, duty, name, phone, username, company), Actor.current());
            return "redirect:/emergency/roster?unit=" + unit.strip() + "&done=added";
        } catch (InvalidInput invalid) {
            model.addAttribute("errors", invalid.byField());
            var typed = new LinkedHashMap<String, Object>();
            typed.put("duty", duty);
            typed.put("name", name);
            typed.put("phone", phone);
            typed.put("username", username);
            model.addAttribute("typed", typed);
            return roster(unit, model);
        }
    }

    @PostMapping("/emergency/roster/{id}/remove")
    @PreAuthorize("hasAuthority('roster.manage')")
    String remove(@PathVariable long id, @RequestParam(defaultValue = "") String unit) {
        rosters.remove(id, Actor.current());
        return "redirect:/emergency/roster?unit=" + unit.strip() + "&done=removed";
    }

    /** The number in full, shown once on the page the caller came from (a roster or a directive's progress). */
    @PostMapping("/emergency/roster/{id}/phone")
    @PreAuthorize("hasAuthority('roster.unmask')")
    String phone(@PathVariable long id, @RequestParam(defaultValue = "") String reason, @RequestParam(defaultValue = "") String back,
                 RedirectAttributes redirect) {
        String to = back.matches("/emergency/(roster|directives/\\d+)(\\?[\\w=&.%-]*)?") ? back : "/emergency/roster";
        try {
            redirect.addFlashAttribute("revealed", Map.of(id, rosters.phone(id, reason, Actor.current())));
        } catch (InvalidInput invalid) {
            redirect.addFlashAttribute("revealError", id);
        }
        return "redirect:" + to;
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {
        @Bean
        NavigationItem rosterNavigation() {
            return new NavigationItem("nav.roster", "/emergency/roster", 14, Set.of("roster.manage"));
        }
    }
}
