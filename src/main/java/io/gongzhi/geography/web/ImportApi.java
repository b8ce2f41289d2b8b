package io.gongzhi.geography.web;

import org.springframework.security.access.prepost.PreAuthorize;
import io.gongzhi.geography.BoundaryImportReport;
import io.gongzhi.geography.BoundaryImports;
import io.gongzhi.geography.DivisionImportReport;
import io.gongzhi.geography.DivisionImports;
import io.gongzhi.shared.Progress;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The import page's two actions for machine clients; a refused file answers 400 with every bad line. */
@RestController
@PreAuthorize("hasAuthority('geography.import')")
@Tag(name = "geography")
class ImportApi {

    private final DivisionImports divisions;
    private final BoundaryImports boundaries;

    ImportApi(DivisionImports divisions, BoundaryImports boundaries) {
        this.divisions = divisions;
        this.boundaries = boundaries;
    }

    @PostMapping(value = "/api/geo/divisions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import a city's divisions (CSV code,name,level,parent_code); system administrator only")
    DivisionImportReport divisions(@RequestParam(required = false) MultipartFile file) {
        return divisions.importCsv(Uploads.bytes(file), Progress.NONE);
    }

    @PostMapping(value = "/api/geo/boundaries", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import GeoJSON boundaries for one level; system administrator only")
    BoundaryImportReport boundaries(@RequestParam(required = false) MultipartFile file,
                                    @RequestParam String level) {
        return boundaries.importGeoJson(Uploads.bytes(file), Uploads.level(level),
                file == null ? "upload" : file.getOriginalFilename(), Progress.NONE);
    }
}
