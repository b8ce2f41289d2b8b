package io.gongzhi.emergency;

import io.gongzhi.identity.Accounts;
import io.gongzhi.identity.Role;
import io.gongzhi.identity.internal.AccountForm;
import io.gongzhi.emergency.internal.InForce;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A district's committee switches its district into emergency mode and back: only for its own
 * district, one response at a time, every page of every account inside says so, the city sees a
 * place inside in a response, bad input is refused field by field, and the history is kept.
 */
@SpringBootTest
@AutoConfigureMockMvc
class EmergencyResponsesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Accounts accounts;
    @Autowired
    InForce inForce;

    MockHttpServletResponse as(String username, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(users.loadUserByUsername(username))).with(csrf())).andReturn().getResponse();
    }

    static String text(MockHttpServletResponse r) throws Exception {
        return r.getContentAsString(StandardCharsets.UTF_8);
    }

    static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    /** Whatever a test left in force is stood down, so no other test's pages carry a banner. */
    @AfterEach
    void normalAgain() {
        jdbc.sql("update emergency_response set stood_down_at = current_timestamp, in_force_unit = null where stood_down_at is null").update();
        inForce.forget();
    }

    @Test
    void theDistrictsCommitteeDeclaresChangesAndStandsDownItsOwnDistrictsResponse() throws Exception {
        var declared = as("district", json(post("/api/emergency/responses"), "{\"unit\":\"510107\",\"level\":\"III\",\"reason\":\"辖区出现聚集性疫情\"}"));
        assertThat(declared.getStatus()).isEqualTo(201);
        long id = Long.parseLong(text(declared).replaceAll("(?s).*\"id\":(\\d+).*", "$1"));

        assertThat(text(as("grid", get("/")))).as("every page inside says so").contains("武侯区 Ⅲ级应急响应中");
        assertThat(text(as("grid", get("/cases/new?lang=en")))).contains("武侯区: level Ⅲ emergency response in force");
        assertThat(text(as("city", get("/")))).as("the city sees a place inside").contains("辖区内有 1 处启动了应急响应");
        assertThat(text(as("admin", get("/")))).as("the administrators work inside no place").doesNotContain("应急响应中");

        var again = as("district", json(post("/api/emergency/responses?lang=en"), "{\"unit\":\"510107\",\"level\":\"II\",\"reason\":\"再次启动\"}"));
        assertThat(again.getStatus()).as("one response at a time").isEqualTo(409);
        assertThat(text(again)).contains("is in an emergency response already");

        var same = as("district", json(post("/api/emergency/responses/" + id + "/level"), "{\"level\":\"III\",\"reason\":\"不变\"}"));
        assertThat(same.getStatus()).isEqualTo(400);
        assertThat(text(same)).contains("\"level\"").contains("现在已是Ⅲ级响应");
        assertThat(as("district", json(post("/api/emergency/responses/" + id + "/level"), "{\"level\":\"II\",\"reason\":\"病例增加\"}"))
                .getStatus()).isEqualTo(200);
        assertThat(text(as("community", get("/")))).contains("武侯区 Ⅱ级应急响应中");

        var page = text(as("district", get("/emergency")));
        assertThat(page).contains("武侯区 Ⅱ级应急响应").contains("辖区出现聚集性疫情").contains("提升为Ⅱ级响应").contains("id=\"do-stand-down-" + id + "\"");
        assertThat(text(as("dispatcher", get("/emergency")))).as("a dispatcher reads it, and may not change it")
                .contains("武侯区 Ⅱ级应急响应").doesNotContain("do-stand-down").doesNotContain("id=\"do-declare\"");

        var down = as("district", post("/emergency/" + id + "/stand-down").param("reason", "疫情得到控制"));
        assertThat(down.getRedirectedUrl()).isEqualTo("/emergency?done=stood-down");
        assertThat(text(as("grid", get("/")))).as("back to normal at once on this node").doesNotContain("应急响应中");
        var history = text(as("district", get("/api/emergency/responses/" + id)));
        assertThat(history).contains("\"DECLARED\"").contains("\"RAISED\"").contains("\"STOOD_DOWN\"").contains("疫情得到控制");
        assertThat(text(as("district", get("/emergency")))).contains("已终止的响应").contains("id=\"do-declare\"");
    }

    @Test
    void aCommitteeDeclaresOnlyForItsOwnCityOrDistrict() throws Exception {
        var notOwn = as("district", json(post("/api/emergency/responses?lang=en"), "{\"unit\":\"5101\",\"level\":\"I\",\"reason\":\"全市\"}"));
        assertThat(notOwn.getStatus()).isEqualTo(400);
        assertThat(text(notOwn)).contains("\"unit\"").contains("only for your own city or district");
        assertThat(as("district", json(post("/api/emergency/responses"), "{\"unit\":\"510104\",\"level\":\"I\",\"reason\":\"邻区\"}")).getStatus())
                .as("another district").isEqualTo(400);
        assertThat(as("dispatcher", json(post("/api/emergency/responses"), "{\"unit\":\"510107005\",\"level\":\"IV\",\"reason\":\"街道\"}")).getStatus())
                .as("a sub-district declares nothing").isEqualTo(403);

        String jinjiang = "jinjiang." + (System.nanoTime() % 100_000);
        accounts.create(new AccountForm(jinjiang, "锦江区社治委", Set.of(Role.DISTRICT_COMMITTEE), Set.of("510104"), Set.of()), "Jinjiang-Committee#2026");
        var city = as("city", json(post("/api/emergency/responses"), "{\"unit\":\"5101\",\"level\":\"IV\",\"reason\":\"全市防汛\"}"));
        assertThat(city.getStatus()).isEqualTo(201);
        long cityId = Long.parseLong(text(city).replaceAll("(?s).*\"id\":(\\d+).*", "$1"));
        assertThat(text(as("grid", get("/")))).as("a city's response holds over every place below").contains("成都市 Ⅳ级应急响应中");
        assertThat(as(jinjiang, json(post("/api/emergency/responses/" + cityId + "/stand-down"), "{\"reason\":\"不是本级\"}")).getStatus())
                .as("a district may read the city's response, not stand it down").isEqualTo(403);
        assertThat(as(jinjiang, get("/api/emergency/responses/" + cityId)).getStatus()).isEqualTo(200);
    }

    @Test
    void badInputIsRefusedFieldByFieldAndNothingIsDeclared() throws Exception {
        var bad = as("district", json(post("/api/emergency/responses?lang=en"), "{\"unit\":\"510107\",\"level\":\"V\",\"reason\":\" \"}"));
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(text(bad)).contains("\"level\"").contains("Choose a response level").contains("\"reason\"").contains("Give the reason");
        assertThat(as("district", json(post("/api/emergency/responses"), "{\"unit\":\"510107\",\"level\":\"II\",\"reason\":\"" + "长".repeat(2001) + "\"}"))
                .getStatus()).isEqualTo(400);
        assertThat(as("district", json(post("/api/emergency/responses"), "not json")).getStatus()).isEqualTo(400);
        assertThat(as("district", post("/api/emergency/responses")).getStatus()).as("no body").isIn(400, 415);
        assertThat(as("district", json(post("/api/emergency/responses/abc/level"), "{}")).getStatus()).isEqualTo(400);
        assertThat(as("district", json(post("/api/emergency/responses/999999/level"), "{\"level\":\"I\",\"reason\":\"x\"}")).getStatus())
                .isEqualTo(404);

        var page = as("district", post("/emergency/declare").param("unit", "510107").param("level", "").param("reason", "只写了原因"));
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(text(page)).contains("请选择响应级别（Ⅰ级至Ⅳ级）。").contains("只写了原因");
        assertThat(text(as("grid", get("/")))).as("nothing was declared").doesNotContain("应急响应中");
    }
}
