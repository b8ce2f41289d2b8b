package io.gongzhi.geography;

import io.gongzhi.platform.cli.ConsoleProgress;
import io.gongzhi.platform.cli.ServiceCommand;
import io.gongzhi.shared.InvalidInput;
import io.gongzhi.shared.Violation;
import org.springframework.context.ApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code import divisions FILE}: a city's divisions from a {@code code,name,level,parent_code} file. */
@Command(name = "divisions", mixinStandardHelpOptions = true,
        description = {"Import a city's divisions from a CSV file (code,name,level,parent_code; UTF-8).",
                "The whole file is checked first; nothing is written if a line is wrong. Importing again updates",
                "renamed and moved units, adds new ones and retires the ones the file no longer has."})
public class ImportDivisionsCommand extends ServiceCommand {

    @Parameters(paramLabel = "FILE", description = "the CSV file")
    Path file;

    @Override
    protected int run(ApplicationContext context, PrintStream out) {
        byte[] bytes = read(file);
        var report = context.getBean(DivisionImports.class).importCsv(bytes, new ConsoleProgress(System.err));
        print(report, out);
        return 0;
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InvalidInput(Violation.of(String.valueOf(file), "cli.file-unreadable", String.valueOf(e.getMessage())));
        }
    }

    static void print(DivisionImportReport report, PrintStream out) {
        out.println("in the file: " + report.countsByLevel());
        line(out, "added", report.added());
        line(out, "renamed", report.renamed());
        line(out, "moved", report.moved());
        line(out, "retired", report.retired());
        line(out, "reinstated", report.reinstated());
        out.println("unchanged: " + report.unchanged());
    }

    private static void line(PrintStream out, String what, List<String> codes) {
        out.println(what + ": " + codes.size() + (codes.isEmpty() ? "" : " " + preview(codes)));
    }

    private static String preview(List<String> codes) {
        return codes.size() <= 10 ? codes.toString() : codes.subList(0, 10) + " …";
    }
}
