package io.gongzhi.platform.cli;

import io.gongzhi.Gongzhi;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The jar's command line: exit codes, messages, and how a start-up failure is reported. */
class CommandLineTests {

    @Test
    void versionPrintsTheBuildAndTheRuntimeWithoutStartingTheApplication() {
        var run = capture(() -> Gongzhi.execute("version"));
        assertThat(run.code()).isZero();
        assertThat(run.out()).startsWith("Gongzhi ").contains("Java " + Runtime.version());
    }

    @Test
    void anUnknownOptionIsBadInputWithExitCodeTwo() {
        var run = capture(() -> Gongzhi.execute("--no-such-option"));
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--no-such-option");
    }

    @Test
    void resettingThePasswordOfAnUnknownAccountNamesTheReasonAndExitsWithTwo() {
        var run = capture(() -> Gongzhi.execute("account", "reset-password", "nobody.at.all"));
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("nobody.at.all").contains("[account.unknown]");
    }

    @Test
    void resettingAPasswordPrintsTheNewOneOnce() {
        var run = capture(() -> Gongzhi.execute("account", "reset-password", "socialorg"));
        assertThat(run.code()).isZero();
        // On a fresh database the first start also prints the demo accounts; the answer is the last line.
        String answer = run.out().strip().lines().reduce((first, last) -> last).orElseThrow();
        assertThat(answer).matches("socialorg: \\S{16}");
    }

    /**
     * A real process, as an operator would start it: a database that does not answer
     * ends the start with exit code 1 and one line naming the URL, not a stack trace.
     */
    @Test
    void anUnreachableDatabaseStopsTheStartWithOneClearLine() throws Exception {
        var command = new ArrayList<>(List.of(
                Path.java(), "-cp", System.getProperty("java.class.path"), Gongzhi.class.getName(), "serve"));
        var process = new ProcessBuilder(command)
                .redirectErrorStream(false)
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        process.environment().put("GONGZHI_DB_URL", "jdbc:postgresql://127.0.0.1:1/gongzhi?connectTimeout=3");
        process.environment().put("GONGZHI_LANG", "en");
        process.environment().remove("GONGZHI_DB_USER");
        var started = process.start();
        assertThat(started.waitFor(90, TimeUnit.SECONDS)).as("exits by itself").isTrue();
        String out = new String(started.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(started.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(started.exitValue()).isEqualTo(1);
        assertThat(err.strip().lines()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("Gongzhi cannot start: the database at jdbc:postgresql://127.0.0.1:1/gongzhi cannot be reached (")
                .doesNotContain("connectTimeout"));
        assertThat(out + err).doesNotContain("Exception").doesNotContain("\tat ");
    }

    record Run(int code, String out, String err) {
    }

    interface Execution {
        int run() throws IOException;
    }

    static Run capture(Execution execution) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = execution.run();
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    static final class Path {
        static String java() {
            return java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
        }
    }
}
