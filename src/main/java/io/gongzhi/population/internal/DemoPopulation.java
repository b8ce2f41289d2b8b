package io.gongzhi.population.internal;

import io.gongzhi.platform.DemoMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** In demo mode, an installation without residents gets the demo district's synthetic population (after its grids). */
@Component
@Order(30)
class DemoPopulation implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoPopulation.class);

    private final PopulationGeneration generation;
    private final JdbcClient jdbc;
    private final Environment environment;

    private final io.gongzhi.platform.StartupProgress startup;

    DemoPopulation(PopulationGeneration generation, JdbcClient jdbc, Environment environment, io.gongzhi.platform.StartupProgress startup) {
        this.startup = startup;
        this.generation = generation;
        this.jdbc = jdbc;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!DemoMode.isOn(environment) || !environment.getProperty("gongzhi.demo-population", Boolean.class, true)
                || jdbc.sql("select count(*) from population_resident").query(Long.class).single() > 0
                || jdbc.sql("select count(*) from geography_unit where level = 'COMPOUND'").query(Long.class).single() == 0) {
            return;
        }
        var report = generation.generate(PopulationGeneration.Scale.DEMO, null, 1,
                startup.stage("startup.stage.population", 35, 92));
        log.info("Demo mode: {} households and {} residents generated in district {} in {} ms", report.households(), report.residents(),
                report.area(), report.millis());
    }
}
