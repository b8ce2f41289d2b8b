package io.gongzhi.casework;

import io.gongzhi.casework.internal.CaseQueries;
import io.gongzhi.geography.Hierarchy;
import io.gongzhi.support.PopulationFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** A resident names the place of a problem by its name, never by a code: searched as typed, found from the phone's position. */
@SpringBootTest
@AutoConfigureMockMvc
class PlacePickerTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    ApplicationContext context;
    @Autowired
    Hierarchy hierarchy;
    @Autowired
    CaseQueries queries;

    MockHttpServletResponse as(String username, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(users.loadUserByUsername(username))).with(csrf())).andReturn().getResponse();
    }

    static String text(MockHttpServletResponse r) throws Exception {
        return r.getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void aResidentFindsThePlaceByNameAndReportsWithIt() throws Exception {
        String form = text(as("resident", get("/cases/new")));
        assertThat(form).contains("或输入社区、网格或小区的名称").contains("list=\"place-options\"").doesNotContain("编码");

        var found = as("resident", get("/cases/places").param("q", "玉林北路"));
        assertThat(found.getStatus()).isEqualTo(200);
        assertThat(text(found)).contains("\"name\":\"玉林北路社区\"").contains("\"where\":\"武侯区 › 玉林街道\"").contains("\"code\":\"510107005001\"");
        var tooShort = as("resident", get("/cases/places?lang=en").param("q", "玉"));
        assertThat(tooShort.getStatus()).isEqualTo(400);
        assertThat(text(tooShort)).contains("\"q\"").contains("Type 2 to 40 characters");

        var reported = as("resident", post("/cases/new").param("category", "E0101").param("description", "按名称选点：楼下垃圾")
                .param("place", "玉林北路社区"));
        assertThat(reported.getRedirectedUrl()).matches("/my/cases/\\d+\\?done=report");
        long id = Long.parseLong(reported.getRedirectedUrl().replaceAll("\\D*(\\d+).*", "$1"));
        assertThat(queries.require(id).path()).endsWith("/510107005001");

        var unknown = as("resident", post("/cases/new").param("category", "E0101").param("description", "没有的地方")
                .param("place", "不存在的社区"));
        assertThat(text(unknown)).contains("没有叫“不存在的社区”的地点，请从列表中选一个").contains("没有的地方");
    }

    @Test
    void aPhonesPositionIsShownAsThePlaceItFallsIn() throws Exception {
        PopulationFixture.ensure(context);
        var point = hierarchy.pointIn(PopulationFixture.INSIDE, new Random(7)).orElseThrow();
        var at = as("resident", get("/cases/places/at").param("lon", String.valueOf(point.x)).param("lat", String.valueOf(point.y)));
        assertThat(at.getStatus()).isEqualTo(200);
        assertThat(text(at)).contains("玉林北路社区").contains("\"where\":\"武侯区 › 玉林街道");
        assertThat(as("resident", get("/cases/places/at").param("lon", "100.0").param("lat", "20.0")).getStatus()).as("outside the city")
                .isEqualTo(404);
        assertThat(as("resident", get("/cases/places/at").param("lon", "999").param("lat", "30")).getStatus()).isEqualTo(400);
    }

    @Test
    void aCaseWithAPointShowsItOnAMapOverItsCommunitysGridsForStaffAndTheBarePointForTheReporter() throws Exception {
        PopulationFixture.ensure(context);
        var point = hierarchy.pointIn(PopulationFixture.INSIDE, new Random(11)).orElseThrow();
        var reported = as("resident", post("/cases/new").param("category", "E0101").param("description", "地图测试：路边垃圾")
                .param("lon", String.valueOf(point.x)).param("lat", String.valueOf(point.y)));
        long id = Long.parseLong(reported.getRedirectedUrl().replaceAll("\\D*(\\d+).*", "$1"));
        String staff = text(as("dispatcher", get("/cases/" + id)));
        assertThat(staff).contains("id=\"case-point-map\"").contains("data-lon=\"" + point.x).contains("data-area=\"510107005001\"")
                .contains("/js/case-point-map.js").contains("没有配置底图");
        String own = text(as("resident", get("/my/cases/" + id)));
        assertThat(own).as("the reporter's map draws the grids through the report form's outlines, not the map's API")
                .contains("id=\"case-point-map\"").contains("data-area=\"510107005001\"").contains("data-outlines=\"/cases/places/CODE/outlines\"");
        assertThat(staff).contains("data-outlines=\"/api/geo/units/CODE/children/boundaries\"");
        String none = text(as("dispatcher", get("/cases/" + as("grid", post("/cases/new").param("category", "E0101")
                .param("description", "没有坐标的上报").param("place", "510107005001")).getRedirectedUrl().replaceAll("\\D*(\\d+).*", "$1"))));
        assertThat(none).as("no point, no map").doesNotContain("id=\"case-point-map\"");
    }

    @Test
    void theReportFormsMapOpensOnTheReportersAreaAndDrawsThePlacesOneLevelDownByName() throws Exception {
        PopulationFixture.ensure(context);
        String city = hierarchy.children(null).get(0).code();
        assertThat(text(as("resident", get("/cases/new")))).as("a resident starts from the whole city")
                .contains("id=\"report-map\"").contains("data-area=\"" + city + "\"").contains("在地图上点所在的区县、街道逐级放大");
        assertThat(text(as("grid", get("/cases/new?lang=en")))).as("a grid worker starts from their own community")
                .contains("data-area=\"510107005001\"").contains("Tap the map where the problem is");

        var districts = as("resident", get("/cases/places/" + city + "/outlines"));
        assertThat(districts.getStatus()).isEqualTo(200);
        assertThat(text(districts)).contains("\"FeatureCollection\"").contains("\"name\":\"武侯区\"").contains("\"Polygon");
        var grids = as("resident", get("/cases/places/510107005001/outlines"));
        assertThat(text(grids)).as("a community's grids, by name").contains("\"level\":\"GRID\"").contains("网格");

        var point = hierarchy.pointIn(PopulationFixture.INSIDE, new Random(3)).orElseThrow();
        var at = as("resident", get("/cases/places/at").param("lon", String.valueOf(point.x)).param("lat", String.valueOf(point.y)));
        assertThat(text(at)).as("the community whose grids the map then draws").contains("\"community\":\"510107005001\"");

        assertThat(as("resident", get("/cases/places/nowhere/outlines")).getStatus()).isEqualTo(404);
        assertThat(as("auditor", get("/cases/places/" + city + "/outlines")).getStatus()).as("only those who may report").isEqualTo(403);
    }
}
