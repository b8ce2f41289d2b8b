package io.gongzhi.population;

import io.gongzhi.population.internal.PopulationImports;

import io.gongzhi.platform.cli.ConsoleProgress;
import io.gongzhi.platform.cli.ServiceCommand;
import io.gongzhi.shared.Actor;
import org.springframework.context.ApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** {@code import population FILE}: residents from an .xlsx or .csv, checked whole first, written in resumable chunks. */
@Command(name = "population", mixinStandardHelpOptions = true,
        description = {"Register residents from an .xlsx or .csv made from the template (download it from the import page).",
                "The whole file is checked first; with any bad row nothing is written and the bad rows go to FILE.errors.xlsx.",
                "Rows are written in chunks under a key: run the same command again after an interruption and it resumes;",
                "a finished key imports nothing twice."})
public class ImportPopulationCommand extends ServiceCommand {

    @Parameters(index = "0", paramLabel = "FILE", description = ".xlsx or .csv")
    Path file;

    @Option(names = "--key", description = "the import's key (default: derived from the file's content)")
    String key;

    @Option(names = "--chunk", defaultValue = "" + PopulationImports.DEFAULT_CHUNK, description = "rows per transaction (default: ${DEFAULT-VALUE})")
    int chunk;

    @Option(names = "--lang", defaultValue = "zh-CN", description = "language of messages and the error report: zh-CN or en (default: ${DEFAULT-VALUE})")
    String lang;

    @Override
    protected int run(ApplicationContext context, PrintStream out) throws IOException {
        Locale locale = Locale.forLanguageTag(lang);
        var imports = context.getBean(PopulationImports.class);
        var report = imports.run(Files.readAllBytes(file), file.getFileName().toString(), key, chunk, Actor.current(), locale,
                new ConsoleProgress(System.err));
        switch (report.status()) {
            case INVALID -> {
                Path errors = file.resolveSibling(file.getFileName() + ".errors.xlsx");
                Files.write(errors, report.errorReport());
                report.problems().stream().limit(50).forEach(v -> out.printf("line %d, %s: %s%n", v.line(), v.where(), imports.message(v, locale)));
                if (report.problems().size() > 50) {
                    out.printf("… %d problems in all%n", report.problems().size());
                }
                out.printf("Nothing imported. The bad rows with an error column: %s%n", errors);
                return 1;
            }
            case ALREADY_DONE -> out.printf("key %s: this file was imported before (%d rows); nothing changed%n", report.key(), report.rows());
            default -> out.printf("key %s: %d rows, %d imported now%s, %d new households%n", report.key(), report.rows(), report.imported(),
                    report.resumedAt() > 0 ? " (resumed after row " + report.resumedAt() + ")" : "", report.households());
        }
        return 0;
    }
}
