package io.gongzhi;

import io.gongzhi.audit.AuditCommands;
import picocli.CommandLine.Command;

/** {@code verify …}: integrity checks. */
@Command(name = "verify", mixinStandardHelpOptions = true, description = "Check the integrity of stored data.",
        subcommands = AuditCommands.Verify.class)
class VerifyCommands {
}
