package io.gongzhi.identity.web;

import io.gongzhi.identity.Accounts;
import io.gongzhi.identity.Role;
import io.gongzhi.shared.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The staff working inside the caller's jurisdiction: who a dispatcher can call on. */
@RestController
@Tag(name = "identity")
class TeamApi {

    private final Accounts accounts;

    TeamApi(Accounts accounts) {
        this.accounts = accounts;
    }

    record Member(String username, String displayName, List<Role> roles, List<String> units) {
    }

    @GetMapping("/api/identity/team")
    @PreAuthorize("hasAuthority('team.read')")
    @Operation(summary = "Staff accounts bound to a place inside the caller's jurisdiction (at most 1000)")
    List<Member> team() {
        return accounts.team(Actor.current().jurisdiction(), 1000).stream()
                .map(a -> new Member(a.username(), a.displayName(), a.roles().stream().sorted().toList(), a.units().stream().sorted().toList()))
                .toList();
    }
}
