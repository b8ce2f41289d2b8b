package io.gongzhi.bench;

import io.gongzhi.GongzhiApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.List;

/**
 * The application without its web server, on the benchmark's PostgreSQL database, quiet, with no
 * demo data; as one role (postgres) for everything, which privileges would not make faster or slower.
 */
final class BenchApplication {

    private BenchApplication() {
    }

    static ConfigurableApplicationContext start(String url, String... more) {
        var args = new ArrayList<>(List.of("--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                "--spring.datasource.password=", "--gongzhi.db.single-role=true", "--gongzhi.demo=false", "--logging.level.root=WARN"));
        args.addAll(List.of(more));
        return new SpringApplicationBuilder(GongzhiApplication.class).web(WebApplicationType.NONE).run(args.toArray(String[]::new));
    }
}
