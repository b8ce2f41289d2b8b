package io.gongzhi;

import io.gongzhi.geography.GenerateGridsCommand;
import io.gongzhi.population.GeneratePopulationCommand;
import picocli.CommandLine.Command;

/** {@code generate …}: synthetic data at realistic scale, each kind through its module's own service. */
@Command(name = "generate", mixinStandardHelpOptions = true, description = "Generate synthetic data.",
        subcommands = {GenerateGridsCommand.class, GeneratePopulationCommand.class})
class GenerateCommands {
}
