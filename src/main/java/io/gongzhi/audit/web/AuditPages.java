package io.gongzhi.audit.web;

import io.gongzhi.audit.AuditLog;
import io.gongzhi.platform.NavigationItem;
import io.gongzhi.shared.InvalidInput;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.io.IOException;
import java.util.Set;

/** The auditor's page: search the log, export what was found, check the chains. {@link AuditApi} is its twin. */
@Controller
class AuditPages {

    private final AuditLog log;

    AuditPages(AuditLog log) {
        this.log = log;
    }

    @GetMapping("/audit")
    @PreAuthorize("hasAuthority('audit.read')")
    String page(@RequestParam(defaultValue = "") String account, @RequestParam(defaultValue = "") String action,
                @RequestParam(defaultValue = "") String object, @RequestParam(defaultValue = "") String from,
                @RequestParam(defaultValue = "") String to, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("account", account);
        model.addAttribute("action", action);
        model.addAttribute("object", object);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        try {
            model.addAttribute("result", log.search(AuditFilters.query(account, action, object, from, to), page));
        } catch (InvalidInput invalid) {
            model.addAttribute("violations", invalid.violations());
        }
        return "audit/search";
    }

    @GetMapping("/audit/export.csv")
    @PreAuthorize("hasAuthority('audit.export')")
    void export(@RequestParam(defaultValue = "") String account, @RequestParam(defaultValue = "") String action,
                @RequestParam(defaultValue = "") String object, @RequestParam(defaultValue = "") String from,
                @RequestParam(defaultValue = "") String to, HttpServletResponse response) throws IOException {
        AuditFilters.writeCsv(log, AuditFilters.query(account, action, object, from, to), response);
    }

    @PostMapping("/audit/verify")
    @PreAuthorize("hasAuthority('audit.read')")
    String verify(Model model) {
        model.addAttribute("report", log.verify());
        return page("", "", "", "", "", 0, model);
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {
        @Bean
        NavigationItem auditNavigation() {
            return new NavigationItem("nav.audit", "/audit", 75, Set.of("audit.read"), 3);
        }
    }
}
