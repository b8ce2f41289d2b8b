package io.gongzhi.emergency;

import com.lowagie.text.pdf.PdfReader;
import io.gongzhi.emergency.internal.Answers;
import io.gongzhi.emergency.internal.Directives;
import io.gongzhi.emergency.internal.ReportForm;
import io.gongzhi.emergency.internal.ResponseReports;
import io.gongzhi.emergency.internal.Responses;
import io.gongzhi.geography.Hierarchy;
import io.gongzhi.geography.Level;
import io.gongzhi.shared.Actor;
import io.gongzhi.shared.Jurisdiction;
import io.gongzhi.shared.NotFound;
import io.gongzhi.shared.RegionPath;
import io.gongzhi.support.PopulationFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.gongzhi.emergency.EmergencyDirectivesTests.COMMUNITY;
import static io.gongzhi.emergency.EmergencyDirectivesTests.DISTRICT;
import static io.gongzhi.emergency.EmergencyDirectivesTests.SUBDISTRICT;
import static io.gongzhi.emergency.EmergencyDirectivesTests.YULIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The report of a response counts the directives issued inside it while it was in force, below the
 * reader's place, with their answers, figures and curves; it is final once the response is stood
 * down, and reads the same as a page, a PDF and JSON.
 */
@SpringBootTest
@AutoConfigureMockMvc
class EmergencyReportTests {

    @Autowired
    Responses responses;
    @Autowired
    Directives directives;
    @Autowired
    Answers answers;
    @Autowired
    ResponseReports reports;
    @Autowired
    Hierarchy hierarchy;
    @Autowired
    ApplicationContext context;
    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;

    static final Actor COMMITTEE = new Actor(null, "report-test-district", Set.of("DISTRICT_COMMITTEE"),
            Set.of("emergency.read", "emergency.declare", "directive.issue"), Jurisdiction.of(RegionPath.of("/5101/" + DISTRICT)));

    @Test
    void theReportCountsTheResponsesDirectivesBelowTheReadersPlaceAndIsFinalOnceStoodDown() throws Exception {
        PopulationFixture.ensure(context);
        var before = directives.issue(new Directives.Issue(SUBDISTRICT, null, "响应之前的指令", "不计入", 2, null), YULIN);
        var response = responses.declare(DISTRICT, "II", "报告测试：聚集性疫情", COMMITTEE);
        try {
            var form = List.of(new ReportForm.Given("出入口已封闭", "YES_NO", true));
            var closing = directives.issue(new Directives.Issue(SUBDISTRICT, "COMMUNITY", null, "报告：封闭小区", "各社区报告封闭情况", 1, 2, null, null,
                    form), YULIN);
            var register = directives.issue(new Directives.Issue(DISTRICT, "SUBDISTRICT", "报告：登记人员", "各街道登记", 2, null), COMMITTEE);
            // a rare character of a name, beyond what the PDF's standard font encodes
            directives.issue(new Directives.Issue(DISTRICT, "SUBDISTRICT", "通知𠮷祥街住户", "各街道转告", 2, null), COMMITTEE);
            var community = new Actor(null, "report-test-community", Set.of("COMMUNITY_WORKER"), Set.of("emergency.read", "directive.acknowledge"),
                    Jurisdiction.of(RegionPath.of(hierarchy.unit(COMMUNITY).path())));
            answers.report(closing.id(), COMMUNITY, Map.of("f1", "1"), "", community);

            var interim = reports.of(response.id(), COMMITTEE);
            assertThat(interim.final_()).isFalse();
            assertThat(interim.directives()).extracting(d -> d.directive().id()).as("issued inside the response while in force, in order")
                    .startsWith(closing.id(), register.id()).hasSize(3).doesNotContain(before.id());
            var first = interim.directives().get(0);
            assertThat(first.units()).isEqualTo(closing.recipients());
            assertThat(first.acknowledged()).isEqualTo(1);
            assertThat(first.onTime()).isEqualTo(1);
            assertThat(first.reported()).isEqualTo(1);
            assertThat(first.halfMinutes()).as("half have not acknowledged").isNull();
            assertThat(first.figures()).singleElement().satisfies(f -> {
                assertThat(f.sum()).isEqualTo(1);
                assertThat(f.answered()).isEqualTo(1);
            });
            assertThat(interim.coverage().compounds()).isEqualTo(hierarchy.under(DISTRICT, Level.COMPOUND).size());
            assertThat(interim.coverage().reached()).as("the directives went to communities and sub-districts, not to compounds").isZero();

            var fromCommunity = reports.of(response.id(), community);
            assertThat(fromCommunity.place().code()).as("a community reads it for its own place").isEqualTo(COMMUNITY);
            assertThat(fromCommunity.directives()).extracting(d -> d.directive().id()).containsExactly(closing.id());
            assertThat(fromCommunity.directives().get(0).units()).as("only its own unit").isEqualTo(1);
            var elsewhere = new Actor(null, "report-test-elsewhere", Set.of("DISTRICT_COMMITTEE"), Set.of("emergency.read"),
                    Jurisdiction.of(RegionPath.of("/5101/510104")));
            assertThatThrownBy(() -> reports.of(response.id(), elsewhere)).as("another district").isInstanceOf(NotFound.class);
        } finally {
            responses.standDown(response.id(), "报告测试结束", COMMITTEE);
        }
        var done = reports.of(response.id(), COMMITTEE);
        assertThat(done.final_()).isTrue();
        assertThat(done.timeline()).extracting(Responses.Change::kind).containsExactly("DECLARED", "STOOD_DOWN");

        var district = user(users.loadUserByUsername("district"));
        String page = mvc.perform(get("/emergency/" + response.id() + "/report").with(district)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Ⅱ级应急响应总结").contains("报告：封闭小区").contains("出入口已封闭").contains("id=\"report-curves\"")
                .contains("/emergency/" + response.id() + "/report.pdf");
        var pdf = mvc.perform(get("/emergency/" + response.id() + "/report.pdf").with(district)).andReturn().getResponse();
        assertThat(pdf.getContentType()).isEqualTo("application/pdf");
        var reader = new PdfReader(pdf.getContentAsByteArray());
        // the text is set in the standard Chinese font as UCS-2 (UniGB-UCS2-H): find it as such on the first page
        String onPage = new String(reader.getPageContent(1), StandardCharsets.ISO_8859_1);
        for (String expected : List.of("应急响应总结", "报告：封闭小区", "报告：登记人员", "出入口已封闭")) {
            String ucs2 = new String(expected.getBytes(StandardCharsets.UTF_16BE), StandardCharsets.ISO_8859_1);
            // as a PDF string literal: backslash and brackets escaped
            assertThat(onPage).as(expected).contains(ucs2.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)"));
        }
        assertThat(reader.getNumberOfPages()).isPositive();
        assertThat(new String(pdf.getContentAsByteArray(), StandardCharsets.ISO_8859_1)).contains("/BaseFont/STSongStd-Light");
        String english = mvc.perform(get("/api/emergency/responses/" + response.id() + "/report").with(district)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(english).contains("\"final_\":true").contains("报告：登记人员");
    }
}
