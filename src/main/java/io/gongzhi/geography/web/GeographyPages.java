package io.gongzhi.geography.web;

import io.gongzhi.shared.Actor;
import org.springframework.security.access.prepost.PreAuthorize;
import io.gongzhi.geography.Hierarchy;
import io.gongzhi.platform.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Set;

/**
 * The geography page: a search box, a lazily opened tree and a map that drills down from
 * the city to grids and compounds. Tree and search answer HTML fragments for htmx.
 */
@Controller
@PreAuthorize("hasAuthority('geography.read')")
class GeographyPages {

    private final Hierarchy hierarchy;

    GeographyPages(Hierarchy hierarchy) {
        this.hierarchy = hierarchy;
    }

    @GetMapping("/geo")
    String page(@RequestParam(required = false) String unit, Model model) {
        var jurisdiction = Actor.current().jurisdiction();
        model.addAttribute("roots", hierarchy.roots(jurisdiction));
        model.addAttribute("focus", unit == null ? null : hierarchy.unit(unit, jurisdiction));
        return "geography/map";
    }

    @GetMapping("/geo/tree/{code}")
    String tree(@PathVariable String code, Model model) {
        model.addAttribute("units", hierarchy.children(code, Actor.current().jurisdiction()));
        return "geography/map :: tree";
    }

    @GetMapping("/geo/search")
    String search(@RequestParam(name = "q", defaultValue = "") String text, Model model) {
        model.addAttribute("results", hierarchy.search(text, 20, Actor.current().jurisdiction()));
        model.addAttribute("q", text);
        return "geography/map :: results";
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {
        @Bean
        NavigationItem geographyNavigation() {
            return new NavigationItem("nav.geography", "/geo", 10, Set.of("geography.read"), 8);
        }
    }
}
