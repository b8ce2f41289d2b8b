package io.gongzhi.population;

import io.gongzhi.population.internal.PopulationGeneration;

import io.gongzhi.platform.cli.ConsoleProgress;
import io.gongzhi.platform.cli.ServiceCommand;
import org.springframework.context.ApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;

/** {@code generate population}: synthetic households and residents in the generated compounds. */
@Command(name = "population", mixinStandardHelpOptions = true,
        description = {"Fill the generated compounds with synthetic households and residents (run `generate grids` first).",
                "demo: the demo district, 80,000 households (~195,000 people); city: the whole city, 8.75 million households",
                "(~21 million people; use PostgreSQL). The city must have no residents yet."})
public class GeneratePopulationCommand extends ServiceCommand {

    @Option(names = "--scale", defaultValue = "demo", description = "demo or city (default: ${DEFAULT-VALUE})")
    String scale;

    @Option(names = "--seed", defaultValue = "1", description = "random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--area", paramLabel = "CODE", description = "only this division (default: the demo district, or the city)")
    String area;

    @Option(names = "--households", description = "households instead of the scale's number")
    Long households;

    @Override
    protected int run(ApplicationContext context, PrintStream out) {
        PopulationGeneration.Scale chosen;
        try {
            chosen = PopulationGeneration.Scale.valueOf(scale.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new io.gongzhi.shared.InvalidInput(io.gongzhi.shared.Violation.of("scale", "person.generate.scale", scale));
        }
        var generation = context.getBean(PopulationGeneration.class);
        var progress = new ConsoleProgress(System.err);
        PopulationGeneration.Report report;
        if (households != null) {
            String where = area != null ? area : chosen == PopulationGeneration.Scale.DEMO ? generation.demoDistrict() : "5101";
            report = generation.generate(where, households, seed, progress);
        } else {
            report = generation.generate(chosen, area, seed, progress);
        }
        out.printf("area %s: %d compounds, %d households, %d residents, %d care-group tags: %d rows in %.1f s (%d rows/s)%n",
                report.area(), report.compounds(), report.households(), report.residents(), report.careTags(),
                report.rows(), report.millis() / 1000.0, report.rowsPerSecond());
        return 0;
    }
}
