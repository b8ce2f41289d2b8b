package io.gongzhi.platform.web;

import io.gongzhi.platform.internal.SystemStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: who you are, what your role does here, and for whoever operates the system its state. */
@Controller
class HomeController {

    /** The permission to see the running system (identity's permission table grants it). */
    static final String SYSTEM_OPERATE = "system.operate";

    private final SystemStatus status;

    HomeController(SystemStatus status) {
        this.status = status;
    }

    @GetMapping("/")
    String home(Authentication authentication, Model model) {
        if (authentication != null && authentication.getAuthorities().stream().anyMatch(a -> SYSTEM_OPERATE.equals(a.getAuthority()))) {
            model.addAttribute("system", status.facts());
        }
        return "platform/home";
    }
}
