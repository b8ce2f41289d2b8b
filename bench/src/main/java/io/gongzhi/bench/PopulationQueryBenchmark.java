package io.gongzhi.bench;

import io.gongzhi.population.internal.Residents;
import io.gongzhi.population.internal.Criteria;
import io.gongzhi.population.internal.PopulationStatistics;
import io.gongzhi.population.internal.PersonalDataVault;
import io.gongzhi.shared.Jurisdiction;
import io.gongzhi.shared.RegionPath;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Registry queries at full scale, over the city that {@code bench/population.sh} loaded (~21M
 * residents), one caller at a time, latency percentiles (JMH sample mode):
 * <ul>
 *   <li>search by a resident's full name inside their community's jurisdiction, and inside their district's;</li>
 *   <li>search by identity number (keyed hash) inside the district;</li>
 *   <li>statistics of a random community, and of a random district.</li>
 * </ul>
 * Names, numbers and places are drawn from residents sampled at start-up.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 6)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class PopulationQueryBenchmark {

    record Sample(String name, String idNumber, String community, String district) {
    }

    ConfigurableApplicationContext context;
    Residents residents;
    PopulationStatistics statistics;
    List<Sample> samples;
    List<String> districts;
    final Random random = new Random(20261124);

    @Setup
    public void setUp() {
        String url = System.getProperty("gongzhi.bench.db", "jdbc:postgresql://127.0.0.1:5432/gongzhi_bench_city");
        context = BenchApplication.start(url, "--gongzhi.admin-password=Tianfu-Square#2026",
                "--gongzhi.secret-key=" + System.getProperty("gongzhi.bench.key", "CZQ3GferFBS7Eu+77BhO1rYQrQfDAf0Ebfw+X3zniBo="));
        residents = context.getBean(Residents.class);
        statistics = context.getBean(PopulationStatistics.class);
        var vault = context.getBean(PersonalDataVault.class);
        samples = context.getBean(JdbcClient.class)
                .sql("select * from (select name, id_sealed, path from population_resident tablesample system (0.5) where id_kind = 'NATIONAL_ID') s order by random() limit 2000")
                .query((rs, n) -> {
                    String[] p = rs.getString(3).split("/");
                    return new Sample(rs.getString(1), vault.reveal(PersonalDataVault.Kind.NATIONAL_ID,
                            new PersonalDataVault.Protected(rs.getString(2), "")), "/" + p[1] + "/" + p[2] + "/" + p[3] + "/" + p[4],
                            "/" + p[1] + "/" + p[2]);
                }).list();
        districts = samples.stream().map(Sample::district).distinct().toList();
        System.out.println("sampled " + samples.size() + " residents in " + districts.size() + " districts");
    }

    @TearDown
    public void tearDown() {
        context.close();
    }

    private Sample any() {
        return samples.get(random.nextInt(samples.size()));
    }

    private static Jurisdiction of(String path) {
        return Jurisdiction.of(RegionPath.of(path));
    }

    @Benchmark
    public int searchNameInCommunity() {
        Sample s = any();
        return residents.search(new Criteria(s.name(), null, null, null, null, null, null), of(s.community()), 0, 50).residents().size();
    }

    @Benchmark
    public int searchNameInDistrict() {
        Sample s = any();
        return residents.search(new Criteria(s.name(), null, null, null, null, null, null), of(s.district()), 0, 50).residents().size();
    }

    @Benchmark
    public int searchIdInDistrict() {
        Sample s = any();
        return residents.search(new Criteria(s.idNumber(), null, null, null, null, null, null), of(s.district()), 0, 50).residents().size();
    }

    @Benchmark
    public long statisticsCommunity() {
        Sample s = any();
        String code = s.community().substring(s.community().lastIndexOf('/') + 1);
        return statistics.of(code, of(s.district())).residents();
    }

    @Benchmark
    public long statisticsDistrict() {
        String district = districts.get(random.nextInt(districts.size()));
        return statistics.of(district.substring(district.lastIndexOf('/') + 1), of(district)).residents();
    }
}
