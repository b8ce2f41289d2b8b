package io.gongzhi.casework;

import io.gongzhi.casework.internal.CaseQueries;
import io.gongzhi.casework.internal.ReporterLinks;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A resident without an account raises a problem through the grid worker, who leaves their mobile
 * number; at closing an SMS brings them a link to rate or reopen that case, and nothing else.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ReporterLinkTests {

    private static final Pattern LINK = Pattern.compile("http://localhost:8080(/r/[A-Za-z0-9_-]{43})");

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CaseQueries queries;
    @Autowired
    io.gongzhi.support.SentMessages sent;

    MockHttpServletResponse as(String username, org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder<?> request)
            throws Exception {
        return mvc.perform(request.with(user(users.loadUserByUsername(username))).with(csrf())).andReturn().getResponse();
    }

    MockHttpServletResponse anonymous(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(csrf())).andReturn().getResponse();
    }

    static String text(MockHttpServletResponse r) throws Exception {
        return r.getContentAsString(StandardCharsets.UTF_8);
    }

    void step(String username, long id, String action, String note) throws Exception {
        assertThat(as(username, post("/cases/" + id + "/steps").param("action", action).param("note", note)
                .param("department", "city-management")).getRedirectedUrl()).isEqualTo("/cases/" + id + "?done=" + action);
    }

    String smsLink(long id) throws Exception {
        // the number left with the report (the reporting grid worker may hear of the closing too, on their own number)
        var sms = sent.await(m -> m.text().contains("（案件 #" + id + "）已办结") && m.address().equals("13900001234"));
        var m = LINK.matcher(sms.text());
        assertThat(m.find()).as(sms.text()).isTrue();
        return m.group(1);
    }

    @Test
    void theResidentRatesByTheLinkTheSmsBroughtWithoutSigningIn() throws Exception {
        var badPhone = as("grid", post("/cases/new").param("category", "E0101").param("description", "楼下垃圾桶满了，王阿姨反映")
                .param("place", "510107005001").param("reporterName", "王阿姨").param("contactPhone", "1390000"));
        assertThat(text(badPhone)).contains("请填写 11 位手机号").contains("楼下垃圾桶满了，王阿姨反映").contains("value=\"王阿姨\"");

        var sent = as("grid", post("/cases/new").param("category", "E0101").param("description", "楼下垃圾桶满了，王阿姨反映")
                .param("place", "510107005001").param("reporterName", "王阿姨").param("contactPhone", "139-0000-1234"));
        long id = Long.parseLong(sent.getRedirectedUrl().replaceAll("\\D*(\\d+).*", "$1"));
        assertThat(jdbc.sql("select contact_phone from casework_case where id = :id").param("id", id).query(String.class).single())
                .as("the number is sealed at rest").doesNotContain("13900001234");
        assertThat(text(as("dispatcher", get("/cases/" + id)))).contains("王阿姨 · 139****1234");

        step("dispatcher", id, "accept", "");
        step("dispatcher", id, "dispatch", "");
        step("department", id, "receive", "");
        // the work done, with a photo of it, from the department's phone
        var photo = new org.springframework.mock.web.MockMultipartFile("photos", "after.jpg", "image/jpeg", TestPictures.image("jpg", 640, 480));
        assertThat(as("department", org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/cases/" + id + "/steps")
                .file(photo).param("action", "feedback").param("note", "已清运，桶已清洗")).getRedirectedUrl()).endsWith("?done=feedback");
        step("community", id, "close", "现场核实干净");
        String link = smsLink(id);

        String page = text(anonymous(get(link)));
        assertThat(page).contains("您反映的问题").contains("楼下垃圾桶满了").contains("已清运，桶已清洗").contains("现场核实干净")
                .contains("id=\"do-rate\"").contains("id=\"do-reopen\"");
        assertThat(text(anonymous(get(link + "?lang=en")))).contains("The problem you reported");

        var thumb = java.util.regex.Pattern.compile("<img src=\"(/r/[^\"/]+/files/(\\d+))\\?thumb=true\"").matcher(page);
        assertThat(thumb.find()).as("the photo of the work done is on the reporter's page").isTrue();
        var file = anonymous(get(thumb.group(1)));
        assertThat(file.getStatus()).isEqualTo(200);
        assertThat(file.getContentType()).isEqualTo("image/jpeg");
        assertThat(anonymous(get("/r/" + "A".repeat(43) + "/files/" + thumb.group(2))).getStatus()).as("not by another link").isEqualTo(404);
        assertThat(page).contains("id=\"note-rate\"").contains("想说的话（可不填）");

        var noRating = anonymous(post(link).param("action", "rate"));
        assertThat(text(noRating)).contains("必填");
        var rated = anonymous(post(link).param("action", "rate").param("rating", "SATISFIED").param("note", "师傅很负责"));
        assertThat(rated.getRedirectedUrl()).isEqualTo(link + "?done=rate");
        assertThat(text(anonymous(get(link + "?done=rate")))).contains("谢谢您的评价").contains("满意").contains("师傅很负责")
                .as("rated: not offered again").doesNotContain("id=\"do-rate\"");
        var c = queries.require(id);
        assertThat(c.rating()).isEqualTo(Rating.SATISFIED);
        assertThat(queries.steps(id, CaseActors.dispatcher()).get(queries.steps(id, CaseActors.dispatcher()).size() - 1).actor())
                .isEqualTo("sms-link");

        var holder = ReporterLinks.holder(id);
        assertThatThrownBy(() -> queries.get(id - 1, holder)).as("a link opens its own case only").isInstanceOf(io.gongzhi.shared.NotFound.class);

        var forged = anonymous(get("/r/" + "A".repeat(43)));
        assertThat(forged.getStatus()).isEqualTo(404);
        assertThat(text(forged)).contains("链接已失效");
        jdbc.sql("update casework_case set reporter_link_until = reporter_link_until - interval '31' day where id = :id").param("id", id).update();
        var expired = anonymous(get(link + "?lang=en"));
        assertThat(expired.getStatus()).isEqualTo(404);
        assertThat(text(expired)).contains("This link no longer works");
        assertThat(anonymous(post(link).param("action", "reopen").param("note", "又满了")).getStatus()).isEqualTo(404);
        assertThat(queries.require(id).state()).isEqualTo(CaseState.CLOSED);
    }
}
