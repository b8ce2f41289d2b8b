package io.gongzhi.geography.web;

import io.gongzhi.geography.Location;
import io.gongzhi.geography.Locator;
import io.gongzhi.shared.InvalidInput;
import io.gongzhi.shared.Violation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;

/** {@code GET /api/geo/locate?lon=…&lat=…}: the chain of units at a point. */
@RestController
@Tag(name = "geography")
class LocateApi {

    private final Locator locator;

    LocateApi(Locator locator) {
        this.locator = locator;
    }

    @GetMapping("/api/geo/locate")
    @Operation(summary = "The district, sub-district, community, grid and compound at a WGS84 point; 404 outside every boundary, 400 for bad coordinates")
    Location locate(@RequestParam(required = false) String lon, @RequestParam(required = false) String lat) {
        var problems = new ArrayList<Violation>();
        double x = number("lon", lon, problems);
        double y = number("lat", lat, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return locator.require(x, y);
    }

    private static double number(String name, String text, java.util.List<Violation> problems) {
        try {
            double value = Double.parseDouble(text == null ? "" : text.strip());
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        problems.add(Violation.of(name, "geography.locate.not-a-number", String.valueOf(text)));
        return Double.NaN;
    }
}
