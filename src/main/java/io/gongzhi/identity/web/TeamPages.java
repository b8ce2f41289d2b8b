package io.gongzhi.identity.web;

import io.gongzhi.geography.Hierarchy;
import io.gongzhi.identity.Accounts;
import io.gongzhi.platform.NavigationItem;
import io.gongzhi.shared.Actor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.Set;

/** The staff working inside one's own area (one team): who a dispatcher or community can call on. {@link TeamApi} is its twin. */
@Controller
@PreAuthorize("hasAuthority('team.read')")
class TeamPages {

    private final Accounts accounts;
    private final Hierarchy hierarchy;

    TeamPages(Accounts accounts, Hierarchy hierarchy) {
        this.accounts = accounts;
        this.hierarchy = hierarchy;
    }

    @GetMapping("/team")
    String team(Model model) {
        model.addAttribute("members", accounts.team(Actor.current().jurisdiction(), 1000));
        model.addAttribute("placeNames", new AccountPages.PlaceNames(hierarchy));
        return "identity/team";
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {
        @Bean
        NavigationItem teamNavigation() {
            return new NavigationItem("nav.team", "/team", 20, Set.of("team.read"), 7);
        }
    }
}
