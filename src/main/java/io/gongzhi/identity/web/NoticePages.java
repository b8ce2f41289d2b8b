package io.gongzhi.identity.web;

import io.gongzhi.identity.Notices;
import io.gongzhi.shared.Actor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The notice list (通知) and opening a notice (it is read, and leads to its page). */
@Controller
class NoticePages {

    /** Notices on one page; older ones follow a link. */
    static final int PAGE = 50;

    private final Notices notices;

    NoticePages(Notices notices) {
        this.notices = notices;
    }

    @GetMapping("/notices")
    String list(@RequestParam(defaultValue = "false") boolean unread, @RequestParam(required = false) Long before, Model model) {
        var page = notices.of(Actor.current().accountId(), unread, PAGE + 1, before);
        model.addAttribute("notices", page.size() > PAGE ? page.subList(0, PAGE) : page);
        model.addAttribute("older", page.size() > PAGE ? page.get(PAGE - 1).id() : null);
        model.addAttribute("unreadOnly", unread);
        return "identity/notices";
    }

    /** Opens a notice: marked read, then on to what it is about (only to a page of this site). */
    @PostMapping("/notices/{id}")
    String open(@PathVariable long id) {
        String link = notices.open(Actor.current().accountId(), id).orElse("");
        return "redirect:" + (link.startsWith("/") && !link.startsWith("//") ? link : "/notices");
    }

    @PostMapping("/notices/read-all")
    String readAll(RedirectAttributes redirect) {
        redirect.addFlashAttribute("done", "notices.all-read");
        notices.readAll(Actor.current().accountId());
        return "redirect:/notices";
    }
}
