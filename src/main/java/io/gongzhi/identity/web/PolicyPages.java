package io.gongzhi.identity.web;

import io.gongzhi.identity.internal.LoginPolicies;
import io.gongzhi.identity.internal.LoginPolicy;
import io.gongzhi.shared.InvalidInput;
import io.gongzhi.shared.Violation;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The security administrator's login policy page; {@link PolicyApi} is its twin. */
@Controller
@PreAuthorize("hasAuthority('policy.manage')")
class PolicyPages {

    private final LoginPolicies policies;

    PolicyPages(LoginPolicies policies) {
        this.policies = policies;
    }

    @GetMapping("/admin/policy")
    String page(Model model) {
        var policy = policies.current();
        model.addAttribute("policy", policy);
        model.addAttribute("values", values(String.valueOf(policy.maxFailures()), String.valueOf(policy.lockMinutes()),
                String.valueOf(policy.idleMinutes()), String.valueOf(policy.absoluteHours()), String.valueOf(policy.passwordMaxAgeDays())));
        model.addAttribute("errors", Map.of());
        return "identity/policy";
    }

    @PostMapping("/admin/policy")
    String save(@RequestParam(defaultValue = "") String maxFailures, @RequestParam(defaultValue = "") String lockMinutes,
                @RequestParam(defaultValue = "") String idleMinutes, @RequestParam(defaultValue = "") String absoluteHours,
                @RequestParam(defaultValue = "false") boolean secondFactorForPrivileged,
                @RequestParam(defaultValue = "0") String passwordMaxAgeDays, Model model) {
        var notNumbers = new ArrayList<Violation>();
        var policy = new LoginPolicy(number("maxFailures", maxFailures, notNumbers), number("lockMinutes", lockMinutes, notNumbers),
                number("idleMinutes", idleMinutes, notNumbers), number("absoluteHours", absoluteHours, notNumbers),
                secondFactorForPrivileged, number("passwordMaxAgeDays", passwordMaxAgeDays, notNumbers));
        model.addAttribute("policy", policy);
        model.addAttribute("values", values(maxFailures, lockMinutes, idleMinutes, absoluteHours, passwordMaxAgeDays));
        try {
            if (!notNumbers.isEmpty()) {
                var problems = new ArrayList<>(notNumbers);
                var unparsable = notNumbers.stream().map(Violation::where).toList();
                policy.problems().stream().filter(v -> !unparsable.contains(v.where())).forEach(problems::add);
                throw new InvalidInput(problems);
            }
            policies.update(policy);
            model.addAttribute("saved", true);
            model.addAttribute("errors", Map.of());
        } catch (InvalidInput invalid) {
            model.addAttribute("errors", invalid.byField());
        }
        return "identity/policy";
    }

    /** What the fields show: the saved numbers, or exactly what was typed when it was refused. */
    private static Map<String, String> values(String maxFailures, String lockMinutes, String idleMinutes, String absoluteHours,
                                              String passwordMaxAgeDays) {
        return Map.of("maxFailures", maxFailures, "lockMinutes", lockMinutes, "idleMinutes", idleMinutes, "absoluteHours", absoluteHours,
                "passwordMaxAgeDays", passwordMaxAgeDays);
    }

    private static int number(String field, String text, List<Violation> problems) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            problems.add(Violation.of(field, "policy.number", text));
            return 0;
        }
    }
}
