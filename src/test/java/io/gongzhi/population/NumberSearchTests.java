package io.gongzhi.population;

import io.gongzhi.audit.Audit;
import io.gongzhi.audit.Outcome;
import io.gongzhi.identity.internal.AccountForm;
import io.gongzhi.identity.Accounts;
import io.gongzhi.identity.Role;
import io.gongzhi.shared.Actor;
import io.gongzhi.shared.Jurisdiction;
import io.gongzhi.support.PopulationFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A search by a full number confirms a guess, so it is audited without the number and limited per
 * account and hour: someone who sees a person masked cannot try the numbers the mask leaves.
 */
@SpringBootTest
@AutoConfigureMockMvc
class NumberSearchTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    Accounts accounts;
    @Autowired
    UserDetailsService users;
    @Autowired
    Audit audit;
    @Autowired
    JdbcClient jdbc;

    @Test
    void searchesByNumberAreAuditedWithoutTheNumberAndStopAtTheHoursLimit() throws Exception {
        PopulationFixture.ensure(context);
        String name = "numsearch" + System.nanoTime() % 1_000_000;
        long id = accounts.create(new AccountForm(name, "号码查询", Set.of(Role.SUBDISTRICT_DISPATCHER), Set.of("510107005"), Set.of()),
                "Tianfu-Square#2026").id();
        var caller = user(users.loadUserByUsername(name));
        String number = PopulationFixture.INSIDE_ID.value();
        mvc.perform(get("/api/population/residents").param("q", number).with(caller))
                .andExpect(status().isOk()).andExpect(jsonPath("$.residents[0].name").value(PopulationFixture.INSIDE_NAME));
        var rows = jdbc.sql("select detail from audit_record where account = ? and action = 'person.search-number'").param(name)
                .query(String.class).list();
        assertThat(rows).containsExactly("found=1");
        assertThat(jdbc.sql("select count(*) from audit_record where detail like ?").param("%" + number.substring(6) + "%")
                .query(Long.class).single()).as("the number is on no audit row").isZero();

        // the hour's other 199 searches
        var actor = new Actor(id, name, Set.of("SUBDISTRICT_DISPATCHER"), Set.of("person.read"), Jurisdiction.NONE);
        for (int i = 1; i < 200; i++) {
            audit.record(actor, "person.search-number", "residents", Outcome.SUCCESS, "found=0");
        }
        mvc.perform(get("/api/population/residents").param("q", number).header("Accept-Language", "en").with(caller))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "3600"))
                .andExpect(jsonPath("$.code").value("person.search-number-limit"))
                .andExpect(jsonPath("$.detail").value(containsString("200 times in the last hour")))
                .andExpect(content().string(not(containsString(PopulationFixture.INSIDE_NAME))));
        mvc.perform(get("/population").param("q", "13900001111").with(caller))
                .andExpect(status().isTooManyRequests()).andExpect(content().string(containsString("200 次")));
        mvc.perform(get("/api/population/residents").param("q", "欧阳").with(caller))
                .andExpect(status().isOk()).andExpect(jsonPath("$.residents[0].name").value(PopulationFixture.INSIDE_NAME));
    }
}
