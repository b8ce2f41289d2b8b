package io.gongzhi;

import io.gongzhi.audit.AuditCommands;
import picocli.CommandLine.Command;

/** {@code export …}: data out to files. */
@Command(name = "export", mixinStandardHelpOptions = true, description = "Export data to files.",
        subcommands = AuditCommands.Export.class)
class ExportCommands {
}
