package io.gongzhi.emergency.web;

import io.gongzhi.emergency.internal.DirectiveProgress;
import io.gongzhi.emergency.internal.Directives;
import io.gongzhi.emergency.internal.NonResponders;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import io.gongzhi.geography.Level;
import io.gongzhi.platform.NavigationItem;
import io.gongzhi.shared.Actor;
import io.gongzhi.shared.InvalidInput;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The command pages: the directives waiting on one's units (acknowledged with one tap on a phone)
 * and those issued from one's places, the form to issue one, and a directive's page with one's own
 * units to answer for and its progress below the place looked at, child by child.
 */
@Controller
class DirectivePages {

    private final Directives directives;
    private final DirectiveProgress progress;
    private final io.gongzhi.geography.Hierarchy hierarchy;
    private final NonResponders nonResponders;
    private final MessageSource messages;

    DirectivePages(Directives directives, DirectiveProgress progress, io.gongzhi.geography.Hierarchy hierarchy, NonResponders nonResponders,
                   MessageSource messages) {
        this.directives = directives;
        this.progress = progress;
        this.hierarchy = hierarchy;
        this.nonResponders = nonResponders;
        this.messages = messages;
    }

    /** The units below the place looked at that have not acknowledged, to work through by phone: a spreadsheet, phones masked. */
    @GetMapping("/emergency/directives/{id}/silent.xlsx")
    @PreAuthorize("hasAuthority('emergency.read')")
    ResponseEntity<byte[]> silent(@PathVariable long id, @RequestParam(required = false) String unit) throws IOException {
        var rows = nonResponders.below(id, unit, Actor.current());
        Locale locale = LocaleContextHolder.getLocale();
        var out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "Gongzhi", "1.0");
        Worksheet sheet = workbook.newWorksheet(messages.getMessage("directives.silent-sheet", null, locale));
        var header = List.of("directives.place", "directives.level", "directives.above", "roster.name", "roster.duty", "roster.phone");
        for (int c = 0; c < header.size(); c++) {
            sheet.value(0, c, messages.getMessage(header.get(c), null, locale));
        }
        for (int r = 0; r < rows.size(); r++) {
            var row = rows.get(r);
            sheet.value(r + 1, 0, row.name());
            sheet.value(r + 1, 1, messages.getMessage("level." + row.level().name(), null, locale));
            sheet.value(r + 1, 2, String.join(" › ", row.above()));
            if (row.contact() != null) {
                sheet.value(r + 1, 3, row.contact().name());
                sheet.value(r + 1, 4, messages.getMessage("roster.duty." + row.contact().duty().name(), null, locale));
                sheet.value(r + 1, 5, row.contact().phoneMask());
            }
        }
        workbook.finish();
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("directive-" + id + "-silent.xlsx").build().toString())
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(out.toByteArray());
    }

    @GetMapping("/emergency/directives")
    @PreAuthorize("hasAuthority('emergency.read')")
    String list(Model model) {
        Actor actor = Actor.current();
        model.addAttribute("canAcknowledge", actor.may("directive.acknowledge"));
        model.addAttribute("inbox", actor.may("directive.acknowledge") ? progress.inbox(actor, 50) : List.of());
        model.addAttribute("issued", progress.issued(actor, 50));
        model.addAttribute("issuable", directives.issuable(actor));
        model.addAttribute("levels", List.of(Level.SUBDISTRICT, Level.COMMUNITY, Level.GRID, Level.COMPOUND));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
            model.addAttribute("typed", Map.of());
        }
        return "emergency/directives";
    }

    @PostMapping("/emergency/directives")
    @PreAuthorize("hasAuthority('directive.issue')")
    String issue(@RequestParam(defaultValue = "") String unit, @RequestParam(defaultValue = "COMPOUND") String downTo,
                 @RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String body,
                 @RequestParam(required = false) Integer ackHours, @RequestParam(required = false) Integer reportHours,
                 @RequestParam(required = false) Integer escalateMinutes, Model model) {
        try {
            var d = directives.issue(new Directives.Issue(unit, downTo, title, body, ackHours, reportHours, escalateMinutes), Actor.current());
            return "redirect:/emergency/directives/" + d.id() + "?done=issued";
        } catch (InvalidInput invalid) {
            model.addAttribute("errors", invalid.byField());
            var typed = new LinkedHashMap<String, Object>();
            typed.put("unit", unit);
            typed.put("downTo", downTo);
            typed.put("title", title);
            typed.put("body", body);
            typed.put("ackHours", ackHours == null ? "" : ackHours);
            typed.put("reportHours", reportHours == null ? "" : reportHours);
            typed.put("escalateMinutes", escalateMinutes == null ? "" : escalateMinutes);
            model.addAttribute("typed", typed);
            return list(model);
        }
    }

    @GetMapping("/emergency/directives/{id}")
    @PreAuthorize("hasAuthority('emergency.read')")
    String one(@PathVariable long id, @RequestParam(required = false) String unit, Model model) {
        Actor actor = Actor.current();
        model.addAttribute("directive", directives.visible(id, actor));
        model.addAttribute("tree", progress.tree(id, unit, actor));
        var mine = actor.may("directive.acknowledge") ? directives.mine(id, actor) : List.<Directives.Recipient>of();
        model.addAttribute("mine", mine);
        model.addAttribute("unitNames", hierarchy.displayNames(mine.stream().map(Directives.Recipient::unit).toList()));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "emergency/directive";
    }

    @PostMapping("/emergency/directives/{id}/acknowledge")
    @PreAuthorize("hasAuthority('directive.acknowledge')")
    String acknowledge(@PathVariable long id, @RequestParam(required = false) List<String> units) {
        int done = directives.acknowledge(id, units == null ? List.of() : units, Actor.current());
        return "redirect:/emergency/directives/" + id + "?done=acknowledged&count=" + done;
    }

    @PostMapping("/emergency/directives/{id}/report")
    @PreAuthorize("hasAuthority('directive.acknowledge')")
    String report(@PathVariable long id, @RequestParam(defaultValue = "") String unit, @RequestParam(defaultValue = "") String report,
                  Model model) {
        try {
            directives.report(id, unit, report, Actor.current());
            return "redirect:/emergency/directives/" + id + "?done=reported";
        } catch (InvalidInput invalid) {
            model.addAttribute("errors", invalid.byField());
            model.addAttribute("failedUnit", unit);
            model.addAttribute("typedReport", report);
            return one(id, null, model);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {
        @Bean
        NavigationItem directivesNavigation() {
            return new NavigationItem("nav.directives", "/emergency/directives", 13, Set.of("emergency.read"));
        }
    }
}
