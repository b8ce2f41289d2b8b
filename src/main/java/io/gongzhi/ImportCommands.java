package io.gongzhi;

import io.gongzhi.geography.ImportBoundariesCommand;
import io.gongzhi.geography.ImportDivisionsCommand;
import io.gongzhi.population.ImportPopulationCommand;
import picocli.CommandLine.Command;

/** {@code import …}: bulk data in, each kind through its module's own import service. */
@Command(name = "import", mixinStandardHelpOptions = true, description = "Import data from files.",
        subcommands = {ImportDivisionsCommand.class, ImportBoundariesCommand.class, ImportPopulationCommand.class})
class ImportCommands {
}
