package io.gongzhi.casework.web;

import io.gongzhi.casework.internal.Attachments;
import io.gongzhi.shared.NotFound;
import org.springframework.http.ResponseEntity;

import io.gongzhi.casework.Case;
import io.gongzhi.casework.CaseAction;
import io.gongzhi.casework.internal.CaseQueries;
import io.gongzhi.casework.Cases;
import io.gongzhi.casework.internal.Catalogue;
import io.gongzhi.casework.Rating;
import io.gongzhi.casework.internal.ReporterLinks;
import io.gongzhi.geography.Hierarchy;
import io.gongzhi.platform.Refusals;
import io.gongzhi.shared.Actor;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The page an SMS link opens for someone who raised a problem without an account (no sign-in):
 * what was reported and what was done, and the reporter's two steps, rate and reopen, for that
 * case only. An unknown or expired link answers 404 with a way to reach a person.
 */
@Controller
class ReporterLinkPages {

    private static final Set<CaseAction> OFFERED = Set.of(CaseAction.RATE, CaseAction.REOPEN);

    private final ReporterLinks links;
    private final CaseQueries queries;
    private final Cases cases;
    private final Catalogue catalogue;
    private final Hierarchy hierarchy;
    private final Refusals refusals;

    private final Attachments attachments;

    ReporterLinkPages(ReporterLinks links, CaseQueries queries, Cases cases, Catalogue catalogue, Hierarchy hierarchy, Refusals refusals,
                      Attachments attachments) {
        this.attachments = attachments;
        this.refusals = refusals;
        this.links = links;
        this.queries = queries;
        this.cases = cases;
        this.catalogue = catalogue;
        this.hierarchy = hierarchy;
    }

    @GetMapping("/r/{token}")
    String page(@PathVariable String token, Model model, HttpServletResponse response) {
        var id = links.caseOf(token);
        if (id.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "casework/link-gone";
        }
        Actor holder = ReporterLinks.holder(id.get());
        Case c = queries.get(id.get(), holder);
        model.addAttribute("kase", c);
        model.addAttribute("token", token);
        model.addAttribute("category", catalogue.category(c.category()).name(org.springframework.context.i18n.LocaleContextHolder.getLocale()));
        model.addAttribute("place", hierarchy.unit(c.path().substring(c.path().lastIndexOf('/') + 1)).displayName());
        // what was said and shown to the reporter: notes, and the photos of the work done
        model.addAttribute("steps", queries.steps(c.id(), holder).stream().filter(s -> !s.note().isEmpty() || !s.attachments().isEmpty()).toList());
        model.addAttribute("possible", cases.possible(c, holder).stream().filter(OFFERED::contains).toList());
        model.addAttribute("ratings", Rating.values());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "casework/by-link";
    }

    /** A file of a step the link's page shows (the photos of the work done), as the case's own pages give it. */
    @GetMapping("/r/{token}/files/{file}")
    ResponseEntity<byte[]> file(@PathVariable String token, @PathVariable long file, @RequestParam(defaultValue = "false") boolean thumb) {
        long id = links.caseOf(token).orElseThrow(() -> new NotFound("casework.attachment-not-found", "link file " + file));
        return Uploads.answer(attachments.open(queries.steps(id, ReporterLinks.holder(id)), file, thumb)
                .orElseThrow(() -> new NotFound("casework.attachment-not-found", "link file " + file)));
    }

    @PostMapping("/r/{token}")
    String step(@PathVariable String token, @RequestParam(defaultValue = "") String action, @RequestParam(required = false) Rating rating,
                @RequestParam(defaultValue = "") String note, Model model, HttpServletResponse response) {
        var id = links.caseOf(token);
        if (id.isEmpty()) {
            return page(token, model, response);
        }
        var taken = StepForms.take(action, OFFERED::contains, step -> cases.act(id.get(),
                new Cases.Command(step, note, null, List.of(), List.of(), null, null, rating, null, null), ReporterLinks.holder(id.get())),
                model, refusals);
        return taken.isEmpty() ? page(token, model, response) : "redirect:/r/" + token + "?done=" + taken.get().key();
    }
}
