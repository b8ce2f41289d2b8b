package io.gongzhi.bench;

import io.gongzhi.GongzhiApplication;
import io.gongzhi.geography.GridGeneration;
import io.gongzhi.geography.Hierarchy;
import io.gongzhi.geography.Level;
import io.gongzhi.geography.Locator;
import io.gongzhi.geography.internal.BoundaryStore;
import io.gongzhi.geography.internal.LocateIndex;
import io.gongzhi.shared.Progress;
import org.locationtech.jts.io.WKBWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * "Where is this point?" over the whole generated Chengdu (seed 1: ~21,900 grids, ~198,000
 * compounds), single thread, random points inside the city:
 * <ul>
 *   <li>{@code locate}: the production answer, district down to compound;</li>
 *   <li>{@code locateGridOnly}: the same index over the grid polygons alone;</li>
 *   <li>{@code postgisGridOnly}: the same points against the same grid polygons in PostgreSQL
 *       with PostGIS ({@code ST_Contains} on a GiST index), 10,000 points per batched query.</li>
 * </ul>
 * The city is generated once into {@code target/bench/locate-h2} and reused by later runs.
 * PostGIS runs when {@code -Dgongzhi.bench.pg=jdbc:postgresql://127.0.0.1:5432/postgres} reaches
 * a server with the extension (bench/locate.sh installs it).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgs = {"-Xmx6g"})
public class LocateBenchmark {

    static final int POINTS = 100_000;
    static final int BATCH = 10_000;

    ConfigurableApplicationContext context;
    Locator locator;
    LocateIndex grids;
    double[] lon = new double[POINTS];
    double[] lat = new double[POINTS];
    int next;
    int batch;

    Connection pg;
    PreparedStatement pgQuery;

    @Setup
    public void setUp() throws Exception {
        Path dir = Path.of("target", "bench", "locate-h2").toAbsolutePath();
        Files.createDirectories(dir);
        context = new SpringApplicationBuilder(GongzhiApplication.class).web(WebApplicationType.NONE)
                .run("--spring.datasource.url=jdbc:h2:file:" + dir.resolve("gongzhi") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
                        "--gongzhi.demo=true", "--gongzhi.demo-password=Bench-Passw0rd#1", "--logging.level.root=WARN");
        if (context.getBean(Hierarchy.class).countsByLevel().getOrDefault(Level.GRID, 0L) == 0) {
            var report = context.getBean(GridGeneration.class).generate("5101", 1, GridGeneration.DEFAULT_HOUSEHOLDS,
                    GridGeneration.DEFAULT_HOUSEHOLDS_PER_GRID, GridGeneration.DEFAULT_HOUSEHOLDS_PER_COMPOUND, Progress.NONE);
            System.out.println("generated " + report);
        }
        locator = context.getBean(Locator.class);
        locator.rebuild();
        List<BoundaryStore.Stored> gridShapes = context.getBean(BoundaryStore.class).all().stream()
                .filter(b -> b.level() == Level.GRID).toList();
        grids = new LocateIndex(gridShapes);
        System.out.println("indexed " + locator.indexedBoundaries() + " boundaries, " + grids.size() + " grids");

        var random = new Random(20261123);
        for (int i = 0; i < POINTS; ) {
            double x = 102.9 + random.nextDouble() * 2.0;
            double y = 30.0 + random.nextDouble() * 1.5;
            if (grids.locate(x, y).isPresent()) {
                lon[i] = x;
                lat[i] = y;
                i++;
            }
        }
        String url = System.getProperty("gongzhi.bench.pg");
        if (url != null && !url.isBlank()) {
            pg = postgis(url, gridShapes);
        }
    }

    private Connection postgis(String url, List<BoundaryStore.Stored> gridShapes) throws SQLException {
        Connection c = DriverManager.getConnection(url, System.getProperty("gongzhi.bench.pg.user", "postgres"), "");
        try (var s = c.createStatement()) {
            s.execute("create extension if not exists postgis");
            s.execute("drop table if exists bench_locate_grid");
            s.execute("create table bench_locate_grid (code text primary key, geom geometry(Geometry, 4326) not null)");
        }
        var writer = new WKBWriter(2);
        c.setAutoCommit(false);
        try (var insert = c.prepareStatement("insert into bench_locate_grid values (?, ST_SetSRID(ST_GeomFromWKB(?), 4326))")) {
            int n = 0;
            for (var b : gridShapes) {
                insert.setString(1, b.code());
                insert.setBytes(2, writer.write(b.geometry()));
                insert.addBatch();
                if (++n % 2_000 == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
        c.commit();
        c.setAutoCommit(true);
        try (var s = c.createStatement()) {
            s.execute("create index bench_locate_grid_geom on bench_locate_grid using gist (geom)");
            s.execute("analyze bench_locate_grid");
        }
        pgQuery = c.prepareStatement("""
                select p.i, g.code
                  from unnest(?::float8[], ?::float8[]) with ordinality as p(lon, lat, i)
                  join bench_locate_grid g on ST_Contains(g.geom, ST_SetSRID(ST_MakePoint(p.lon, p.lat), 4326))""");
        return c;
    }

    @TearDown
    public void tearDown() throws SQLException {
        if (pg != null) {
            try (var s = pg.createStatement()) {
                s.execute("drop table if exists bench_locate_grid");
            }
            pg.close();
        }
        context.close();
    }

    @Benchmark
    public Optional<?> locate() {
        int i = next++ % POINTS;
        return locator.locate(lon[i], lat[i]);
    }

    @Benchmark
    public Optional<?> locateGridOnly() {
        int i = next++ % POINTS;
        return grids.locate(lon[i], lat[i]);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int postgisGridOnly() throws SQLException {
        if (pgQuery == null) {
            throw new IllegalStateException("no PostGIS: pass -Dgongzhi.bench.pg=jdbc:postgresql://… (bench/locate.sh does)");
        }
        int from = (batch++ % (POINTS / BATCH)) * BATCH;
        Double[] xs = new Double[BATCH];
        Double[] ys = new Double[BATCH];
        for (int k = 0; k < BATCH; k++) {
            xs[k] = lon[from + k];
            ys[k] = lat[from + k];
        }
        pgQuery.setArray(1, pg.createArrayOf("float8", xs));
        pgQuery.setArray(2, pg.createArrayOf("float8", ys));
        int found = 0;
        try (var rs = pgQuery.executeQuery()) {
            while (rs.next()) {
                found++;
            }
        }
        return found;
    }
}
