package io.gongzhi.identity.web;

import io.gongzhi.identity.Accounts;
import io.gongzhi.identity.Role;
import io.gongzhi.shared.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** {@code GET /api/me}: the signed-in account, for clients that need to know who they act as. */
@RestController
@Tag(name = "identity")
class MeController {

    private final Accounts accounts;

    MeController(Accounts accounts) {
        this.accounts = accounts;
    }

    record Me(String username, String displayName, List<Role> roles, String language) {
    }

    @GetMapping("/api/me")
    @Operation(summary = "The signed-in account: username, display name, roles and the language pages are shown in")
    Me me(Authentication authentication) {
        var account = accounts.find(authentication.getName())
                .orElseThrow(() -> new NotFound("account.not-found", "account"));
        return new Me(account.username(), account.displayName(),
                account.roles().stream().sorted().toList(), LocaleContextHolder.getLocale().toLanguageTag());
    }
}
