package io.gongzhi.casework;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** The case pages as the demo accounts use them: a report with bad input kept, the dispatcher's steps, another party's step refused. */
@SpringBootTest
@AutoConfigureMockMvc
class CasePagesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;

    MockHttpServletResponse as(String username, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(users.loadUserByUsername(username))).with(csrf())).andReturn().getResponse();
    }

    static String text(MockHttpServletResponse r) throws Exception {
        return r.getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void aGridWorkerReportsAndTheDispatcherTakesItFromThere() throws Exception {
        var form = as("grid", get("/cases/new"));
        assertThat(text(form)).contains("上报问题").contains("value=\"E0101\"").contains("玉林北路");
        var bad = as("grid", post("/cases/new").param("description", "没选类别的描述").param("place", ""));
        assertThat(bad.getStatus()).isEqualTo(200);
        assertThat(text(bad)).contains("必填").contains("没选类别的描述").contains("请在地图上选点");

        var done = as("grid", post("/cases/new").param("category", "E0103").param("description", "电线杆上贴满小广告")
                .param("place", "510107005001"));
        assertThat(done.getRedirectedUrl()).matches("/my/cases/\\d+\\?done=report");
        long id = Long.parseLong(done.getRedirectedUrl().replaceAll("\\D*(\\d+).*", "$1"));

        assertThat(text(as("dispatcher", get("/cases")))).contains("电线杆上贴满小广告");
        assertThat(text(as("dispatcher", get("/cases?todo=true")))).as("waiting for the dispatcher").contains("电线杆上贴满小广告")
                .contains("待我办理");
        assertThat(text(as("community", get("/cases?todo=true")))).as("not yet for the community").doesNotContain("电线杆上贴满小广告");
        var card = text(as("dispatcher", get("/cases/" + id)));
        assertThat(card).contains("id=\"do-accept\"").contains("id=\"do-reject\"").doesNotContain("id=\"do-dispatch\"");
        assertThat(as("dispatcher", post("/cases/" + id + "/steps").param("action", "accept")).getRedirectedUrl())
                .isEqualTo("/cases/" + id + "?done=accept");
        var refused = as("community", post("/cases/" + id + "/steps").param("action", "dispatch").param("department", "city-management"));
        assertThat(text(refused)).contains("这一步不由您办理");
        var noReason = as("dispatcher", post("/cases/" + id + "/steps?lang=en").param("action", "merge").param("note", " "));
        assertThat(text(noReason)).contains("Give a reason");
        assertThat(text(as("dispatcher", get("/cases?lang=en")))).contains("Cases").contains("Overdue only").contains("href=\"/cases/evaluation\"");
        assertThat(text(as("grid", get("/my/cases")))).contains("电线杆上贴满小广告");
    }

    @Test
    void theDispatcherNarrowsTheQueueToAPlaceChosenByNameAndAPlaceOutsideIsRefusedByName() throws Exception {
        as("grid", post("/cases/new").param("category", "E0103").param("description", "地点筛选：北路社区的小广告").param("place", "510107005001"));
        as("dispatcher", post("/cases/new").param("category", "E0103").param("description", "地点筛选：别的社区的小广告").param("place", "510107005002"));

        String all = text(as("dispatcher", get("/cases")));
        assertThat(all).as("the places below the dispatcher's sub-district, by name").contains("name=\"within\"")
                .contains("玉林北路社区").doesNotContain(">510107005001<");
        String narrowed = text(as("dispatcher", get("/cases").param("within", "510107005001")));
        assertThat(narrowed).contains("地点筛选：北路社区的小广告").doesNotContain("地点筛选：别的社区的小广告")
                .containsPattern("value=\"510107005001\"[^>]*selected");
        assertThat(narrowed).as("the filters stay open while one is in use").contains("data-in-use=\"true\"");

        var outside = as("dispatcher", get("/cases?lang=en").param("within", "510107009001"));
        assertThat(outside.getStatus()).isEqualTo(400);
        assertThat(text(outside)).contains("No place has the code 510107009001");
        var api = as("dispatcher", get("/api/cases").param("within", "nowhere"));
        assertThat(api.getStatus()).isEqualTo(400);
        assertThat(text(api)).contains("\"within\"");
        assertThat(text(as("dispatcher", get("/api/cases").param("within", "510107005001").param("size", "200"))))
                .contains("地点筛选：北路社区的小广告").doesNotContain("地点筛选：别的社区的小广告");
    }

    @Test
    void aCasePageOffersOneNextStepAndKeepsWhatUndoesWorkAsideBehindAConfirmation() throws Exception {
        var done = as("grid", post("/cases/new").param("category", "E0103").param("description", "下一步测试：楼道小广告")
                .param("place", "510107005001"));
        long id = Long.parseLong(done.getRedirectedUrl().replaceAll("\\D*(\\d+).*", "$1"));
        String card = text(as("dispatcher", get("/cases/" + id)));
        assertThat(card).contains("下一步 · 受理立案").containsPattern("id=\"do-accept\" class=\"primary\"");
        String more = card.substring(card.indexOf("id=\"more-steps\""));
        assertThat(more).as("the others, folded under 'more'").contains("更多操作")
                .containsPattern("id=\"do-reject\" class=\"danger\" data-confirm=\"确定要“不予受理”吗？这一步不能撤回。\"")
                .containsPattern("id=\"do-merge\" class=\"danger\"").doesNotContain("id=\"do-accept\"");
        assertThat(text(as("dispatcher", get("/cases/" + id + "?lang=en")))).contains("Next step · Accept").contains("More actions")
                .contains("Really “Reject”? This step cannot be undone.");

        as("dispatcher", post("/cases/" + id + "/steps").param("action", "accept"));
        assertThat(text(as("dispatcher", get("/cases/" + id + "?done=accept")))).as("what happens next").contains("下一步：派给主办部门")
                .containsPattern("id=\"do-dispatch\" class=\"primary\"");
    }

    @Test
    void aRatedCaseNoLongerOffersRating() throws Exception {
        var done = as("grid", post("/cases/new").param("category", "E0103").param("description", "评价测试：单元门小广告")
                .param("place", "510107005001"));
        long id = Long.parseLong(done.getRedirectedUrl().replaceAll("\\D*(\\d+).*", "$1"));
        as("dispatcher", post("/cases/" + id + "/steps").param("action", "accept"));
        as("dispatcher", post("/cases/" + id + "/steps").param("action", "dispatch").param("department", "city-management"));
        as("department", post("/cases/" + id + "/steps").param("action", "receive"));
        as("department", post("/cases/" + id + "/steps").param("action", "feedback").param("note", "已清除"));
        as("community", post("/cases/" + id + "/steps").param("action", "close").param("note", "已核实"));
        assertThat(text(as("grid", get("/my/cases/" + id)))).containsPattern("id=\"do-rate\" class=\"primary\"")
                .containsPattern("id=\"do-reopen\" class=\"danger\"");
        as("grid", post("/my/cases/" + id + "/steps").param("action", "rate").param("rating", "SATISFIED"));
        String rated = text(as("grid", get("/my/cases/" + id)));
        assertThat(rated).as("rated: no second rating offered").doesNotContain("id=\"do-rate\"").contains("id=\"rating\"");
    }

    @Test
    void staffMayReportForSomeoneElseAndAResidentReportsForThemselves() throws Exception {
        assertThat(text(as("grid", get("/cases/new")))).contains("id=\"for-someone\"").contains("name=\"contactPhone\"");
        assertThat(text(as("resident", get("/cases/new")))).contains("上报问题").doesNotContain("id=\"for-someone\"")
                .doesNotContain("name=\"contactPhone\"");
    }

    @Autowired
    Cases cases;

    @Test
    void aLinkToMediaSentWithAReportIsALinkOnTheCasePageThatTellsTheOtherSiteNothing() throws Exception {
        String url = "https://media.example.org/reports/8841.jpg";
        long id = cases.report(new Cases.Report("E0101", "照片在别处：路口垃圾", null, null, "510107005001", "", Channel.OPEN311, "", null, url),
                CaseActors.dispatcher()).id();
        String card = text(as("dispatcher", get("/cases/" + id)));
        assertThat(card).contains("照片/视频链接")
                .contains("<a id=\"media-url\" href=\"" + url + "\" rel=\"noopener noreferrer nofollow\" target=\"_blank\">" + url + "</a>");
        assertThat(text(as("dispatcher", get("/cases/" + id + "?lang=en")))).contains("Photo or video link");
    }
}
