package io.gongzhi.platform.web;

import io.gongzhi.platform.internal.SystemStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: who you are, what your role does here, and for the administrator the state of the system. */
@Controller
class HomeController {

    static final String SYSTEM_ADMIN = "SYSTEM_ADMIN";

    private final SystemStatus status;

    HomeController(SystemStatus status) {
        this.status = status;
    }

    @GetMapping("/")
    String home(Authentication authentication, Model model) {
        if (ShellModel.roles(authentication).contains(SYSTEM_ADMIN)) {
            model.addAttribute("system", status.facts());
        }
        return "platform/home";
    }
}
