package io.gongzhi.population.internal;

import io.gongzhi.audit.Audit;
import io.gongzhi.audit.Outcome;
import io.gongzhi.geography.GridGeneration;
import io.gongzhi.geography.Hierarchy;
import io.gongzhi.geography.Level;
import io.gongzhi.geography.Unit;
import io.gongzhi.population.internal.BulkLoader;
import io.gongzhi.population.internal.PersonalDataVault;
import io.gongzhi.population.internal.SyntheticPopulation;
import io.gongzhi.shared.Actor;
import io.gongzhi.shared.InvalidInput;
import io.gongzhi.shared.NotFound;
import io.gongzhi.shared.Progress;
import io.gongzhi.shared.Violation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code generate population}: synthetic households and residents in the generated compounds
 * (see {@link SyntheticPopulation} for every proportion assumed). One thread generates and
 * seals while another streams the previous chunk into the database, all in one transaction.
 * The city must have no residents yet, so generated identity numbers cannot collide with real ones.
 */
@Service
public class PopulationGeneration {

    /** demo: one district, ~195,000 people, quick on H2; city: Chengdu's ~8.75M households, ~21M people. */
    public enum Scale {
        DEMO, CITY
    }

    public record Report(String area, long compounds, long households, long residents, long careTags, long millis) {
        public long rows() {
            return households + residents + careTags;
        }

        public long rowsPerSecond() {
            return millis == 0 ? rows() : rows() * 1000 / millis;
        }
    }

    public static final long DEMO_HOUSEHOLDS = 80_000;
    private static final int CHUNK_COMPOUNDS = 500;

    private final Hierarchy hierarchy;
    private final BulkLoader loader;
    private final PersonalDataVault vault;
    private final JdbcClient jdbc;
    private final Audit audit;
    private final Clock clock;
    private final String demoDistrict;

    PopulationGeneration(Hierarchy hierarchy, BulkLoader loader, PersonalDataVault vault, JdbcClient jdbc, Audit audit, Clock clock,
                         @Value("${gongzhi.demo-district:510107}") String demoDistrict) {
        this.hierarchy = hierarchy;
        this.loader = loader;
        this.vault = vault;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.demoDistrict = demoDistrict;
    }

    public String demoDistrict() {
        return demoDistrict;
    }

    /** The scale's area and size: the demo district and 120,000 households, or the whole city and 8.75 million. */
    public Report generate(Scale scale, String area, long seed, Progress progress) {
        if (scale == Scale.DEMO) {
            return generate(area == null || area.isBlank() ? demoDistrict : area, DEMO_HOUSEHOLDS, seed, progress);
        }
        String where = area;
        if (where == null || where.isBlank()) {
            where = hierarchy.children(null).stream().findFirst().map(Unit::code)
                    .orElseThrow(() -> new InvalidInput(Violation.of("area", "person.generate.no-compounds", "-")));
        }
        return generate(where, GridGeneration.DEFAULT_HOUSEHOLDS, seed, progress);
    }

    public Report generate(String areaCode, long households, long seed, Progress progress) {
        long started = System.nanoTime();
        Unit area;
        try {
            area = hierarchy.unit(areaCode);
        } catch (NotFound e) {
            throw new InvalidInput(Violation.of("area", "person.generate.no-area", areaCode));
        }
        List<Unit> compounds = area.level() == Level.COMPOUND ? List.of(area) : hierarchy.under(area.code(), Level.COMPOUND);
        if (compounds.isEmpty()) {
            throw new InvalidInput(Violation.of("area", "person.generate.no-compounds", areaCode));
        }
        if (households < 1) {
            throw new InvalidInput(Violation.of("households", "person.generate.positive", households));
        }
        String city = "/" + area.path().split("/")[1];
        if (jdbc.sql("select count(*) from population_resident where path like :p").param("p", city + "/%").query(Long.class).single() > 0) {
            throw new InvalidInput(Violation.of("area", "person.generate.not-empty", city.substring(1)));
        }
        var targets = SyntheticPopulation.targets(compounds.stream().map(u -> new String[] {u.code(), u.path()}).toList(), households, seed);
        Actor actor = Actor.current() == Actor.ANONYMOUS ? Actor.commandLine() : Actor.current();
        long[] counts = new long[3];
        ExecutorService producer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "population-generator");
            t.setDaemon(true);
            return t;
        });
        try {
            load(new Run(area, city, targets, seed, actor, counts), producer, progress);
        } catch (SQLException e) {
            failed(actor, area, seed, e);
            throw new IllegalStateException("loading the generated population failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            failed(actor, area, seed, e.getCause());
            throw new IllegalStateException("generating the population failed: " + e.getCause(), e.getCause());
        } finally {
            producer.shutdownNow();
        }
        return new Report(area.code(), compounds.size(), counts[0], counts[1], counts[2], (System.nanoTime() - started) / 1_000_000);
    }

    /** One generation: where, how many households in which compounds, with which seed, by whom; {@code counts} filled as it goes. */
    private record Run(Unit area, String city, List<SyntheticPopulation.Target> targets, long seed, Actor actor, long[] counts) {
        long households() {
            return targets.stream().mapToLong(SyntheticPopulation.Target::households).sum();
        }
    }

    /** The producer generates chunks of compounds while this thread loads the previous one, into one load with its audit rows. */
    private void load(Run run, ExecutorService producer, Progress progress)
            throws SQLException, InterruptedException, java.util.concurrent.ExecutionException {
        LocalDate today = LocalDate.now(clock.withZone(Registry.CHINA));
        var synthetic = new SyntheticPopulation(run.seed(), today, Timestamp.from(clock.instant()), vault,
                loader.nextId("population_household"), loader.nextId("population_resident"));
        long total = run.households();
        try (var load = loader.open(run.city())) {
            load.onFirstCommit(c -> audit.recordOn(c, run.actor(), "person.generate", "area:" + run.area().code(), Outcome.SUCCESS,
                    "started seed=" + run.seed() + " households=" + total));
            BlockingQueue<SyntheticPopulation.Rows> queue = new ArrayBlockingQueue<>(2);
            var end = new SyntheticPopulation.Rows(List.of(), List.of(), List.of());
            var targets = run.targets();
            Future<?> generating = producer.submit(() -> {
                for (int from = 0; from < targets.size(); from += CHUNK_COMPOUNDS) {
                    queue.put(synthetic.generate(targets.subList(from, Math.min(targets.size(), from + CHUNK_COMPOUNDS))));
                }
                queue.put(end);
                return null;
            });
            var tallies = new Tallies();
            progress.start("population", total);
            for (var rows = next(queue, generating); rows != end; rows = next(queue, generating)) {
                load.write(rows);
                for (Object[] r : rows.residents()) {
                    tallies.add((String) r[2], (String) r[4], (Integer) r[5], (String) r[14], 1);
                }
                long[] counts = run.counts();
                counts[0] += rows.households().size();
                counts[1] += rows.residents().size();
                counts[2] += rows.care().size();
                progress.advance(rows.households().size());
            }
            generating.get();
            progress.finish();
            progress.start("indexes", -1);
            load.finish(synthetic.nextHousehold(), synthetic.nextResident(), tallies.rows(), c -> audit.recordOn(c, run.actor(),
                    "person.generate", "area:" + run.area().code(), Outcome.SUCCESS,
                    "seed=" + run.seed() + " households=" + run.counts()[0] + " residents=" + run.counts()[1]));
            progress.finish();
        }
    }

    /** The next chunk the producer made, waiting for it; fails with the producer's failure if it stopped. */
    private static SyntheticPopulation.Rows next(BlockingQueue<SyntheticPopulation.Rows> queue, Future<?> generating)
            throws InterruptedException, java.util.concurrent.ExecutionException {
        while (true) {
            var rows = queue.poll(1, java.util.concurrent.TimeUnit.SECONDS);
            if (rows != null) {
                return rows;
            }
            if (generating.isDone()) {
                generating.get();
                throw new IllegalStateException("generator stopped without finishing");
            }
        }
    }

    /** A load that began is on the log however it ends (on H2 its first part committed with a "started" row). */
    private void failed(Actor actor, Unit area, long seed, Throwable why) {
        audit.record(actor, "person.generate", "area:" + area.code(), Outcome.FAILURE, "seed=" + seed + " " + why.getClass().getSimpleName());
    }
}
