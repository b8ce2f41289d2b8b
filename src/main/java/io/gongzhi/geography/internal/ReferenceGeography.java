package io.gongzhi.geography.internal;

import io.gongzhi.geography.BoundaryImports;
import io.gongzhi.geography.DivisionImports;
import io.gongzhi.geography.Hierarchy;
import io.gongzhi.geography.Level;
import io.gongzhi.platform.DemoMode;
import io.gongzhi.shared.Progress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.IOException;

/** In demo mode, an empty installation gets Chengdu's real divisions and district boundaries (shipped under {@code geography/}). */
@Component
@org.springframework.core.annotation.Order(10)
class ReferenceGeography implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ReferenceGeography.class);
    static final String DIVISIONS = "geography/chengdu-divisions.csv";
    static final String DISTRICT_BOUNDARIES = "geography/chengdu-districts.geojson";

    private final DivisionImports imports;
    private final BoundaryImports boundaries;
    private final Hierarchy hierarchy;
    private final Environment environment;
    private final io.gongzhi.geography.GridGeneration grids;

    private final io.gongzhi.platform.StartupProgress startup;

    ReferenceGeography(DivisionImports imports, BoundaryImports boundaries, Hierarchy hierarchy, Environment environment,
                       io.gongzhi.geography.GridGeneration grids, io.gongzhi.platform.StartupProgress startup) {
        this.startup = startup;
        this.grids = grids;
        this.imports = imports;
        this.boundaries = boundaries;
        this.hierarchy = hierarchy;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!DemoMode.isOn(environment) || !hierarchy.children(null).isEmpty()) {
            return;
        }
        startup.stage("startup.stage.divisions", 2);
        var report = imports.importCsv(new ClassPathResource(DIVISIONS).getContentAsByteArray(), Progress.NONE);
        var districts = boundaries.importGeoJson(new ClassPathResource(DISTRICT_BOUNDARIES).getContentAsByteArray(),
                Level.DISTRICT, DISTRICT_BOUNDARIES, Progress.NONE);
        log.info("Demo mode: loaded Chengdu's divisions {} and {} district boundaries ({} matched by name)",
                report.countsByLevel(), districts.matchedByCode() + districts.matchedByName().size(), districts.matchedByName().size());
        if (environment.getProperty("gongzhi.demo-grids", Boolean.class, true)) {
            // the demo district's grids and compounds, as a whole-city run with seed 1 gives them
            String district = environment.getProperty("gongzhi.demo-district", "510107");
            var generated = grids.generate(hierarchy.unit(district).path().split("/")[1], 1, io.gongzhi.geography.GridGeneration.DEFAULT_HOUSEHOLDS,
                    io.gongzhi.geography.GridGeneration.DEFAULT_HOUSEHOLDS_PER_GRID, io.gongzhi.geography.GridGeneration.DEFAULT_HOUSEHOLDS_PER_COMPOUND,
                    java.util.Set.of(district), startup.stage("startup.stage.grids", 10, 30));
            log.info("Demo mode: generated {} grids and {} compounds in district {} in {} ms", generated.grids(), generated.compounds(),
                    district, generated.millis());
        }
    }
}
