package io.gongzhi.emergency.web;

import io.gongzhi.emergency.ResponseLevel;
import io.gongzhi.emergency.internal.Responses;
import io.gongzhi.geography.Hierarchy;
import io.gongzhi.geography.Unit;
import io.gongzhi.platform.NavigationItem;
import io.gongzhi.shared.Actor;
import io.gongzhi.shared.InvalidInput;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The emergency page: the responses over the reader's places and inside them, each with its level,
 * reason and history; for a city's or district's committee, the form to declare one for its own
 * unit, and on its own response in force the level to change and the stand-down.
 */
@Controller
class EmergencyPages {

    private final Responses responses;
    private final Hierarchy hierarchy;

    EmergencyPages(Responses responses, Hierarchy hierarchy) {
        this.responses = responses;
        this.hierarchy = hierarchy;
    }

    /** A response as the page shows it: its unit by name with the places above, whether the reader may change it, its history. */
    record Shown(Responses.Response response, String name, String where, boolean own, List<Responses.Change> history) {
    }

    @GetMapping("/emergency")
    @PreAuthorize("hasAuthority('emergency.read')")
    String page(Model model) {
        Actor actor = Actor.current();
        var visible = responses.visibleTo(actor.jurisdiction(), true, 50);
        var own = responses.declarable(actor);
        Set<String> ownCodes = own.stream().map(Unit::code).collect(Collectors.toSet());
        Map<String, String> names = hierarchy.displayNames(visible.stream().map(Responses.Response::unitCode).toList());
        var shown = visible.stream().map(r -> new Shown(r, names.getOrDefault(r.unitCode(), r.unitCode()), hierarchy.breadcrumb(r.unitCode(), false),
                ownCodes.contains(r.unitCode()) && r.inForce(), responses.history(r.id()))).toList();
        model.addAttribute("inForce", shown.stream().filter(s -> s.response().inForce()).toList());
        model.addAttribute("past", shown.stream().filter(s -> !s.response().inForce()).toList());
        Set<String> busy = shown.stream().filter(s -> s.response().inForce()).map(s -> s.response().unitCode()).collect(Collectors.toSet());
        model.addAttribute("declarable", own.stream().filter(u -> !busy.contains(u.code())).toList());
        model.addAttribute("levels", ResponseLevel.values());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
            model.addAttribute("typed", Map.of());
        }
        return "emergency/responses";
    }

    @PostMapping("/emergency/declare")
    @PreAuthorize("hasAuthority('emergency.declare')")
    String declare(@RequestParam(defaultValue = "") String unit, @RequestParam(defaultValue = "") String level,
                   @RequestParam(defaultValue = "") String reason, Model model) {
        try {
            responses.declare(unit, level, reason, Actor.current());
            return "redirect:/emergency?done=declared";
        } catch (InvalidInput invalid) {
            return again(model, invalid, "declare", Map.of("unit", unit, "level", level, "reason", reason));
        }
    }

    @PostMapping("/emergency/{id}/level")
    @PreAuthorize("hasAuthority('emergency.declare')")
    String level(@PathVariable long id, @RequestParam(defaultValue = "") String level, @RequestParam(defaultValue = "") String reason,
                 Model model) {
        try {
            responses.change(id, level, reason, Actor.current());
            return "redirect:/emergency?done=level";
        } catch (InvalidInput invalid) {
            return again(model, invalid, "level-" + id, Map.of("level", level, "reason", reason));
        }
    }

    @PostMapping("/emergency/{id}/stand-down")
    @PreAuthorize("hasAuthority('emergency.declare')")
    String standDown(@PathVariable long id, @RequestParam(defaultValue = "") String reason, Model model) {
        try {
            responses.standDown(id, reason, Actor.current());
            return "redirect:/emergency?done=stood-down";
        } catch (InvalidInput invalid) {
            return again(model, invalid, "stand-down-" + id, Map.of("reason", reason));
        }
    }

    /** The page again with the refused form's problems under its fields and what was typed kept. */
    private String again(Model model, InvalidInput invalid, String form, Map<String, String> typed) {
        model.addAttribute("errors", invalid.byField());
        model.addAttribute("errorsFor", form);
        model.addAttribute("typed", new LinkedHashMap<>(typed));
        return page(model);
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {
        @Bean
        NavigationItem emergencyNavigation() {
            return new NavigationItem("nav.emergency", "/emergency", 12, Set.of("emergency.read"));
        }
    }
}
