package io.gongzhi.audit;

import io.gongzhi.platform.cli.ServiceCommand;
import io.gongzhi.shared.InvalidInput;
import io.gongzhi.shared.Violation;
import org.springframework.context.ApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

/** The log's commands: {@code verify audit} and {@code export audit}. */
public final class AuditCommands {

    private AuditCommands() {
    }

    /** {@code verify audit}: recomputes every chain and checks the checkpoints; exit code 0 intact, 1 tampered. */
    @Command(name = "audit", mixinStandardHelpOptions = true,
            description = "Check that no audit row was edited or deleted, against the chains and the checkpoints written outside "
                    + "the database (the data directory's audit-checkpoints.log and any given); exit code 0 intact, 1 tampered.")
    public static class Verify extends ServiceCommand {

        @Option(names = "--checkpoints", paramLabel = "FILE", description = "more checkpoint files (an export's FILE.checkpoint, a copy of the log)")
        List<Path> checkpoints = List.of();

        @Override
        protected int run(ApplicationContext context, PrintStream out) {
            ChainReport report = context.getBean(AuditLog.class).verify(checkpoints.toArray(Path[]::new));
            for (ChainReport.Problem p : report.problems()) {
                out.println((p.chain() < 0 ? "" : "chain " + p.chain() + " seq " + p.seq() + (p.id() == null ? "" : " (id " + p.id() + ")") + ": ")
                        + p.kind() + (p.checkpoint() == null ? "" : " (checkpoint of " + p.checkpoint() + ")"));
            }
            out.println(report.intact()
                    ? "audit log intact: " + report.rows() + " rows and " + report.checkpoints() + " checkpoints checked"
                    : "audit log TAMPERED: " + report.problems().size() + " problems in " + report.rows() + " rows and "
                    + report.checkpoints() + " checkpoints");
            return report.intact() ? 0 : 1;
        }
    }

    /** {@code export audit FILE [--from D] [--to D]}: an archive of the rows, hashes included. */
    @Command(name = "audit", mixinStandardHelpOptions = true,
            description = "Write audit rows to a CSV archive (dates are Asia/Shanghai days; --to is exclusive).")
    public static class Export extends ServiceCommand {

        @Parameters(paramLabel = "FILE", description = "the CSV file to write")
        Path file;

        @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "first day")
        String from;

        @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "day after the last")
        String to;

        @Override
        protected int run(ApplicationContext context, PrintStream out) throws Exception {
            var query = new AuditQuery(null, null, null, day("--from", from), day("--to", to));
            long rows;
            try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                rows = context.getBean(AuditLog.class).exportCsv(query, writer);
            }
            // the heads as they are now, beside the archive: a later verify --checkpoints finds rows deleted since
            String checkpoint = context.getBean(AuditLog.class).checkpoint();
            Path beside = file.resolveSibling(file.getFileName() + ".checkpoint");
            Files.writeString(beside, checkpoint + "\n", StandardCharsets.UTF_8);
            out.println(rows + " audit rows written to " + file + "; the log's heads to " + beside);
            return 0;
        }

        private static Instant day(String option, String text) {
            if (text == null) {
                return null;
            }
            try {
                return LocalDate.parse(text).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant();
            } catch (DateTimeParseException e) {
                throw new InvalidInput(Violation.of(option, "audit.date-invalid", text));
            }
        }
    }
}
