package io.gongzhi;

import io.gongzhi.geography.GenerateGridsCommand;
import picocli.CommandLine.Command;

/** {@code generate …}: synthetic data at realistic scale, each kind through its module's own service. */
@Command(name = "generate", mixinStandardHelpOptions = true, description = "Generate synthetic data.",
        subcommands = GenerateGridsCommand.class)
class GenerateCommands {
}
