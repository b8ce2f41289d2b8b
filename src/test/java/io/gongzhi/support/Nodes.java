package io.gongzhi.support;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Application nodes a test starts and stops itself, to go down as a crash would and start again
 * on the same database: the suite's PostgreSQL database when it runs on one, else an embedded
 * file database in {@code dataDir}.
 */
public final class Nodes {

    private Nodes() {
    }

    public static String database(Path dataDir) {
        return System.getenv().getOrDefault("GONGZHI_DB_URL",
                "jdbc:h2:file:" + dataDir.resolve("gongzhi") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    }

    /** A node without a web server, built of {@code sources}, whose stop does not wait for the work in flight. */
    public static ConfigurableApplicationContext start(String url, List<String> settings, Class<?>... sources) {
        var args = new ArrayList<>(List.of("--spring.datasource.url=" + url,
                "--spring.modulith.default-async-termination=false",
                "--spring.task.execution.shutdown.await-termination=false",
                // a crash does not wait for listeners in flight, as a graceful stop would (30 s)
                "--spring.lifecycle.timeout-per-shutdown-phase=1s"));
        settings.forEach(s -> args.add("--" + s));
        return new SpringApplicationBuilder(sources).web(WebApplicationType.NONE).run(args.toArray(String[]::new));
    }
}
