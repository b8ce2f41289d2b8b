package io.gongzhi.identity.web;

import io.gongzhi.identity.Accounts;
import io.gongzhi.identity.internal.SignInRecorder;
import io.gongzhi.identity.internal.SignedInUser;
import io.gongzhi.shared.InvalidInput;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.io.IOException;

/**
 * The last step of signing in when the password was handed over by an administrator or has
 * reached the policy's maximum age: choose a new one. A wrong current password counts
 * towards the lock like any other.
 */
@Controller
class PasswordChangeController {

    private final Accounts accounts;
    private final SignInRecorder recorder;
    private final SignInFlow signIn;

    PasswordChangeController(Accounts accounts, SignInRecorder recorder, SignInFlow signIn) {
        this.accounts = accounts;
        this.recorder = recorder;
        this.signIn = signIn;
    }

    @GetMapping("/login/password")
    String form(Model model) {
        model.addAttribute("errors", java.util.Map.of());
        return "identity/password-change";
    }

    @PostMapping("/login/password")
    String change(@AuthenticationPrincipal SignedInUser user, @RequestParam(defaultValue = "") String current,
                  @RequestParam(defaultValue = "") String password, HttpServletRequest request, HttpServletResponse response,
                  Model model) throws IOException {
        try {
            accounts.changePassword(user.accountId(), current, password);
        } catch (InvalidInput invalid) {
            if (invalid.violations().stream().anyMatch(v -> v.code().equals("account.password-current-wrong"))) {
                recorder.failed(user.getUsername(), new BadCredentialsException("current"), "password-change");
            }
            model.addAttribute("errors", invalid.byField());
            return "identity/password-change";
        }
        signIn.complete(request, response, user, "password+new-password");
        return null;
    }
}
