package io.gongzhi.identity.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The administration pages with bad input: every reason under its field, in the user's language, nothing typed lost. */
@SpringBootTest
@AutoConfigureMockMvc
class AccountPagesTests {

    @Autowired
    MockMvc mvc;

    @Test
    @WithUserDetails("admin")
    void aBadNewAccountIsExplainedFieldByFieldAndKeepsWhatWasTyped() throws Exception {
        mvc.perform(post("/admin/accounts").with(csrf()).param("username", "Bad Name").param("displayName", "王小明")
                        .param("roles", "COMMUNITY_WORKER", "AUDITOR").param("units", "510107005001 999999999"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("value=\"Bad Name\""), containsString("value=\"王小明\""),
                        containsString("name=\"units\" value=\"510107005001\""), containsString("name=\"units\" value=\"999999999\""),
                        containsString("玉林北路社区 (510107005001)"),
                        containsString("区划代码“999999999”不存在"),
                        containsString("三个角色互相分离"),
                        not(containsString("one-time-password")))));
        mvc.perform(post("/admin/accounts?lang=en").with(csrf()).param("username", "ok.name").param("displayName", "Li")
                        .param("roles", "DEPARTMENT_STAFF").param("units", "510107"))
                .andExpect(content().string(allOf(containsString("Department staff need at least one department."),
                        containsString("Housing and Urban-Rural Development"), containsString("武侯区 (510107)"))));
        mvc.perform(post("/admin/accounts?lang=en").with(csrf()).param("username", "ok.name").param("displayName", "Li")
                        .param("roles", "DEPARTMENT_STAFF").param("units", "510107").param("departments", "housing", "no-such-office"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("There is no department with the code &quot;no-such-office&quot;"),
                        containsString("value=\"no-such-office\" checked"), not(containsString("one-time-password")))));
        mvc.perform(post("/admin/accounts?lang=en").with(csrf()).param("username", "ok.resident").param("displayName", "Li")
                        .param("roles", "RESIDENT").param("departments", "city-management"))
                .andExpect(content().string(allOf(containsString("Only department staff belong to departments"),
                        not(containsString("one-time-password")))));
        mvc.perform(post("/admin/accounts?lang=en").with(csrf()).param("username", "ok.many").param("displayName", "Li")
                        .param("roles", "GRID_WORKER").param("units", java.util.stream.IntStream.range(0, 800).mapToObj(i -> "9" + i)
                                .toArray(String[]::new)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("An account may look after at most 200 places."),
                        not(containsString("There is no division")), not(containsString("one-time-password")))));
    }

    @Test
    @WithUserDetails("admin")
    void theAdministratorCannotChangeTheirOwnRolesNorDisableThemselves() throws Exception {
        var page = mvc.perform(get("/admin/accounts").param("q", "admin")).andReturn().getResponse().getContentAsString();
        String id = page.replaceAll("(?s).*href=\"/admin/accounts/(\\d+)\">admin<.*", "$1");
        mvc.perform(post("/admin/accounts/" + id).with(csrf()).param("displayName", "系统管理员").param("roles", "SYSTEM_ADMIN", "COMMUNITY_WORKER")
                        .param("units", "*"))
                .andExpect(content().string(containsString("三个角色互相分离")));
        mvc.perform(post("/admin/accounts/" + id).with(csrf()).param("displayName", "系统管理员").param("roles", "AUDITOR").param("units", "*"))
                .andExpect(content().string(containsString("不能修改自己的角色")));
        mvc.perform(post("/admin/accounts/" + id + "/disable").with(csrf()))
                .andExpect(content().string(containsString("不能停用自己的账号")));
    }

    @Test
    @WithUserDetails("secadmin")
    void aBadPolicyIsExplainedAndNotSaved() throws Exception {
        mvc.perform(post("/admin/policy").with(csrf()).param("maxFailures", "abc").param("lockMinutes", "2")
                        .param("idleMinutes", "30").param("absoluteHours", "12").param("passwordMaxAgeDays", "7"))
                .andExpect(content().string(allOf(containsString("“abc”不是整数"), containsString("应在 5 到 1440 之间"),
                        containsString("应为 0（不过期）或 30 到 365 之间"),
                        containsString("value=\"2\""), not(containsString("已保存")))));
        mvc.perform(get("/admin/policy")).andExpect(content().string(containsString("value=\"5\"")));
    }
}
