package io.gongzhi.emergency.web;

import io.gongzhi.emergency.internal.AcknowledgementCurves;
import io.gongzhi.emergency.internal.Amendments;
import io.gongzhi.emergency.internal.Answers;
import io.gongzhi.emergency.internal.DirectiveFiles;
import io.gongzhi.emergency.internal.DirectiveProgress;
import io.gongzhi.platform.files.HttpFiles;
import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MultipartFile;
import io.gongzhi.emergency.internal.Directives;
import io.gongzhi.emergency.internal.ReportForm;
import io.gongzhi.geography.Hierarchy;
import io.gongzhi.geography.Level;
import io.gongzhi.platform.NavigationItem;
import io.gongzhi.shared.Actor;
import io.gongzhi.shared.InvalidInput;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The command pages: the directives waiting on one's units (acknowledged with one tap on a phone)
 * and those issued from one's places, the form to issue one, and a directive's page with one's own
 * units to answer for (on the directive's report form) and its progress below the place looked at,
 * child by child, with the curve of acknowledgements; its issuer amends it and follows it up there.
 */
@Controller
class DirectivePages {

    private final Directives directives;
    private final Answers answers;
    private final DirectiveFiles directiveFiles;
    private final Amendments amendments;
    private final AcknowledgementCurves curves;
    private final DirectiveProgress progress;
    private final Hierarchy hierarchy;

    DirectivePages(Directives directives, DirectiveFiles directiveFiles, Answers answers, Amendments amendments, AcknowledgementCurves curves, DirectiveProgress progress,
                   Hierarchy hierarchy) {
        this.directives = directives;
        this.answers = answers;
        this.directiveFiles = directiveFiles;
        this.amendments = amendments;
        this.curves = curves;
        this.progress = progress;
        this.hierarchy = hierarchy;
    }

    @GetMapping("/emergency/directives")
    @PreAuthorize("hasAuthority('emergency.read')")
    String list(Model model) {
        Actor actor = Actor.current();
        model.addAttribute("canAcknowledge", actor.may("directive.acknowledge"));
        model.addAttribute("inbox", actor.may("directive.acknowledge") ? progress.inbox(actor, 50) : List.of());
        model.addAttribute("issued", progress.issued(actor, 50));
        var issuable = directives.issuable(actor);
        model.addAttribute("issuable", issuable);
        model.addAttribute("choosable", issuable.stream().collect(java.util.stream.Collectors.toMap(u -> u, u -> hierarchy.children(u.code()),
                (a, b) -> a, LinkedHashMap::new)));
        model.addAttribute("formRows", FORM_ROWS);
        model.addAttribute("formTypes", ReportForm.Type.values());
        model.addAttribute("levels", List.of(Level.SUBDISTRICT, Level.COMMUNITY, Level.GRID, Level.COMPOUND));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
            model.addAttribute("typed", Map.of());
            model.addAttribute("typedForm", List.of());
            model.addAttribute("typedUnits", List.of());
        }
        return "emergency/directives";
    }

    /** Rows of the report form the issuing page offers (the API takes up to ten fields). */
    static final int FORM_ROWS = 5;
    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    @PostMapping("/emergency/directives")
    @PreAuthorize("hasAuthority('directive.issue')")
    String issue(@RequestParam MultiValueMap<String, String> params, @RequestParam(value = DirectiveFiles.FIELD, required = false) List<MultipartFile> parts,
                 Model model) {
        var form = form(params);
        var files = directiveFiles.prepare(HttpFiles.of(parts));
        try {
            var d = directiveFiles.issue(new Directives.Issue(params.getFirst("unit"), params.getFirst("downTo"), params.get("units"), params.getFirst("title"),
                    params.getFirst("body"), number(params, "ackHours"), number(params, "reportHours"), number(params, "escalateMinutes"),
                    number(params, "remindMinutes"), form), files, Actor.current());
            return "redirect:/emergency/directives/" + d.id() + "?done=issued";
        } catch (InvalidInput invalid) {
            model.addAttribute("errors", invalid.byField());
            model.addAttribute("typed", typed(params));
            model.addAttribute("typedForm", form);
            model.addAttribute("typedUnits", params.getOrDefault("units", List.of()));
            return list(model);
        }
    }

    /** The typed values of a form by name (the first of each), for showing the form again. */
    static Map<String, String> typed(MultiValueMap<String, String> params) {
        var typed = new LinkedHashMap<String, String>();
        params.forEach((name, values) -> typed.put(name, values.isEmpty() ? "" : values.get(0)));
        return typed;
    }

    /** A whole number typed into a form; what is not one is passed on as an impossible value, to be refused by the field's name. */
    static Integer number(MultiValueMap<String, String> params, String name) {
        String v = params.getFirst(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(v.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The report form's rows as typed: formLabel, formType and formRequired, side by side. */
    static List<ReportForm.Given> form(MultiValueMap<String, String> params) {
        var labels = params.getOrDefault("formLabel", List.of());
        var types = params.getOrDefault("formType", List.of());
        var required = params.getOrDefault("formRequired", List.of());
        var form = new java.util.ArrayList<ReportForm.Given>();
        for (int i = 0; i < labels.size(); i++) {
            form.add(new ReportForm.Given(labels.get(i), i < types.size() ? types.get(i) : null, i >= required.size() || !"false".equals(required.get(i))));
        }
        return form;
    }

    @GetMapping("/emergency/directives/{id}")
    @PreAuthorize("hasAuthority('emergency.read')")
    String one(@PathVariable long id, @RequestParam(required = false) String unit, Model model) {
        Actor actor = Actor.current();
        var directive = directives.visible(id, actor);
        model.addAttribute("directive", directive);
        var tree = progress.tree(id, unit, actor);
        model.addAttribute("tree", tree);
        model.addAttribute("mapCounts", JSON.writeValueAsString(tree.children().stream()
                .collect(java.util.stream.Collectors.toMap(DirectiveProgress.Branch::code, DirectiveProgress.Branch::counts))));
        model.addAttribute("amendments", amendments.of(id));
        model.addAttribute("files", directiveFiles.of(id));
        var scopeNames = hierarchy.displayNames(directive.scope());
        model.addAttribute("scopeNames", directive.scope().stream().map(c -> scopeNames.getOrDefault(c, c)).toList());
        model.addAttribute("followsTitle", directive.follows() == null ? null
                : directives.find(directive.follows()).map(Directives.Directive::title).orElse(null));
        model.addAttribute("followUps", directives.followUps(id));
        boolean canDirect = directives.issuable(actor).stream().anyMatch(u -> u.code().equals(directive.issuerUnit()));
        model.addAttribute("canDirect", canDirect);
        model.addAttribute("audiences", Directives.Audience.values());
        var curve = curves.of(directive, tree.unit().path(), tree.totals().total());
        model.addAttribute("curve", curve);
        model.addAttribute("curveLabels", JSON.writeValueAsString(curve.labels()));
        model.addAttribute("curveValues", JSON.writeValueAsString(curve.acknowledged()));
        // the issuing place follows its directive; it does not answer it
        var mine = actor.may("directive.acknowledge") && !canDirect ? answers.mine(id, actor) : List.<Answers.Recipient>of();
        model.addAttribute("mine", mine);
        model.addAttribute("unitNames", hierarchy.displayNames(mine.stream().map(Answers.Recipient::unit).toList()));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
            model.addAttribute("typed", Map.of());
        }
        return "emergency/directive";
    }

    @GetMapping("/emergency/directives/{id}/files/{file}")
    @PreAuthorize("hasAuthority('emergency.read')")
    ResponseEntity<byte[]> file(@PathVariable long id, @PathVariable long file) {
        var content = directiveFiles.open(id, file, Actor.current());
        return HttpFiles.answer(content.file().name(), content.file().contentType(), content.bytes());
    }

    @PostMapping("/emergency/directives/{id}/acknowledge")
    @PreAuthorize("hasAuthority('directive.acknowledge')")
    String acknowledge(@PathVariable long id, @RequestParam(required = false) List<String> units) {
        int done = answers.acknowledge(id, units == null ? List.of() : units, Actor.current());
        return "redirect:/emergency/directives/" + id + "?done=acknowledged&count=" + done;
    }

    /** A unit's report: the form's fields as {@code f1}, {@code f2}… and a note as {@code report}. */
    @PostMapping("/emergency/directives/{id}/report")
    @PreAuthorize("hasAuthority('directive.acknowledge')")
    String report(@PathVariable long id, @RequestParam MultiValueMap<String, String> params, Model model) {
        var values = new LinkedHashMap<String, String>();
        params.forEach((name, v) -> {
            if (name.matches("f\\d{1,2}") && !v.isEmpty()) {
                values.put(name, v.get(0));
            }
        });
        try {
            answers.report(id, params.getFirst("unit"), values, params.getFirst("report"), Actor.current());
            return "redirect:/emergency/directives/" + id + "?done=reported";
        } catch (InvalidInput invalid) {
            model.addAttribute("errors", invalid.byField());
            model.addAttribute("failedUnit", params.getFirst("unit"));
            model.addAttribute("typed", typed(params));
            return one(id, null, model);
        }
    }

    @PostMapping("/emergency/directives/{id}/follow-up")
    @PreAuthorize("hasAuthority('directive.issue')")
    String followUp(@PathVariable long id, @RequestParam MultiValueMap<String, String> params, Model model) {
        try {
            var d = directives.followUp(id, new Directives.FollowUp(params.getFirst("audience"), params.getFirst("title"), params.getFirst("body"),
                    number(params, "ackHours"), number(params, "reportHours"), number(params, "escalateMinutes"), number(params, "remindMinutes"),
                    form(params)), Actor.current());
            return "redirect:/emergency/directives/" + d.id() + "?done=issued";
        } catch (InvalidInput invalid) {
            return again(id, "follow-up", invalid, params, model);
        }
    }

    @PostMapping("/emergency/directives/{id}/amend")
    @PreAuthorize("hasAuthority('directive.issue')")
    String amend(@PathVariable long id, @RequestParam MultiValueMap<String, String> params, Model model) {
        try {
            amendments.amend(id, new Amendments.Amend(params.getFirst("addition"), number(params, "extendAckHours"), number(params, "extendReportHours"),
                    params.getFirst("reason")), Actor.current());
            return "redirect:/emergency/directives/" + id + "?done=amended";
        } catch (InvalidInput invalid) {
            return again(id, "amend", invalid, params, model);
        }
    }

    private String again(long id, String form, InvalidInput invalid, MultiValueMap<String, String> params, Model model) {
        model.addAttribute("errors", invalid.byField());
        model.addAttribute("failedForm", form);
        model.addAttribute("typed", typed(params));
        return one(id, null, model);
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {
        @Bean
        NavigationItem directivesNavigation() {
            return new NavigationItem("nav.directives", "/emergency/directives", 13, Set.of("emergency.read"));
        }
    }
}
