package io.gongzhi.geography.web;

import org.springframework.security.access.prepost.PreAuthorize;
import io.gongzhi.geography.BoundaryImportReport;
import io.gongzhi.geography.BoundaryImports;
import io.gongzhi.geography.DivisionImportReport;
import io.gongzhi.geography.DivisionImports;
import io.gongzhi.geography.Level;
import io.gongzhi.platform.NavigationItem;
import io.gongzhi.shared.InvalidInput;
import io.gongzhi.shared.Progress;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import java.util.Set;

/**
 * Importing divisions and boundaries from the browser, for the system administrator (the
 * same two actions are in {@link ImportApi}). A refused file shows every bad line; nothing
 * of it is written.
 */
@Controller
@PreAuthorize("hasAuthority('geography.import')")
class ImportPages {

    private final DivisionImports divisions;
    private final BoundaryImports boundaries;

    ImportPages(DivisionImports divisions, BoundaryImports boundaries) {
        this.divisions = divisions;
        this.boundaries = boundaries;
    }

    @GetMapping("/geo/import")
    String page(Model model) {
        model.addAttribute("levels", Level.values());
        return "geography/import";
    }

    @PostMapping("/geo/import")
    String upload(@RequestParam String kind, @RequestParam(required = false) MultipartFile file,
                  @RequestParam(defaultValue = "district") String level, Model model) {
        model.addAttribute("levels", Level.values());
        model.addAttribute("kind", kind);
        try {
            if ("boundaries".equals(kind)) {
                model.addAttribute("boundaries", importBoundaries(file, level));
            } else {
                model.addAttribute("divisions", importDivisions(file));
            }
        } catch (InvalidInput invalid) {
            model.addAttribute("violations", invalid.violations());
        }
        return "geography/import";
    }

    private DivisionImportReport importDivisions(MultipartFile file) {
        return divisions.importCsv(Uploads.bytes(file), Progress.NONE);
    }

    private BoundaryImportReport importBoundaries(MultipartFile file, String level) {
        return boundaries.importGeoJson(Uploads.bytes(file), Uploads.level(level), file.getOriginalFilename(), Progress.NONE);
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {
        @Bean
        NavigationItem geographyImportNavigation() {
            return new NavigationItem("nav.geography-import", "/geo/import", 80, Set.of("geography.import"));
        }
    }
}
