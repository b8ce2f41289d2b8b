package io.gongzhi.population;

import io.gongzhi.population.internal.NationalId;

import io.gongzhi.support.TestAccounts;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real `import population` process killed (SIGKILL) part-way (after at least 600 rows), then run again with the same key,
 * ends in exactly the state of one clean run of the same file into a copy of the same database:
 * the same people at the same addresses, each once, with one move-in each.
 */
class ImportKillResumeTests {

    static final String KEY = "CZQ3GferFBS7Eu+77BhO1rYQrQfDAf0Ebfw+X3zniBo=";
    static final int ROWS = 3000;

    @Test
    void anImportKilledPartWayAndResumedEndsLikeOneCleanRun() throws Exception {
        Path dir = Files.createTempDirectory("gongzhi-kill");
        Path killed = dir.resolve("killed");
        Path clean = dir.resolve("clean");
        try {
            assertThat(run(killed, List.of("generate", "grids", "--district", "510107", "--households", "300000"), null).waitFor()).isZero();
            copy(killed, clean);
            String compound;
            try (Connection c = connect(killed); ResultSet rs = c.createStatement()
                    .executeQuery("select code from geography_unit where level = 'COMPOUND' and path like '%/510107005001/%' order by code limit 1")) {
                rs.next();
                compound = rs.getString(1);
            }
            Path file = dir.resolve("residents.csv");
            Files.writeString(file, csv(compound), StandardCharsets.UTF_8);

            var progress = new AtomicInteger();
            Process first = run(killed, List.of("import", "population", file.toString(), "--key", "kill-test", "--chunk", "20"), progress);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (progress.get() < 600 && first.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            first.destroyForcibly().waitFor();
            int doneAtKill;
            try (Connection c = connect(killed); ResultSet rs = c.createStatement()
                    .executeQuery("select done_rows from population_import where import_key = 'kill-test'")) {
                rs.next();
                doneAtKill = rs.getInt(1);
            }
            assertThat(doneAtKill).as("killed part-way").isGreaterThan(0).isLessThan(ROWS);
            assertThat(doneAtKill % 20).as("only whole chunks were committed").isZero();
            assertThat(count(killed, "population_resident")).isEqualTo(doneAtKill);

            Process resumed = run(killed, List.of("import", "population", file.toString(), "--key", "kill-test", "--chunk", "20"), null);
            assertThat(resumed.waitFor()).isZero();
            assertThat(run(clean, List.of("import", "population", file.toString(), "--key", "kill-test", "--chunk", "20"), null).waitFor()).isZero();

            assertThat(count(killed, "population_resident")).isEqualTo(ROWS);
            assertThat(count(killed, "population_move")).isEqualTo(ROWS);
            assertThat(count(killed, "population_household")).isEqualTo(count(clean, "population_household"));
            assertThat(state(killed)).isEqualTo(state(clean)).hasSize(ROWS);
        } finally {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    static String csv(String compound) {
        var out = new StringBuilder("小区编码,楼栋,单元,房号,姓名,性别,出生日期,证件类型,证件号码,国籍,联系电话,户籍类型,与户主关系,党员,关爱对象,入住日期\n");
        for (int i = 0; i < ROWS; i++) {
            var id = NationalId.nth("510107", LocalDate.of(1960, 1, 1).plusDays(i), 7, i % 2 == 0);
            out.append(String.join(",", compound, String.valueOf(1 + i / 200), "1", String.valueOf(101 + (i / 2) % 100), "断点" + "甲乙丙丁".charAt(i % 4) + "测",
                    i % 2 == 0 ? "男" : "女", "", "居民身份证", id.value(), "", "1390000" + String.format("%04d", i), "户籍",
                    i % 2 == 0 ? "户主" : "配偶", "否", i % 10 == 0 ? "残疾人" : "", "2018-03-0" + (1 + i % 9))).append('\n');
        }
        return out.toString();
    }

    /** The registry as a sorted list of people with their address, moves and care groups, free of ids. */
    static List<String> state(Path db) throws SQLException {
        var rows = new ArrayList<String>();
        try (Connection c = connect(db); ResultSet rs = c.createStatement().executeQuery("""
                select r.id_lookup, r.name, r.sex, r.birth_year, r.phone_lookup, r.registration, r.relation, r.moved_in,
                       h.compound_code, h.building, h.unit_no, h.room,
                       (select count(*) from population_move m where m.resident_id = r.id),
                       (select count(*) from population_resident_care k where k.resident_id = r.id)
                from population_resident r join population_household h on h.id = r.household_id order by r.id_lookup""")) {
            while (rs.next()) {
                var row = new StringBuilder();
                for (int i = 1; i <= 14; i++) {
                    row.append(rs.getString(i)).append('|');
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    static long count(Path db, String table) throws SQLException {
        try (Connection c = connect(db); ResultSet rs = c.createStatement().executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static Connection connect(Path db) throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + db.resolve("gongzhi") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", "");
    }

    static void copy(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    /** The application's command line in its own JVM on an embedded database in {@code dataDir}; stderr's progress counts into {@code progress}. */
    static Process run(Path dataDir, List<String> args, AtomicInteger progress) throws IOException {
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dgongzhi.demo-grids=false", "-Dgongzhi.demo-population=false",
                "-Dlogging.level.root=WARN", "io.gongzhi.Gongzhi"));
        command.addAll(args);
        var builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(k -> k.startsWith("GONGZHI_"));
        builder.environment().put("GONGZHI_DATA_DIR", dataDir.toString());
        // H2 writes committed transactions to its file within WRITE_DELAY (500 ms by default), so a
        // killed process would lose its last commits (consistently: the progress row with them);
        // written at once, the kill lands between whole chunks that are all on disk
        builder.environment().put("GONGZHI_DB_URL", "jdbc:h2:file:" + dataDir.resolve("gongzhi")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE;WRITE_DELAY=0");
        builder.environment().put("GONGZHI_SECRET_KEY", KEY);
        builder.environment().put("GONGZHI_DEMO", "true");
        builder.environment().put("GONGZHI_DEMO_PASSWORD", TestAccounts.PASSWORD);
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process process = builder.start();
        var counted = Pattern.compile("(\\d+)/" + ROWS);
        Thread reader = new Thread(() -> {
            try (var in = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                var chunk = new char[4096];
                int n;
                while ((n = in.read(chunk)) > 0) {
                    Matcher m = counted.matcher(new String(chunk, 0, n));
                    while (m.find() && progress != null) {
                        progress.set(Math.max(progress.get(), Integer.parseInt(m.group(1))));
                    }
                }
            } catch (IOException ignored) {
                // the process was killed
            }
        });
        reader.setDaemon(true);
        reader.start();
        return process;
    }
}
