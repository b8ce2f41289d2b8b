package io.gongzhi.population.web;

import io.gongzhi.population.internal.ImportReport;
import io.gongzhi.population.internal.PopulationImports;
import io.gongzhi.shared.Actor;
import io.gongzhi.shared.InvalidInput;
import io.gongzhi.shared.Violation;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Bulk registration from the page: template, upload, a progress bar while it runs, the bad rows as .xlsx. */
@Controller
@PreAuthorize("hasAuthority('person.write')")
class PopulationImportPages {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final PopulationImports imports;
    private final ImportJobs jobs;

    PopulationImportPages(PopulationImports imports, ImportJobs jobs) {
        this.imports = imports;
        this.jobs = jobs;
    }

    @GetMapping("/population/import")
    String form(Model model) {
        model.addAttribute("errors", Map.of());
        return "population/import";
    }

    @GetMapping("/population/import/template.xlsx")
    ResponseEntity<byte[]> template() {
        var locale = LocaleContextHolder.getLocale();
        return xlsx(imports.template(locale), locale.getLanguage().equals("zh") ? "居民导入模板.xlsx" : "residents-template.xlsx");
    }

    @PostMapping("/population/import")
    String upload(@RequestParam(required = false) MultipartFile file, @RequestParam(defaultValue = "") String key, Model model) {
        if (file == null || file.isEmpty()) {
            model.addAttribute("errors", new InvalidInput(Violation.of("file", "person.import.no-file")).byField());
            return "population/import";
        }
        byte[] bytes;
        try {
            bytes = file.getBytes();
        } catch (IOException e) {
            model.addAttribute("errors", new InvalidInput(Violation.of("file", "person.import.unreadable")).byField());
            return "population/import";
        }
        var job = jobs.start(bytes, file.getOriginalFilename(), key, Actor.current(), LocaleContextHolder.getLocale());
        return "redirect:/population/import/jobs/" + job.id;
    }

    @GetMapping("/population/import/jobs/{id}")
    String job(@PathVariable String id, Model model) {
        model.addAttribute("job", jobs.of(id, Actor.current()));
        return "population/import-job";
    }

    @GetMapping("/population/import/jobs/{id}/progress")
    String progress(@PathVariable String id, Model model) {
        model.addAttribute("job", jobs.of(id, Actor.current()));
        return "population/import-job :: status";
    }

    @GetMapping("/population/import/jobs/{id}/errors.xlsx")
    ResponseEntity<byte[]> errors(@PathVariable String id) {
        ImportReport report = jobs.of(id, Actor.current()).report;
        if (report == null || report.errorReport() == null) {
            throw new io.gongzhi.shared.NotFound("person.import.not-found", "error report " + id);
        }
        return xlsx(report.errorReport(), LocaleContextHolder.getLocale().getLanguage().equals("zh") ? "导入错误.xlsx" : "import-errors.xlsx");
    }

    static ResponseEntity<byte[]> xlsx(byte[] body, String name) {
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }
}
