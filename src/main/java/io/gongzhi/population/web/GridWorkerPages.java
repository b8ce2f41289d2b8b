package io.gongzhi.population.web;

import io.gongzhi.population.internal.CareGroups;
import io.gongzhi.population.internal.Residents;
import io.gongzhi.geography.Hierarchy;
import io.gongzhi.platform.NavigationItem;
import io.gongzhi.population.internal.Registry;
import io.gongzhi.shared.Actor;
import io.gongzhi.shared.Jurisdiction;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.Set;

/** The grid worker's phone page: their grid, who in a care group is due a visit, and a note for each visit. */
@Controller
class GridWorkerPages {

    private final Registry registry;
    private final Residents residents;
    private final CareGroups careGroups;
    private final Hierarchy hierarchy;

    GridWorkerPages(Registry registry, Residents residents, CareGroups careGroups, Hierarchy hierarchy) {
        this.registry = registry;
        this.residents = residents;
        this.careGroups = careGroups;
        this.hierarchy = hierarchy;
    }

    @GetMapping("/grid")
    @PreAuthorize("hasAuthority('person.write')")
    String grid(Model model) {
        Jurisdiction j = Actor.current().jurisdiction();
        model.addAttribute("places", hierarchy.roots(j).stream().filter(u -> j.covers(u.path())).toList());
        model.addAttribute("due", residents.visitsDue(j, 50));
        model.addAttribute("counts", residents.counts(j));
        model.addAttribute("careNames", careGroups.byCode());
        model.addAttribute("today", registry.today());
        return "population/grid";
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {
        @Bean
        NavigationItem gridNavigation() {
            return new NavigationItem("nav.grid", "/grid", 12, Set.of("person.write"), 2);
        }
    }
}
