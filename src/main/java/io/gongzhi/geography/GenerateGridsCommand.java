package io.gongzhi.geography;

import io.gongzhi.platform.cli.ConsoleProgress;
import io.gongzhi.platform.cli.ServiceCommand;
import org.springframework.context.ApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;

/** {@code generate grids}: boundaries for the real sub-districts and communities, and generated grids and compounds. */
@Command(name = "grids", mixinStandardHelpOptions = true,
        description = {"Generate boundaries for a city's real sub-districts and communities from its district boundaries,",
                "then grids and compounds that tile them. The same seed gives the same city; a new run replaces",
                "the previous grids and compounds."})
public class GenerateGridsCommand extends ServiceCommand {

    @Option(names = "--city", defaultValue = "5101", description = "the city's code (default: ${DEFAULT-VALUE}, Chengdu)")
    String city;

    @Option(names = "--seed", defaultValue = "1", description = "random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--households", defaultValue = "" + GridGeneration.DEFAULT_HOUSEHOLDS,
            description = "households in the city (default: ${DEFAULT-VALUE})")
    long households;

    @Option(names = "--households-per-grid", defaultValue = "" + GridGeneration.DEFAULT_HOUSEHOLDS_PER_GRID,
            description = "households per grid (default: ${DEFAULT-VALUE})")
    int perGrid;

    @Option(names = "--households-per-compound", defaultValue = "" + GridGeneration.DEFAULT_HOUSEHOLDS_PER_COMPOUND,
            description = "households per compound (default: ${DEFAULT-VALUE})")
    int perCompound;

    @Option(names = "--district", paramLabel = "CODE",
            description = "only this district's grids and compounds (repeatable); the same as a whole-city run gives them")
    java.util.List<String> districts = new java.util.ArrayList<>();

    @Override
    protected int run(ApplicationContext context, PrintStream out) {
        var report = context.getBean(GridGeneration.class)
                .generate(city, seed, households, perGrid, perCompound, java.util.Set.copyOf(districts), new ConsoleProgress(System.err));
        out.printf("seed %d: %d districts, %d sub-districts, %d communities, %d grids, %d compounds for %d households in %.1f s%n",
                report.seed(), report.districts(), report.subdistricts(), report.communities(), report.grids(),
                report.compounds(), report.households(), report.millis() / 1000.0);
        return 0;
    }
}
