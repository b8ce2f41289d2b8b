package io.gongzhi.platform.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A JSON body with a value of the wrong type is bad input naming the field and what belongs there,
 * in the caller's language, through the application's own reader: a word or a fraction where a
 * whole number belongs, a word where a list does, a word where true or false does, deep in a list.
 */
@SpringBootTest
@AutoConfigureMockMvc
class BodyFieldsTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;

    ResultActions issue(String json, String language) throws Exception {
        return mvc.perform(post("/api/emergency/directives").with(user(users.loadUserByUsername("dispatcher"))).with(csrf())
                .header("Accept-Language", language).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    static String body(String extra) {
        return "{\"unit\":\"510107005\",\"title\":\"类型测试\",\"body\":\"内容\"," + extra + "}";
    }

    @Test
    void aValueOfTheWrongTypeIsRefusedNamingItsField() throws Exception {
        issue(body("\"ackHours\":\"abc\""), "zh-CN").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("invalid-input"))
                .andExpect(jsonPath("$.errors[0].where").value("ackHours"))
                .andExpect(jsonPath("$.errors[0].message").value("应为整数"));
        issue(body("\"ackHours\":1.5"), "en").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].where").value("ackHours"))
                .andExpect(jsonPath("$.errors[0].message").value("Must be a whole number"));
        issue(body("\"ackHours\":2,\"units\":\"x\""), "en").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].where").value("units"))
                .andExpect(jsonPath("$.errors[0].message").value("Must be a list ([...])"));
        issue(body("\"ackHours\":2,\"form\":[{\"label\":\"出入口已封闭\",\"type\":\"YES_NO\",\"required\":\"maybe\"}]"), "en")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].where").value("form[0].required"))
                .andExpect(jsonPath("$.errors[0].message").value("Must be true or false"));
    }

    @Test
    void aWrongMethodOrContentTypeIsAProblemInTheCallersLanguageAndAPageForBrowsers() throws Exception {
        var dispatcher = user(users.loadUserByUsername("dispatcher"));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/emergency/directives").with(dispatcher).with(csrf())
                        .header("Accept-Language", "zh-CN"))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header().string("Allow", org.hamcrest.Matchers.containsString("POST")))
                .andExpect(jsonPath("$.code").value("method-not-allowed"))
                .andExpect(jsonPath("$.title").value("不支持这种请求方式"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("这个地址不接受 PUT")));
        mvc.perform(post("/api/emergency/directives").with(dispatcher).with(csrf()).header("Accept-Language", "en")
                        .contentType(MediaType.TEXT_PLAIN).content("ackHours=2"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.code").value("unsupported-media-type"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("application/json")));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/cases").with(dispatcher).with(csrf()))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(
                        org.hamcrest.Matchers.containsString("这个地址不接受 DELETE，可用：GET")));
    }

    @Test
    void aBodyThatIsNotJsonIsUnreadableAsBefore() throws Exception {
        issue("ackHours=2", "en").andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("body-unreadable"));
        issue("{\"unit\":", "en").andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("body-unreadable"));
    }
}
