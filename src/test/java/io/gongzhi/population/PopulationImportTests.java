package io.gongzhi.population;

import io.gongzhi.population.internal.Residents;
import io.gongzhi.population.internal.Criteria;
import io.gongzhi.population.internal.ImportReport;
import io.gongzhi.population.internal.NationalId;
import io.gongzhi.population.internal.PopulationImports;

import io.gongzhi.shared.Actor;
import io.gongzhi.shared.InvalidInput;
import io.gongzhi.shared.Jurisdiction;
import io.gongzhi.shared.Progress;
import io.gongzhi.shared.Violation;
import io.gongzhi.support.PopulationFixture;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bulk registration: template, whole-file check with a line-by-line report, chunks, idempotent re-runs. */
@SpringBootTest
class PopulationImportTests {

    @Autowired
    ApplicationContext context;
    @Autowired
    PopulationImports imports;
    @Autowired
    Residents residents;
    @Autowired
    JdbcClient jdbc;

    PopulationFixture.People people;
    static int next = 100;

    @BeforeEach
    void setUp() {
        people = PopulationFixture.ensure(context);
    }

    /** A CSV with the template's Chinese headers and n valid residents at n/2 addresses. */
    String csv(int n, int ordinalBase) {
        var out = new StringBuilder(String.join(",", PopulationImports.COLUMNS.stream().map(PopulationImports.Column::zh).toList())).append("\r\n");
        for (int i = 0; i < n; i++) {
            var id = NationalId.nth("510107", LocalDate.of(1975, 1, 1).plusDays(i % 300), ordinalBase + i / 300, i % 2 == 0);
            out.append(String.join(",", people.insideCompound().code(), "B" + ordinalBase, "1", String.valueOf(100 + i / 2), "导入" + "甲乙丙丁戊己庚辛壬癸".charAt(i % 10) + "测",
                    i % 2 == 0 ? "男" : "女", "", "居民身份证", id.value(), "", "", "户籍", i % 2 == 0 ? "户主" : "配偶", "否", "", "2019-09-09")).append("\r\n");
        }
        return out.toString();
    }

    long imported(String key) {
        return jdbc.sql("select count(*) from population_move where reason = ?").param("import " + key).query(Long.class).single();
    }

    @Test
    void aValidFileIsImportedInChunksAndAReRunImportsNobodyTwice() {
        String key = "test-ok-" + System.nanoTime();
        byte[] file = csv(120, 200).getBytes(StandardCharsets.UTF_8);
        var report = imports.run(file, "ok.csv", key, 25, Actor.commandLine(), Locale.SIMPLIFIED_CHINESE, Progress.NONE);
        assertThat(report.status()).isEqualTo(ImportReport.Status.DONE);
        assertThat(report.imported()).isEqualTo(120);
        assertThat(report.households()).isEqualTo(60);
        assertThat(imported(key)).isEqualTo(120);
        var again = imports.run(file, "ok.csv", key, 25, Actor.commandLine(), Locale.SIMPLIFIED_CHINESE, Progress.NONE);
        assertThat(again.status()).isEqualTo(ImportReport.Status.ALREADY_DONE);
        var otherKey = imports.run(file, "ok.csv", key + "-b", 25, Actor.commandLine(), Locale.SIMPLIFIED_CHINESE, Progress.NONE);
        assertThat(otherKey.status()).isEqualTo(ImportReport.Status.INVALID);
        assertThat(otherKey.problems()).hasSize(120).extracting(Violation::code).containsOnly("person.id-registered");
        assertThat(imported(key)).isEqualTo(120);
        assertThatThrownBy(() -> imports.run(csv(3, 201).getBytes(StandardCharsets.UTF_8), "other.csv", key, 25, Actor.commandLine(),
                Locale.SIMPLIFIED_CHINESE, Progress.NONE)).isInstanceOf(InvalidInput.class).hasMessageContaining("person.import.key-other-file");
    }

    @Test
    void anImportStoppedPartWayHasAnAuditRowForEveryPartItCommitted() {
        String key = "test-stop-" + System.nanoTime();
        byte[] file = csv(50, 230).getBytes(StandardCharsets.UTF_8);
        var stops = new Progress() {
            long done;

            @Override
            public void start(String task, long total) {
            }

            @Override
            public void advance(long units) {
                done += units;
                if (done >= 20) {
                    throw new IllegalStateException("stopped after two parts");
                }
            }

            @Override
            public void finish() {
            }
        };
        assertThatThrownBy(() -> imports.run(file, "stop.csv", key, 10, Actor.commandLine(), Locale.SIMPLIFIED_CHINESE, stops))
                .hasMessageContaining("stopped");
        assertThat(imported(key)).isEqualTo(20);
        assertThat(jdbc.sql("select detail from audit_record where action = 'person.import' and object = ? order by id")
                .param("import:" + key).query(String.class).list()).containsExactly("rows 1-10 of 50", "rows 11-20 of 50");
        var resumed = imports.run(file, "stop.csv", key, 10, Actor.commandLine(), Locale.SIMPLIFIED_CHINESE, Progress.NONE);
        assertThat(resumed.status()).isEqualTo(ImportReport.Status.DONE);
        assertThat(imported(key)).isEqualTo(50);
    }

    @Test
    void everyBadRowIsReportedWithLineAndColumnAndNothingIsWritten() throws Exception {
        long before = jdbc.sql("select count(*) from population_resident").query(Long.class).single();
        var lines = new ArrayList<>(List.of(csv(4, 210).split("\r\n")));
        String[] bad = lines.get(2).split(",", -1);
        bad[8] = bad[8].substring(0, 17) + (bad[8].charAt(17) == '0' ? '1' : '0');   // checksum
        bad[5] = "未知";
        lines.set(2, String.join(",", bad));
        String[] dup = lines.get(1).split(",", -1);
        dup[3] = "999";
        lines.add(String.join(",", dup));                                               // line 6 repeats line 2's ID
        String[] outside = lines.get(3).split(",", -1);
        outside[0] = people.outsideCompound().code();
        lines.set(3, String.join(",", outside));
        Actor worker = new Actor(7L, "importer", java.util.Set.of("COMMUNITY_WORKER"), java.util.Set.of("person.write"),
                Jurisdiction.of(io.gongzhi.shared.RegionPath.of(people.insideGrid().path().substring(0, people.insideGrid().path().lastIndexOf('/')))));
        var report = imports.run(String.join("\r\n", lines).getBytes(StandardCharsets.UTF_8), "bad.csv", "bad-" + System.nanoTime(), 50,
                worker, Locale.SIMPLIFIED_CHINESE, Progress.NONE);
        assertThat(report.status()).isEqualTo(ImportReport.Status.INVALID);
        assertThat(report.problems()).extracting(Violation::line, Violation::where, Violation::code).contains(
                org.assertj.core.groups.Tuple.tuple(3, "证件号码", "person.id-checksum"),
                org.assertj.core.groups.Tuple.tuple(3, "性别", "person.sex-invalid"),
                org.assertj.core.groups.Tuple.tuple(4, "小区编码", "person.compound-unknown"),
                org.assertj.core.groups.Tuple.tuple(6, "证件号码", "person.import.duplicate-in-file"));
        assertThat(jdbc.sql("select count(*) from population_resident").query(Long.class).single()).isEqualTo(before);

        try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(report.errorReport()))) {
            var rows = workbook.getFirstSheet().read();
            assertThat(rows.get(0).getCell(0).getText()).isEqualTo("行号");
            int errors = rows.get(0).getCellCount() - 1;
            assertThat(rows.get(0).getCell(errors).getText()).isEqualTo("错误");
            assertThat(rows).hasSize(4);
            assertThat(rows.get(1).getCell(0).getText()).isEqualTo("3");
            assertThat(rows.get(1).getCell(errors).getText()).contains("证件号码: 身份证号码校验位不对").contains("性别");
            assertThat(rows.get(3).getCell(errors).getText()).contains("与第 2 行的证件号码重复");
        }
    }

    @Test
    void theTemplateImportsAsItIsAndExcelCsvInGb18030Works() throws Exception {
        byte[] template = imports.template(Locale.ENGLISH);
        try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(template))) {
            var header = workbook.getFirstSheet().read().get(0);
            assertThat(header.getCell(0).getText()).isEqualTo("Compound code *");
            assertThat(header.getCell(8).getText()).isEqualTo("Document number *");
        }
        byte[] gbk = csv(2, 220).getBytes(Charset.forName("GB18030"));
        var report = imports.run(gbk, "excel.csv", "gbk-" + System.nanoTime(), 10, Actor.commandLine(), Locale.ENGLISH, Progress.NONE);
        assertThat(report.status()).isEqualTo(ImportReport.Status.DONE);
        assertThat(residents.search(new Criteria("导入甲测", null, null, null, null, null, null), Jurisdiction.EVERYWHERE, 0, 50).residents()).isNotEmpty();
    }

    @Test
    void aFileWithoutTheRequiredColumnsOrUnreadableIsRefusedClearly() {
        assertThatThrownBy(() -> imports.run("姓名,性别\r\n张三,男\r\n".getBytes(StandardCharsets.UTF_8), "x.csv", "cols-" + System.nanoTime(), 10,
                Actor.commandLine(), Locale.SIMPLIFIED_CHINESE, Progress.NONE))
                .isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).violations().get(0).code()).isEqualTo("person.import.missing-columns"));
        assertThatThrownBy(() -> imports.run(new byte[] {'P', 'K', 3, 4, 1, 2}, "x.xlsx", "broken-" + System.nanoTime(), 10,
                Actor.commandLine(), Locale.SIMPLIFIED_CHINESE, Progress.NONE))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("person.import.unreadable");
    }
}
