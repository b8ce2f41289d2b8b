package io.gongzhi.identity.web;

import io.gongzhi.identity.internal.SecondFactors;
import io.gongzhi.identity.internal.SignInRecorder;
import io.gongzhi.identity.internal.SignedInUser;
import io.gongzhi.identity.internal.Totp;
import io.gongzhi.shared.InvalidInput;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import java.io.IOException;

/**
 * The second step of signing in: the six-digit code from the authenticator app, or, when the
 * account must have a second factor and has none yet, setting one up (QR code, then a code
 * to prove it works). Wrong codes count towards the lock like wrong passwords.
 */
@Controller
class SecondFactorController {

    static final String PENDING_SECRET = "gongzhi.totp.pending-secret";
    static final String ISSUER = "Gongzhi 共治";

    private final SecondFactors factors;
    private final SignInRecorder recorder;
    private final SignInFlow signIn;

    SecondFactorController(SecondFactors factors, SignInRecorder recorder, SignInFlow signIn) {
        this.factors = factors;
        this.recorder = recorder;
        this.signIn = signIn;
    }

    @GetMapping("/login/second-factor")
    String codeForm() {
        return "identity/second-factor";
    }

    @PostMapping("/login/second-factor")
    String code(@AuthenticationPrincipal SignedInUser user, @RequestParam(defaultValue = "") String code,
                HttpServletRequest request, HttpServletResponse response, Model model) throws IOException {
        if (factors.check(user.accountId(), code)) {
            signIn.complete(request, response, user, "password+totp");
            return null;
        }
        recorder.failed(user.getUsername(), new BadCredentialsException("code"), "second-factor");
        model.addAttribute("wrong", true);
        return "identity/second-factor";
    }

    @GetMapping("/login/second-factor/setup")
    String setupForm(@AuthenticationPrincipal SignedInUser user, HttpSession session, Model model) {
        return setupPage(user, session, model, "/login/second-factor/setup", "/login/second-factor/qr.svg");
    }

    @PostMapping("/login/second-factor/setup")
    String setup(@AuthenticationPrincipal SignedInUser user, @RequestParam(defaultValue = "") String code,
                 HttpServletRequest request, HttpServletResponse response, HttpSession session, Model model) throws IOException {
        String secret = (String) session.getAttribute(PENDING_SECRET);
        if (secret == null) {
            return "redirect:/login/second-factor/setup";
        }
        try {
            factors.enable(user.accountId(), secret, code);
        } catch (InvalidInput wrong) {
            recorder.failed(user.getUsername(), new BadCredentialsException("code"), "second-factor");
            model.addAttribute("wrong", true);
            return setupPage(user, session, model, "/login/second-factor/setup", "/login/second-factor/qr.svg");
        }
        session.removeAttribute(PENDING_SECRET);
        signIn.complete(request, response, user, "password+totp-setup");
        return null;
    }

    @GetMapping(value = "/login/second-factor/qr.svg", produces = "image/svg+xml")
    @ResponseBody
    ResponseEntity<String> qr(@AuthenticationPrincipal SignedInUser user, HttpSession session) {
        return qrOf(user, session);
    }

    /** The setup page's model: a secret kept in the session until a code proves the app has it. */
    static String setupPage(SignedInUser user, HttpSession session, Model model, String action, String qr) {
        model.addAttribute("action", action);
        model.addAttribute("qr", qr);
        String secret = (String) session.getAttribute(PENDING_SECRET);
        if (secret == null) {
            secret = Totp.newSecret();
            session.setAttribute(PENDING_SECRET, secret);
        }
        model.addAttribute("secret", secret.replaceAll("(.{4})", "$1 ").strip());
        model.addAttribute("uri", Totp.uri(ISSUER, user.getUsername(), secret));
        return "identity/second-factor-setup";
    }

    static ResponseEntity<String> qrOf(SignedInUser user, HttpSession session) {
        String secret = (String) session.getAttribute(PENDING_SECRET);
        if (secret == null) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(QrCodes.svg(Totp.uri(ISSUER, user.getUsername(), secret)));
    }
}
