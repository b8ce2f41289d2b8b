package io.gongzhi.audit.web;

import io.gongzhi.audit.AuditLog;
import io.gongzhi.audit.ChainReport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;

/** The operation log for auditors and their tools. */
@RestController
@RequestMapping("/api/audit")
@Tag(name = "audit")
class AuditApi {

    private final AuditLog log;

    AuditApi(AuditLog log) {
        this.log = log;
    }

    @GetMapping("/records")
    @PreAuthorize("hasAuthority('audit.read')")
    @Operation(summary = "Search the log (days are Asia/Shanghai days, both inclusive; action ending in '.' and object match as prefixes); 50 per page, newest first")
    AuditLog.Page records(@RequestParam(defaultValue = "") String account, @RequestParam(defaultValue = "") String action,
                          @RequestParam(defaultValue = "") String object, @RequestParam(defaultValue = "") String from,
                          @RequestParam(defaultValue = "") String to, @RequestParam(defaultValue = "0") int page) {
        return log.search(AuditFilters.query(account, action, object, from, to), page);
    }

    @GetMapping(value = "/export", produces = "text/csv")
    @PreAuthorize("hasAuthority('audit.export')")
    @Operation(summary = "The matching rows as CSV with their hashes (the export is itself logged)")
    void export(@RequestParam(defaultValue = "") String account, @RequestParam(defaultValue = "") String action,
                @RequestParam(defaultValue = "") String object, @RequestParam(defaultValue = "") String from,
                @RequestParam(defaultValue = "") String to, HttpServletResponse response) throws IOException {
        AuditFilters.writeCsv(log, AuditFilters.query(account, action, object, from, to), response);
    }

    @PostMapping("/verify")
    @PreAuthorize("hasAuthority('audit.read')")
    @Operation(summary = "Recompute every hash chain: which rows were edited or deleted, if any")
    ChainReport verify() {
        return log.verify();
    }
}
