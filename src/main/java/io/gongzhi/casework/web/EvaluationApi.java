package io.gongzhi.casework.web;

import io.gongzhi.casework.internal.Catalogue;
import io.gongzhi.casework.internal.Evaluation;
import io.gongzhi.shared.Actor;
import io.gongzhi.shared.InvalidInput;
import io.gongzhi.shared.Violation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Evaluation figures (考核): the page, the same as JSON, and as an .xlsx. */
@Controller
@Tag(name = "casework")
class EvaluationApi {

    /** One row as shown and exported: counts and the rates Evaluation documents (null when there is nothing to rate). */
    record Row(String code, String name, long dispatched, long handled, long closed, long overdueOpen, Double handledRate,
               Double onTimeHandledRate, Double closedRate, Double onTimeClosedRate, Double reworkRate, Double extensionRate,
               Double responseRate, Double resolutionRate, Double satisfactionRate, Double averageHandlingHours) {
    }

    static final List<String> COLUMNS = List.of("dispatched", "handled", "closed", "overdue-open", "handled-rate", "on-time-handled-rate",
            "closed-rate", "on-time-closed-rate", "rework-rate", "extension-rate", "response-rate", "resolution-rate", "satisfaction-rate",
            "average-hours");

    private final Evaluation evaluation;
    private final Catalogue catalogue;
    private final MessageSource messages;
    private final Clock clock;

    EvaluationApi(Evaluation evaluation, Catalogue catalogue, MessageSource messages, Clock clock) {
        this.evaluation = evaluation;
        this.catalogue = catalogue;
        this.messages = messages;
        this.clock = clock;
    }

    private List<Row> rows(String by, String from, String to) {
        Evaluation.By grouping;
        try {
            grouping = Evaluation.By.valueOf(by.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(Violation.of("by", "casework.evaluation.by", by));
        }
        LocalDate today = LocalDate.now(clock.withZone(io.gongzhi.casework.internal.WorkingCalendar.CHINA));
        LocalDate start = day(from, "from", today.withDayOfMonth(1));
        LocalDate end = day(to, "to", today);
        Locale locale = LocaleContextHolder.getLocale();
        return evaluation.of(grouping, start, end, Actor.current()).stream().map(f -> new Row(f.code(),
                evaluation.nameOf(grouping, f.code(), catalogue, locale), f.dispatched(), f.handled(), f.closed(), f.overdueOpen(),
                f.handledRate(), f.onTimeHandledRate(), f.closedRate(), f.onTimeClosedRate(), f.reworkRate(), f.extensionRate(),
                f.responseRate(), f.resolutionRate(), f.satisfactionRate(), f.averageHandlingHours())).toList();
    }

    private static LocalDate day(String text, String field, LocalDate otherwise) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInput(Violation.of(field, "casework.evaluation.day", text));
        }
    }

    @GetMapping("/api/casework/evaluation")
    @ResponseBody
    @PreAuthorize("hasAuthority('case.evaluate')")
    @Operation(summary = "Evaluation by DEPARTMENT, SUBDISTRICT or COMMUNITY of the cases dispatched from..to (days, default this month) "
            + "in your jurisdiction; the formulas are in Evaluation's documentation and the README")
    List<Row> figures(@RequestParam(defaultValue = "DEPARTMENT") String by, @RequestParam(required = false) String from,
                      @RequestParam(required = false) String to) {
        return rows(by, from, to);
    }

    @GetMapping("/cases/evaluation")
    @PreAuthorize("hasAuthority('case.evaluate')")
    String page(@RequestParam(defaultValue = "DEPARTMENT") String by, @RequestParam(required = false) String from,
                @RequestParam(required = false) String to, Model model) {
        LocalDate today = LocalDate.now(clock.withZone(io.gongzhi.casework.internal.WorkingCalendar.CHINA));
        // the period shown is the one counted: this month unless asked otherwise
        from = from == null || from.isBlank() ? today.withDayOfMonth(1).toString() : from;
        to = to == null || to.isBlank() ? today.toString() : to;
        model.addAttribute("by", by);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("columns", COLUMNS);
        try {
            model.addAttribute("rows", rows(by, from, to));
            model.addAttribute("errors", Map.of());
        } catch (InvalidInput invalid) {
            model.addAttribute("rows", List.of());
            model.addAttribute("errors", invalid.byField());
        }
        return "casework/evaluation";
    }

    @GetMapping("/cases/evaluation.xlsx")
    @PreAuthorize("hasAuthority('case.evaluate')")
    ResponseEntity<byte[]> export(@RequestParam(defaultValue = "DEPARTMENT") String by, @RequestParam(required = false) String from,
                                  @RequestParam(required = false) String to) throws IOException {
        List<Row> rows = rows(by, from, to);
        Locale locale = LocaleContextHolder.getLocale();
        var out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "Gongzhi", "1.0");
        Worksheet sheet = workbook.newWorksheet(messages.getMessage("evaluation.title", null, locale));
        sheet.value(0, 0, messages.getMessage("evaluation.code", null, locale));
        sheet.value(0, 1, messages.getMessage("evaluation.name", null, locale));
        for (int i = 0; i < COLUMNS.size(); i++) {
            sheet.value(0, i + 2, messages.getMessage("evaluation." + COLUMNS.get(i), null, locale));
        }
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            Object[] values = {row.code(), row.name(), row.dispatched(), row.handled(), row.closed(), row.overdueOpen(), row.handledRate(),
                    row.onTimeHandledRate(), row.closedRate(), row.onTimeClosedRate(), row.reworkRate(), row.extensionRate(),
                    row.responseRate(), row.resolutionRate(), row.satisfactionRate(), row.averageHandlingHours()};
            for (int c = 0; c < values.length; c++) {
                Object v = values[c];
                if (v instanceof Number n) {
                    sheet.value(r + 1, c, n);
                    if (c >= 6 && c < 15) {
                        sheet.style(r + 1, c).format("0.0%").set();
                    }
                } else if (v != null) {
                    sheet.value(r + 1, c, v.toString());
                }
            }
        }
        workbook.finish();
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("evaluation-" + by.toLowerCase(Locale.ROOT) + ".xlsx", StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(out.toByteArray());
    }
}
