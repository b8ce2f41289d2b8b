package io.gongzhi.identity.web;

import io.gongzhi.identity.internal.AccountForm;
import io.gongzhi.identity.Accounts;
import io.gongzhi.identity.Role;
import io.gongzhi.identity.internal.Passwords;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.List;
import java.util.Set;

/** Account administration for the system administrator: the REST twin of the accounts pages. */
@RestController
@RequestMapping("/api/identity/accounts")
@PreAuthorize("hasAuthority('accounts.manage')")
@Tag(name = "identity")
class AccountsApi {

    private final Accounts accounts;
    private final Clock clock;

    AccountsApi(Accounts accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    record Grants(String username, String displayName, Set<Role> roles, Set<String> units, Set<String> departments) {
        AccountForm form() {
            return new AccountForm(username, displayName, roles, units, departments);
        }
    }

    record Created(AccountView account, String password) {
    }

    record Password(String password) {
    }

    record Required(boolean required) {
    }

    @GetMapping
    @Operation(summary = "Accounts whose username or name contains q (all when empty), at most 200")
    List<AccountView> list(@RequestParam(defaultValue = "") String q) {
        return accounts.search(q, 200).stream().map(a -> AccountView.of(a, clock.instant())).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One account")
    AccountView one(@PathVariable long id) {
        return AccountView.of(accounts.byId(id), clock.instant());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A new account with roles, places (unit codes, * for all) and departments; answers its first password once, which its owner replaces at the first sign-in")
    Created create(@RequestBody Grants grants) {
        String password = Passwords.generate();
        return new Created(AccountView.of(accounts.createWithHandedOverPassword(grants.form(), password), clock.instant()), password);
    }

    @PutMapping("/{id}")
    @Operation(summary = "New display name, roles, places and departments (the username stays)")
    AccountView update(@PathVariable long id, @RequestBody Grants grants) {
        return AccountView.of(accounts.update(id, grants.form()), clock.instant());
    }

    @PostMapping("/{id}/disable")
    @Operation(summary = "Disable the account: it can no longer sign in or use its tokens")
    AccountView disable(@PathVariable long id) {
        return AccountView.of(accounts.setEnabled(id, false), clock.instant());
    }

    @PostMapping("/{id}/enable")
    @Operation(summary = "Enable the account again")
    AccountView enable(@PathVariable long id) {
        return AccountView.of(accounts.setEnabled(id, true), clock.instant());
    }

    @PostMapping("/{id}/unlock")
    @Operation(summary = "Lift a lock after too many failed sign-ins")
    AccountView unlock(@PathVariable long id) {
        return AccountView.of(accounts.unlock(id), clock.instant());
    }

    @PostMapping("/{id}/reset-password")
    @Operation(summary = "A new random password, answered once")
    Password resetPassword(@PathVariable long id) {
        return new Password(accounts.resetPassword(accounts.byId(id).username()));
    }

    @PostMapping("/{id}/second-factor-required")
    @Operation(summary = "Demand (or stop demanding) that the account sets up a second factor at its next sign-in")
    AccountView requireSecondFactor(@PathVariable long id, @RequestBody Required required) {
        return AccountView.of(accounts.requireSecondFactor(id, required.required()), clock.instant());
    }
}
