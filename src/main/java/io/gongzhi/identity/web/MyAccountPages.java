package io.gongzhi.identity.web;

import io.gongzhi.identity.internal.ApiTokens;
import io.gongzhi.identity.Accounts;
import io.gongzhi.identity.internal.Permission;
import io.gongzhi.identity.internal.SecondFactors;
import io.gongzhi.identity.internal.SignedInUser;
import io.gongzhi.shared.Actor;
import io.gongzhi.shared.InvalidInput;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/** My account: who I am and where I work, my password, my second factor, my API tokens. */
@Controller
class MyAccountPages {

    private final Accounts accounts;
    private final ApiTokens tokens;
    private final SecondFactors factors;
    private final Clock clock;
    private final io.gongzhi.identity.Notices notices;

    private final io.gongzhi.geography.Hierarchy hierarchy;

    MyAccountPages(Accounts accounts, ApiTokens tokens, SecondFactors factors, Clock clock, io.gongzhi.identity.Notices notices,
                   io.gongzhi.geography.Hierarchy hierarchy) {
        this.hierarchy = hierarchy;
        this.notices = notices;
        this.accounts = accounts;
        this.tokens = tokens;
        this.factors = factors;
        this.clock = clock;
    }

    @GetMapping("/account")
    String page(Model model) {
        return page(model, null);
    }

    @PostMapping("/account/password")
    String password(@RequestParam(defaultValue = "") String current, @RequestParam(defaultValue = "") String password,
                    Model model) {
        try {
            accounts.changePassword(Actor.current().accountId(), current, password);
            return page(model, "my-account.password-changed");
        } catch (InvalidInput invalid) {
            model.addAttribute("errors", invalid.byField());
            return page(model, null);
        }
    }

    @GetMapping("/account/second-factor")
    String secondFactorForm(@AuthenticationPrincipal SignedInUser user, HttpSession session, Model model) {
        return SecondFactorController.setupPage(user, session, model, "/account/second-factor", "/account/second-factor/qr.svg");
    }

    @PostMapping("/account/second-factor")
    String secondFactor(@AuthenticationPrincipal SignedInUser user, @RequestParam(defaultValue = "") String code,
                        HttpSession session, Model model) {
        String secret = (String) session.getAttribute(SecondFactorController.PENDING_SECRET);
        if (secret == null) {
            return "redirect:/account/second-factor";
        }
        try {
            factors.enable(user.accountId(), secret, code);
        } catch (InvalidInput wrong) {
            model.addAttribute("wrong", true);
            return secondFactorForm(user, session, model);
        }
        session.removeAttribute(SecondFactorController.PENDING_SECRET);
        return page(model, "my-account.second-factor-on");
    }

    @GetMapping(value = "/account/second-factor/qr.svg", produces = "image/svg+xml")
    @ResponseBody
    ResponseEntity<String> qr(@AuthenticationPrincipal SignedInUser user, HttpSession session) {
        return SecondFactorController.qrOf(user, session);
    }

    @PostMapping("/account/second-factor/off")
    String secondFactorOff(Model model) {
        try {
            factors.disable(Actor.current().accountId());
            return page(model, "my-account.second-factor-off");
        } catch (InvalidInput invalid) {
            model.addAttribute("errors", invalid.byField());
            return page(model, null);
        }
    }

    @PostMapping("/account/tokens")
    String issue(@RequestParam(defaultValue = "") String name, @RequestParam(required = false) List<String> permissions,
                 @RequestParam(defaultValue = "90") String days, Model model) {
        var chosen = EnumSet.noneOf(Permission.class);
        if (permissions != null) {
            permissions.forEach(p -> Permission.byAuthority(p).ifPresent(chosen::add));
        }
        int validFor;
        try {
            validFor = Integer.parseInt(days.strip());
        } catch (NumberFormatException e) {
            validFor = -1;
        }
        try {
            var issued = tokens.issue(Actor.current().accountId(), name, chosen, validFor);
            model.addAttribute("issued", issued);
            return page(model, "my-account.token-issued");
        } catch (InvalidInput invalid) {
            model.addAttribute("errors", invalid.byField());
            return page(model, null);
        }
    }

    @PostMapping("/account/delivery")
    String delivery(@RequestParam(defaultValue = "") String phone, @RequestParam(defaultValue = "") String email,
                    @RequestParam(defaultValue = "false") boolean sms, @RequestParam(defaultValue = "false") boolean byEmail, Model model) {
        try {
            notices.setDelivery(Actor.current().accountId(), phone, email, sms, byEmail);
            return page(model, "delivery.saved");
        } catch (InvalidInput invalid) {
            model.addAttribute("deliveryErrors", invalid.byField());
            model.addAttribute("typedDelivery", Map.of("phone", phone, "email", email, "sms", sms, "byEmail", byEmail));
            return page(model, null);
        }
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revoke(@PathVariable long id, Model model) {
        tokens.revoke(Actor.current().accountId(), id);
        return page(model, "my-account.token-revoked");
    }

    /** Each place of the jurisdiction as people read it: its name after the places above it (武侯区 › 玉林街道 › 玉林北路社区). */
    private List<String> places(Actor actor) {
        return actor.jurisdiction().paths().stream().filter(p -> !p.isRoot()).map(p -> {
            try {
                return hierarchy.breadcrumb(p.code(), true);
            } catch (io.gongzhi.shared.NotFound gone) {
                return p.code();
            }
        }).sorted().toList();
    }

    private String page(Model model, String done) {
        Actor actor = Actor.current();
        var account = accounts.byId(actor.accountId());
        model.addAttribute("account", account);
        model.addAttribute("actor", actor);
        model.addAttribute("places", places(actor));
        model.addAttribute("tokens", tokens.of(account.id()));
        model.addAttribute("grantable", Permission.of(account.roles()));
        model.addAttribute("mayIssue", actor.may(Permission.TOKENS_OWN.authority()));
        model.addAttribute("now", clock.instant());
        model.addAttribute("done", done);
        model.addAttribute("delivery", notices.delivery(account.id()));
        if (!model.containsAttribute("deliveryErrors")) {
            model.addAttribute("deliveryErrors", Map.of());
        }
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "identity/my-account";
    }
}
