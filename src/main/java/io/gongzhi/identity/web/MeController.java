package io.gongzhi.identity.web;

import io.gongzhi.identity.internal.ApiToken;
import io.gongzhi.identity.internal.ApiTokens;
import io.gongzhi.identity.Accounts;
import io.gongzhi.identity.internal.Permission;
import io.gongzhi.shared.Actor;
import io.gongzhi.shared.InvalidInput;
import io.gongzhi.shared.Violation;
import io.gongzhi.shared.RegionPath;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** {@code /api/me}: the signed-in account, its password and its API tokens. */
@RestController
@Tag(name = "identity")
class MeController {

    private final Accounts accounts;
    private final ApiTokens tokens;

    MeController(Accounts accounts, ApiTokens tokens) {
        this.accounts = accounts;
        this.tokens = tokens;
    }

    record Me(String username, String displayName, List<String> roles, List<String> permissions,
              List<String> jurisdiction, List<String> departments, String language) {
    }

    record PasswordChange(String current, String password) {
    }

    record TokenRequest(String name, Set<String> permissions, Integer days) {
    }

    @GetMapping("/api/me")
    @Operation(summary = "The caller: username, display name, roles, permissions, the places and departments it may see, and the language pages are shown in")
    Me me() {
        Actor actor = Actor.current();
        var account = accounts.byId(actor.accountId());
        return new Me(account.username(), account.displayName(), actor.roles().stream().sorted().toList(),
                actor.permissions().stream().sorted().toList(),
                actor.jurisdiction().paths().stream().map(RegionPath::value).sorted().toList(),
                actor.jurisdiction().departments().stream().sorted().toList(),
                LocaleContextHolder.getLocale().toLanguageTag());
    }

    @PostMapping("/api/me/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Change one's own password, giving the current one")
    void changePassword(@RequestBody PasswordChange change) {
        accounts.changePassword(Actor.current().accountId(), change.current(), change.password());
    }

    @GetMapping("/api/me/tokens")
    @Operation(summary = "One's API tokens (never the secrets)")
    List<ApiToken> tokens() {
        return tokens.of(Actor.current().accountId());
    }

    @PostMapping("/api/me/tokens")
    @PreAuthorize("hasAuthority('tokens.own')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A new API token limited to some of one's permissions, expiring after 1-365 days; the secret is answered once")
    ApiTokens.Issued issue(@RequestBody TokenRequest request) {
        var permissions = EnumSet.noneOf(Permission.class);
        var unknown = new ArrayList<Violation>();
        for (String p : request.permissions() == null ? Set.<String>of() : request.permissions()) {
            Permission.byAuthority(p).ifPresentOrElse(permissions::add,
                    () -> unknown.add(Violation.of("permissions", "token.permission-unknown", p)));
        }
        if (!unknown.isEmpty()) {
            throw new InvalidInput(unknown);
        }
        return tokens.issue(Actor.current().accountId(), request.name(), permissions, request.days() == null ? 90 : request.days());
    }

    @DeleteMapping("/api/me/tokens/{id}")
    @Operation(summary = "Revoke one of one's API tokens")
    ApiToken revoke(@PathVariable long id) {
        return tokens.revoke(Actor.current().accountId(), id);
    }
}
