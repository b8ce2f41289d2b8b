package io.gongzhi.identity.web;

import io.gongzhi.geography.Hierarchy;
import io.gongzhi.identity.Account;
import io.gongzhi.identity.internal.AccountForm;
import io.gongzhi.identity.Accounts;
import io.gongzhi.identity.DepartmentDirectory;
import org.springframework.context.i18n.LocaleContextHolder;
import io.gongzhi.identity.Role;
import io.gongzhi.identity.internal.Passwords;
import io.gongzhi.platform.NavigationItem;
import io.gongzhi.shared.InvalidInput;
import io.gongzhi.shared.Jurisdiction;
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

import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The system administrator's account pages: find, create, edit roles and places, disable,
 * unlock, reset a password, demand a second factor. The same actions are in {@link AccountsApi}.
 */
@Controller
@PreAuthorize("hasAuthority('accounts.manage')")
class AccountPages {

    private final Accounts accounts;
    private final Hierarchy hierarchy;
    private final Clock clock;

    private final org.springframework.beans.factory.ObjectProvider<DepartmentDirectory> departments;

    AccountPages(Accounts accounts, Hierarchy hierarchy, Clock clock, org.springframework.beans.factory.ObjectProvider<DepartmentDirectory> departments) {
        this.departments = departments;
        this.accounts = accounts;
        this.hierarchy = hierarchy;
        this.clock = clock;
    }

    @GetMapping("/admin/accounts")
    String list(@RequestParam(defaultValue = "") String q, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("accounts", accounts.search(q, 200));
        model.addAttribute("now", clock.instant());
        model.addAttribute("form", new AccountForm("", "", Set.of(), Set.of(), Set.of()));
        return common(model, "identity/accounts");
    }

    @PostMapping("/admin/accounts")
    String create(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String displayName,
                  @RequestParam(required = false) List<String> roles, @RequestParam(defaultValue = "") String units,
                  @RequestParam(defaultValue = "") String departments, Model model) {
        var form = new AccountForm(username.strip(), displayName, roles(roles), codes(units), codes(departments));
        try {
            String password = Passwords.generate();
            Account created = accounts.createWithHandedOverPassword(form, password);
            model.addAttribute("password", password);
            model.addAttribute("done", "accounts.created");
            return detail(created, model);
        } catch (InvalidInput invalid) {
            model.addAttribute("errors", invalid.byField());
            model.addAttribute("form", form);
            model.addAttribute("q", "");
            model.addAttribute("accounts", accounts.search("", 200));
            model.addAttribute("now", clock.instant());
            return common(model, "identity/accounts");
        }
    }

    @GetMapping("/admin/accounts/{id}")
    String one(@PathVariable long id, Model model) {
        return detail(accounts.byId(id), model);
    }

    @PostMapping("/admin/accounts/{id}")
    String update(@PathVariable long id, @RequestParam(defaultValue = "") String displayName,
                  @RequestParam(required = false) List<String> roles, @RequestParam(defaultValue = "") String units,
                  @RequestParam(defaultValue = "") String departments, Model model) {
        Account account = accounts.byId(id);
        var form = new AccountForm(account.username(), displayName, roles(roles), codes(units), codes(departments));
        try {
            model.addAttribute("done", "accounts.saved");
            return detail(accounts.update(id, form), model);
        } catch (InvalidInput invalid) {
            model.addAttribute("done", null);
            model.addAttribute("errors", invalid.byField());
            model.addAttribute("form", form);
            model.addAttribute("account", account);
            return common(model, "identity/account");
        }
    }

    @PostMapping("/admin/accounts/{id}/{action}")
    String act(@PathVariable long id, @PathVariable String action, Model model) {
        Account account = accounts.byId(id);
        try {
            switch (action) {
                case "enable" -> account = accounts.setEnabled(id, true);
                case "disable" -> account = accounts.setEnabled(id, false);
                case "unlock" -> account = accounts.unlock(id);
                case "require-second-factor" -> account = accounts.requireSecondFactor(id, !account.secondFactorRequired());
                case "reset-password" -> model.addAttribute("password", accounts.resetPassword(account.username()));
                default -> throw new NotFound("page.not-found", action);
            }
            model.addAttribute("done", "accounts.done." + action);
        } catch (InvalidInput invalid) {
            model.addAttribute("errors", invalid.byField());
        }
        return detail(accounts.byId(account.id()), model);
    }

    /** The place picker: units matching the text, to add to the account's places. */
    @GetMapping("/admin/accounts/units")
    String units(@RequestParam(defaultValue = "") String q, Model model) {
        model.addAttribute("results", hierarchy.search(q, 12, Jurisdiction.EVERYWHERE));
        model.addAttribute("placeNames", new PlaceNames(hierarchy));
        return "identity/account :: picked";
    }

    private String detail(Account account, Model model) {
        model.addAttribute("account", account);
        model.addAttribute("form", new AccountForm(account.username(), account.displayName(), account.roles(),
                account.units(), account.departments()));
        model.addAttribute("now", clock.instant());
        return common(model, "identity/account");
    }

    private String common(Model model, String view) {
        model.addAttribute("allRoles", Role.values());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        model.addAttribute("placeNames", new PlaceNames(hierarchy));
        // departments by name when their module offers them; else the form takes codes
        var directory = departments.getIfAvailable();
        if (directory != null) {
            var list = directory.departments(LocaleContextHolder.getLocale());
            model.addAttribute("departmentList", list);
            model.addAttribute("departmentCodes", list.stream().map(DepartmentDirectory.Department::code).collect(Collectors.toSet()));
        }
        return view;
    }

    /** Unit codes with their names for display; unknown codes show as they are. */
    record PlaceNames(Hierarchy hierarchy) {
        public String of(String code) {
            if (Account.EVERY_PLACE.equals(code)) {
                return "*";
            }
            try {
                var chain = hierarchy.chain(code);
                return chain.stream().skip(Math.max(0, chain.size() - 2)).map(u -> u.displayName()).collect(Collectors.joining(" · "))
                        + " (" + code + ")";
            } catch (NotFound e) {
                return code;
            }
        }

        /** The places above a unit: 武侯区 › 玉林街道. */
        public String where(String code) {
            return hierarchy.breadcrumb(code, false);
        }
    }

    static Set<Role> roles(List<String> names) {
        var roles = EnumSet.noneOf(Role.class);
        if (names != null) {
            names.forEach(n -> Role.parse(n).ifPresent(roles::add));
        }
        return roles;
    }

    static Set<String> codes(String text) {
        return Arrays.stream(text.split("[\\s,，;；]+")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {
        @Bean
        NavigationItem accountsNavigation() {
            return new NavigationItem("nav.accounts", "/admin/accounts", 70, Set.of("accounts.manage"), 3);
        }

        @Bean
        NavigationItem policyNavigation() {
            return new NavigationItem("nav.policy", "/admin/policy", 72, Set.of("policy.manage"), 4);
        }

        @Bean
        NavigationItem myAccountNavigation() {
            return new NavigationItem("nav.my-account", "/account", 95, Set.of());
        }
    }
}
