package io.gongzhi.geography;

import io.gongzhi.platform.cli.ConsoleProgress;
import io.gongzhi.platform.cli.ServiceCommand;
import org.springframework.context.ApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Path;

/** {@code import boundaries FILE --level district}: boundaries from a GeoJSON FeatureCollection. */
@Command(name = "boundaries", mixinStandardHelpOptions = true,
        description = {"Import boundaries (GeoJSON Polygon/MultiPolygon features, lon/lat) for the units of one level.",
                "Features are matched by code, then by name; what matches nothing is reported."})
public class ImportBoundariesCommand extends ServiceCommand {

    @Parameters(paramLabel = "FILE", description = "the GeoJSON file")
    Path file;

    @Option(names = "--level", required = true, description = "city, district, subdistrict or community")
    Level level;

    @Override
    protected int run(ApplicationContext context, PrintStream out) {
        var report = context.getBean(BoundaryImports.class).importGeoJson(ImportDivisionsCommand.read(file), level,
                file.getFileName().toString(), new ConsoleProgress(System.err));
        out.println("matched by code: " + report.matchedByCode());
        out.println("matched by name: " + report.matchedByName().size());
        report.matchedByName().forEach(m -> out.println("  " + m));
        out.println("repaired: " + report.repaired());
        out.println("not matched: " + report.unmatched().size());
        report.unmatched().forEach(m -> out.println("  " + m));
        out.println(level.key() + " units still without a boundary: " + report.withoutBoundary().size()
                + (report.withoutBoundary().isEmpty() ? "" : " " + report.withoutBoundary()));
        return report.unmatched().isEmpty() ? 0 : 2;
    }
}
