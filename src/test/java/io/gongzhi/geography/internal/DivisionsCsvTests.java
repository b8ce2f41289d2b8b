package io.gongzhi.geography.internal;

import io.gongzhi.geography.Level;
import io.gongzhi.shared.InvalidInput;
import io.gongzhi.shared.Violation;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class DivisionsCsvTests {

    @Test
    void aGoodFileWithBomCrlfAndQuotedNamesIsRead() {
        byte[] file = ("\uFEFFcode,name,level,parent_code\r\n"
                + "5101,成都市,city,\r\n"
                + "510104,\"锦江区, 老城\",district,5101\r\n").getBytes(StandardCharsets.UTF_8);
        var rows = DivisionsCsv.read(file, parents -> Map.of());
        assertThat(rows).extracting(DivisionsCsv.Row::code, DivisionsCsv.Row::name, DivisionsCsv.Row::level)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("5101", "成都市", Level.CITY),
                        org.assertj.core.groups.Tuple.tuple("510104", "锦江区, 老城", Level.DISTRICT));
    }

    @Test
    void randomBytesAreAWrongHeaderNeverAFailure() {
        var random = new java.util.Random(18);
        for (int n = 0; n < 200; n++) {
            byte[] noise = new byte[1 + random.nextInt(2000)];
            random.nextBytes(noise);
            var refused = catchThrowableOfType(InvalidInput.class, () -> DivisionsCsv.read(noise, parents -> Map.of()));
            assertThat(refused).as("file " + n).isNotNull();
            assertThat(refused.violations()).extracting(Violation::code).contains("geography.csv.header");
        }
    }

    @Test
    void aNameLongerThanAnyDivisionsIsRefusedWithItsLine() {
        byte[] file = ("code,name,level,parent_code\n5101,成都市,city,\n510104," + "锦".repeat(3_000_000) + ",district,5101\n")
                .getBytes(StandardCharsets.UTF_8);
        var refused = catchThrowableOfType(InvalidInput.class, () -> DivisionsCsv.read(file, parents -> Map.of()));
        assertThat(refused.violations()).extracting(Violation::line, Violation::where, Violation::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, "name", "geography.csv.name-too-long"));
        assertThat(refused.violations().get(0).args()).containsExactly(DivisionsCsv.NAME_MAX, 3_000_000);
    }

    @Test
    void everyProblemIsReportedWithItsLineInOneGo() {
        String file = String.join("\n",
                "code,name,level,parent_code",
                "5101,成都市,city,",                         // 2 ok
                "510104,锦江区,district,5101",                // 3 ok
                "510104,重复,district,5101",                  // 4 duplicate code
                "510105,,district,5101",                     // 5 empty name
                "510106,金牛区,province,5101",                // 6 unknown level
                "5101x,坏代码,district,5101",                 // 7 bad code
                "510107001,某街道,subdistrict,999999",        // 8 unknown parent
                "510107002001,某社区,community,510104",       // 9 community under a district
                "510108,成华区,district",                     // 10 three columns
                "5102,另一市,city,5101");                     // 11 a city with a parent
        var invalid = catchThrowableOfType(InvalidInput.class,
                () -> DivisionsCsv.read(file.getBytes(StandardCharsets.UTF_8), parents -> Map.of()));
        assertThat(invalid.violations()).extracting(Violation::line, Violation::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple(4, "geography.csv.duplicate-code"),
                org.assertj.core.groups.Tuple.tuple(5, "geography.csv.name-empty"),
                org.assertj.core.groups.Tuple.tuple(6, "geography.csv.level-unknown"),
                org.assertj.core.groups.Tuple.tuple(7, "geography.csv.code-invalid"),
                org.assertj.core.groups.Tuple.tuple(8, "geography.csv.parent-unknown"),
                org.assertj.core.groups.Tuple.tuple(9, "geography.csv.parent-level"),
                org.assertj.core.groups.Tuple.tuple(10, "geography.csv.columns"),
                org.assertj.core.groups.Tuple.tuple(11, "geography.csv.city-parent"));
        assertThat(invalid.violations().get(0).args()).containsExactly("510104", 3);
    }

    @Test
    void aParentAlreadyInTheSystemIsAccepted() {
        byte[] file = "code,name,level,parent_code\n510199001,新街道,subdistrict,510199\n".getBytes(StandardCharsets.UTF_8);
        assertThat(DivisionsCsv.read(file, parents -> Map.of("510199", Level.DISTRICT))).hasSize(1);
    }

    @Test
    void aLoopOfParentsIsNamed() {
        String file = String.join("\n", "code,name,level,parent_code",
                "510101,甲,district,510102",
                "510102,乙,district,510101");
        var invalid = catchThrowableOfType(InvalidInput.class,
                () -> DivisionsCsv.read(file.getBytes(StandardCharsets.UTF_8), parents -> Map.of()));
        assertThat(invalid.violations()).extracting(Violation::code).contains("geography.csv.cycle");
        assertThat(invalid.violations()).filteredOn(v -> v.code().equals("geography.csv.cycle"))
                .singleElement().satisfies(v -> assertThat(v.args().get(0).toString()).contains("510101").contains("510102"));
    }

    @Test
    void bytesThatAreNotUtf8AreReportedByLine() {
        byte[] gbk = "510104,锦江区,district,5101\n".getBytes(java.nio.charset.Charset.forName("GBK"));
        byte[] head = "code,name,level,parent_code\n5101,成都市,city,\n".getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[head.length + gbk.length];
        System.arraycopy(head, 0, file, 0, head.length);
        System.arraycopy(gbk, 0, file, head.length, gbk.length);
        var invalid = catchThrowableOfType(InvalidInput.class, () -> DivisionsCsv.read(file, parents -> Map.of()));
        assertThat(invalid.violations()).extracting(Violation::line, Violation::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, "geography.csv.encoding"));
    }

    @Test
    void aWrongHeaderStopsAtLineOne() {
        var invalid = catchThrowableOfType(InvalidInput.class,
                () -> DivisionsCsv.read("id,title\n1,x\n".getBytes(StandardCharsets.UTF_8), parents -> Map.of()));
        assertThat(invalid.violations()).extracting(Violation::line, Violation::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "geography.csv.header"));
    }

    @Test
    void displayNamesDropTheCommitteeTitle() {
        assertThat(DisplayNames.of("玉林社区居民委员会")).isEqualTo("玉林社区");
        assertThat(DisplayNames.of("红星村民委员会")).isEqualTo("红星村");
        assertThat(DisplayNames.of("新华村委会")).isEqualTo("新华村");
        assertThat(DisplayNames.of("东湖社区居委会")).isEqualTo("东湖社区");
        assertThat(DisplayNames.of("锦官驿街道")).isEqualTo("锦官驿街道");
        assertThat(List.of(DisplayNames.matchKey("新津县"), DisplayNames.matchKey("新津区"))).containsOnly("新津");
    }
}
