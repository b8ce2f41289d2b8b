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

/** The log's commands: {@code verify audit} and {@code export audit}. */
public final class AuditCommands {

    private AuditCommands() {
    }

    /** {@code verify audit}: recomputes every chain; exit code 0 intact, 1 tampered. */
    @Command(name = "audit", mixinStandardHelpOptions = true,
            description = "Check that no audit row was edited or deleted (exit code 0 intact, 1 tampered).")
    public static class Verify extends ServiceCommand {

        @Override
        protected int run(ApplicationContext context, PrintStream out) {
            ChainReport report = context.getBean(AuditLog.class).verify();
            for (ChainReport.Problem p : report.problems()) {
                out.println("chain " + p.chain() + " seq " + p.seq() + (p.id() == null ? "" : " (id " + p.id() + ")") + ": " + p.kind());
            }
            out.println(report.intact()
                    ? "audit log intact: " + report.rows() + " rows checked"
                    : "audit log TAMPERED: " + report.problems().size() + " problems in " + report.rows() + " rows");
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
            out.println(rows + " audit rows written to " + file);
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
