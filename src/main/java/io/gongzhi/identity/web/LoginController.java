package io.gongzhi.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.ui.Model;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The login page; someone already signed in goes straight home. After a failed attempt
 * the username is offered again (kept in the session, never in the URL), so only the
 * password has to be retyped.
 */
@Controller
class LoginController {

    private static final String LAST_USERNAME = LoginController.class.getName() + ".lastUsername";

    @GetMapping("/login")
    String login(Authentication authentication, HttpServletRequest request, Model model) {
        if (authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)) {
            return "redirect:/";
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(LAST_USERNAME) instanceof String username) {
            session.removeAttribute(LAST_USERNAME);
            model.addAttribute("username", username);
        }
        return "identity/login";
    }

    /**
     * Every refusal answers the same ("wrong username or password"), whatever the reason. A
     * password that could not be checked at all (the database away) was not refused: that failure
     * goes on to be answered as what it is (503), and is neither counted nor audited as a wrong password.
     */
    static AuthenticationFailureHandler rememberingUsername(SignInFlow signIn) {
        var redirect = new SimpleUrlAuthenticationFailureHandler("/login?error");
        return (request, response, failure) -> {
            if (failure instanceof InternalAuthenticationServiceException unchecked) {
                throw unchecked;
            }
            signIn.passwordRefused(request, failure);
            String username = request.getParameter("username");
            if (username != null && username.length() <= 64) {
                request.getSession().setAttribute(LAST_USERNAME, username);
            }
            redirect.onAuthenticationFailure(request, response, failure);
        };
    }
}
