package io.gongzhi.emergency.web;

import io.gongzhi.emergency.internal.ResponseReports;
import io.gongzhi.shared.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;

/**
 * The report of an emergency response, for its stand-down or so far: a page with its figures,
 * timeline, directives and their curves; the same as a PDF to file or print; and as JSON.
 */
@Controller
@Tag(name = "emergency")
class ResponseReportPages {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ResponseReports reports;
    private final MessageSource messages;

    ResponseReportPages(ResponseReports reports, MessageSource messages) {
        this.reports = reports;
        this.messages = messages;
    }

    @GetMapping("/emergency/{id}/report")
    @PreAuthorize("hasAuthority('emergency.read')")
    String page(@PathVariable long id, Model model) {
        var report = reports.of(id, Actor.current());
        model.addAttribute("report", report);
        model.addAttribute("reportTitle", messages.getMessage(report.final_() ? "report.title.final" : "report.title.interim",
                new Object[] {report.responseName(), report.response().level().numeral()}, LocaleContextHolder.getLocale()));
        model.addAttribute("reportPeriod", new ReportPdf(messages, LocaleContextHolder.getLocale()).period(report));
        // the curves as shares of each directive's units, one series each, on a common axis of steps
        var series = report.directives().stream().filter(d -> d.units() > 0).limit(6)
                .map(d -> Map.of("name", d.directive().title(), "data", d.curve().points().stream()
                        .map(p -> Math.round(p.acknowledged() * 1000.0 / d.units()) / 10.0).toList())).toList();
        model.addAttribute("curves", JSON.writeValueAsString(series));
        return "emergency/report";
    }

    @GetMapping("/emergency/{id}/report.pdf")
    @PreAuthorize("hasAuthority('emergency.read')")
    ResponseEntity<byte[]> pdf(@PathVariable long id) {
        var report = reports.of(id, Actor.current());
        byte[] pdf = new ReportPdf(messages, LocaleContextHolder.getLocale()).write(report);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("emergency-" + id + "-report.pdf").build().toString())
                .contentType(MediaType.APPLICATION_PDF).body(pdf);
    }

    @GetMapping("/api/emergency/responses/{id}/report")
    @ResponseBody
    @PreAuthorize("hasAuthority('emergency.read')")
    @Operation(summary = "The report of a response (final once stood down, else so far) as seen from the caller's place: timeline, directives with their counts, times to acknowledge, figures and curves, coverage of compounds")
    ResponseReports.Report api(@PathVariable long id) {
        return reports.of(id, Actor.current());
    }
}
