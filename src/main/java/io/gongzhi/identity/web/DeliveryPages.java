package io.gongzhi.identity.web;

import io.gongzhi.audit.Audit;
import io.gongzhi.audit.Outcome;
import io.gongzhi.identity.internal.Outbox;
import io.gongzhi.platform.NavigationItem;
import io.gongzhi.platform.Reactions;
import io.gongzhi.shared.Actor;
import io.gongzhi.shared.NotFound;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Duration;
import java.util.Set;

/**
 * The administrator's deliveries page: SMS and e-mails that could not be sent (still being tried,
 * or given up on) with a button to send one again, and the modules' reactions that have not
 * completed, with a button to run them again now. {@link DeliveriesApi} is its twin.
 */
@Controller
@PreAuthorize("hasAuthority('deliveries.manage')")
class DeliveryPages {

    static final int SHOWN = 200;

    private final Outbox outbox;
    private final Reactions reactions;
    private final Audit audit;

    DeliveryPages(Outbox outbox, Reactions reactions, Audit audit) {
        this.outbox = outbox;
        this.reactions = reactions;
        this.audit = audit;
    }

    @GetMapping("/admin/deliveries")
    String page(Model model) {
        model.addAttribute("messages", outbox.undelivered(SHOWN));
        model.addAttribute("reactions", reactions.waiting(SHOWN));
        return "identity/deliveries";
    }

    @PostMapping("/admin/deliveries/{id}/resend")
    String resend(@PathVariable long id, RedirectAttributes redirect) {
        resendOrRefuse(outbox, audit, id);
        redirect.addFlashAttribute("resent", id);
        return "redirect:/admin/deliveries";
    }

    @PostMapping("/admin/deliveries/reactions/retry")
    String retryReactions(RedirectAttributes redirect) {
        redirect.addFlashAttribute("retried", reactions.retry(Duration.ZERO));
        return "redirect:/admin/deliveries";
    }

    /** Sends a message given up on again, audited; one that is not (sent meanwhile, or no such message) is not found. */
    static void resendOrRefuse(Outbox outbox, Audit audit, long id) {
        if (!outbox.resend(id)) {
            throw new NotFound("deliveries.not-undelivered", "outbox message " + id);
        }
        audit.record(Actor.current(), "notice.resend", "outbox:" + id, Outcome.SUCCESS, "");
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {
        @Bean
        NavigationItem deliveriesNavigation() {
            return new NavigationItem("nav.deliveries", "/admin/deliveries", 74, Set.of("deliveries.manage"), 5);
        }
    }
}
