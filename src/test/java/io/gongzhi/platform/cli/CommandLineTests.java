package io.gongzhi.platform.cli;

import io.gongzhi.Gongzhi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    void resettingThePasswordOfAnUnknownAccountNamesTheReasonAndExitsWithTwo(@TempDir java.nio.file.Path data) {
        var run = capture(data, () -> Gongzhi.execute("account", "reset-password", "nobody.at.all"));
        assertThat(run.code()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains("nobody.at.all").contains("[account.unknown]");
    }

    @Test
    void resettingAPasswordPrintsTheNewOneOnce(@TempDir java.nio.file.Path data) {
        var run = capture(data, () -> Gongzhi.execute("account", "reset-password", "socialorg"));
        assertThat(run.code()).as(run.err()).isZero();
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
        var run = runJar(Map.of("GONGZHI_DB_URL", "jdbc:postgresql://127.0.0.1:1/gongzhi?connectTimeout=3"), "serve");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err().strip().lines()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("Gongzhi cannot start: the database at jdbc:postgresql://127.0.0.1:1/gongzhi cannot be reached (")
                .doesNotContain("connectTimeout"));
        assertThat(run.out() + run.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    /** A configured password that breaks the rules is named, with the rule, and nothing starts. */
    @Test
    void aTooShortAdministratorPasswordStopsTheFirstStartWithExitCodeTwo(@TempDir java.nio.file.Path data) throws Exception {
        var run = runJar(Map.of("GONGZHI_DATA_DIR", data.toString(), "GONGZHI_DEMO", "false",
                "GONGZHI_ADMIN_PASSWORD", "short", "GONGZHI_PORT", "0"));

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("GONGZHI_ADMIN_PASSWORD: A password needs at least 12 characters.");
        assertThat(run.out() + run.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    /** Runs the command line in its own JVM with the test classpath, English messages and {@code env} on top of this one's. */
    static Run runJar(Map<String, String> env, String... args) throws Exception {
        var command = new ArrayList<>(List.of(
                java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Gongzhi.class.getName()));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command);
        // The PostgreSQL pass sets these for the tests; the child gets only what the case gives it.
        for (String name : List.of("GONGZHI_DB_URL", "GONGZHI_DB_USER", "GONGZHI_DB_PASSWORD", "GONGZHI_DB_OWNER", "GONGZHI_DB_OWNER_PASSWORD")) {
            builder.environment().remove(name);
        }
        builder.environment().put("GONGZHI_LANG", "en");
        builder.environment().putAll(env);
        // Files, not pipes: a chatty child cannot block on a full pipe while we wait for it.
        var out = java.nio.file.Files.createTempFile("gongzhi-out", ".txt");
        var err = java.nio.file.Files.createTempFile("gongzhi-err", ".txt");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        var process = builder.start();
        assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("exits by itself").isTrue();
        return new Run(process.exitValue(), java.nio.file.Files.readString(out), java.nio.file.Files.readString(err));
    }

    record Run(int code, String out, String err) {
    }

    interface Execution {
        int run() throws IOException;
    }

    /**
     * Runs a command that starts the application in this JVM. On the embedded database it gets a data
     * directory of its own (database, key, checkpoints), so it never meets what another run left in ./data;
     * the PostgreSQL pass keeps its database and key.
     */
    static Run capture(java.nio.file.Path data, Execution execution) {
        if (System.getenv("GONGZHI_DB_URL") != null) {
            return capture(execution);
        }
        String before = System.getProperty("gongzhi.data-dir");
        System.setProperty("gongzhi.data-dir", data.toString());
        try {
            return capture(execution);
        } finally {
            if (before == null) {
                System.clearProperty("gongzhi.data-dir");
            } else {
                System.setProperty("gongzhi.data-dir", before);
            }
        }
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
}
