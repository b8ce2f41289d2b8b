package io.gongzhi.audit.web;

import io.gongzhi.audit.AuditQuery;
import io.gongzhi.shared.InvalidInput;
import io.gongzhi.shared.Violation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;

/** The search form's fields as a query; days are Asia/Shanghai days and "to" includes its whole day. */
final class AuditFilters {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private AuditFilters() {
    }

    static AuditQuery query(String account, String action, String object, String from, String to) {
        var problems = new ArrayList<Violation>();
        Instant start = day("from", from, problems, 0);
        Instant end = day("to", to, problems, 1);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        if (start != null && end != null && !start.isBefore(end)) {
            throw new InvalidInput(Violation.of("to", "audit.range-invalid"));
        }
        return new AuditQuery(account, action, object, start, end);
    }

    /** Streams the matching rows as a CSV download (the export is audited by {@link AuditLog}). */
    static void writeCsv(io.gongzhi.audit.AuditLog log, AuditQuery query, jakarta.servlet.http.HttpServletResponse response)
            throws java.io.IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"audit-" + LocalDate.now(CHINA) + ".csv\"");
        var writer = new java.io.OutputStreamWriter(response.getOutputStream(), java.nio.charset.StandardCharsets.UTF_8);
        log.exportCsv(query, writer);
        writer.flush();
    }

    private static Instant day(String field, String text, java.util.List<Violation> problems, int plusDays) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip()).plusDays(plusDays).atStartOfDay(CHINA).toInstant();
        } catch (DateTimeParseException e) {
            problems.add(Violation.of(field, "audit.date-invalid", text));
            return null;
        }
    }
}
