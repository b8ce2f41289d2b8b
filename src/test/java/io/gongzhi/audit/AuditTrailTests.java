package io.gongzhi.audit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Every audited action leaves exactly its row, in the same transaction as the change. */
@SpringBootTest
@AutoConfigureMockMvc
class AuditTrailTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Audit audit;
    @Autowired
    TransactionTemplate transactions;

    record Row(String account, String roles, String action, String object, String outcome, String detail, String client) {
    }

    List<Row> rows(String object) {
        return jdbc.sql("select account, roles, action, object, outcome, detail, client from audit_record where object = ? order by at, id")
                .param(object).query(Row.class).list();
    }

    List<String> actions(String object) {
        return jdbc.sql("select action from audit_record where object = ? order by at, id").param(object).query(String.class).list();
    }

    @Test
    void aRowWrittenInARolledBackTransactionIsGoneWithIt() {
        String object = "test:" + System.nanoTime();
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            audit.record("test.rollback", object, Outcome.SUCCESS);
            throw new IllegalStateException("the change fails after its audit row");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(rows(object)).isEmpty();
        transactions.executeWithoutResult(status -> audit.record("test.commit", object, Outcome.SUCCESS));
        assertThat(rows(object)).hasSize(1);
    }

    @Autowired
    AuditLog log;

    @Test
    void rowsRecordedAtCommitAppearWithTheCommitInTheirOrderAndKeepTheChainWhole() {
        String object = "test:" + System.nanoTime();
        var someone = new io.gongzhi.shared.Actor(77L, "batcher", java.util.Set.of("GRID_WORKER"), java.util.Set.of(),
                io.gongzhi.shared.Jurisdiction.NONE);
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            audit.recordAtCommit(someone, "test.later", object, Outcome.SUCCESS, "gone");
            throw new IllegalStateException("the change fails after its audit row");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(rows(object)).as("nothing of a rolled-back transaction").isEmpty();

        transactions.executeWithoutResult(status -> {
            audit.recordAtCommit(someone, "test.first", object, Outcome.SUCCESS, "1");
            audit.record(someone, "test.now", object, Outcome.SUCCESS, "written at once");
            audit.recordAtCommit(someone, "test.second", object, Outcome.SUCCESS, "2");
            assertThat(actions(object)).as("before the commit only the row written at once").containsExactly("test.now");
        });
        assertThat(jdbc.sql("select action from audit_record where object = ? order by chain, seq").param(object).query(String.class).list())
                .containsExactly("test.now", "test.first", "test.second");
        assertThat(rows(object)).extracting(Row::account, Row::roles).containsOnly(org.assertj.core.groups.Tuple.tuple("batcher", "GRID_WORKER"));
        assertThat(log.verify().intact()).as("the chain checks out with the batch in it").isTrue();

        audit.recordAtCommit(someone, "test.alone", object, Outcome.SUCCESS, "no transaction: written at once");
        assertThat(actions(object)).contains("test.alone");
    }

    @Test
    @WithUserDetails("admin")
    void accountAdministrationIsAuditedActionByAction() throws Exception {
        String username = "audit" + (System.nanoTime() % 1_000_000);
        var created = mvc.perform(post("/api/identity/accounts").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + username + "\",\"displayName\":\"审计测试\",\"roles\":[\"GRID_WORKER\"],\"units\":[\"510107005001\"]}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = Long.parseLong(created.replaceAll("(?s).*\"id\":(\\d+).*", "$1"));
        String object = "account:" + id;
        mvc.perform(put("/api/identity/accounts/" + id).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"displayName\":\"审计测试二\",\"roles\":[\"COMMUNITY_WORKER\"],\"units\":[\"510107005001\"]}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.roles[0]").value("COMMUNITY_WORKER"));
        for (String action : new String[] {"disable", "enable", "unlock", "reset-password"}) {
            mvc.perform(post("/api/identity/accounts/" + id + "/" + action).with(csrf())).andExpect(status().isOk());
        }
        mvc.perform(post("/api/identity/accounts/" + id + "/second-factor-required").with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"required\":true}")).andExpect(status().isOk());

        assertThat(actions(object)).containsExactly("account.create", "account.update", "account.disable", "account.enable",
                "account.unlock", "account.password-reset", "account.second-factor-required");
        assertThat(rows(object)).allSatisfy(r -> {
            assertThat(r.account()).isEqualTo("admin");
            assertThat(r.roles()).isEqualTo("SYSTEM_ADMIN");
            assertThat(r.outcome()).isEqualTo("SUCCESS");
            assertThat(r.client()).isEqualTo("127.0.0.1");
        });
        assertThat(rows(object).get(1).detail()).isEqualTo("roles=[COMMUNITY_WORKER] units=[510107005001] departments=[]");
    }

    @Test
    @WithUserDetails("resident")
    void aRefusalIsAuditedWithWhoAndWhat() throws Exception {
        mvc.perform(get("/api/identity/accounts").header("Accept-Language", "en")).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("forbidden")).andExpect(jsonPath("$.title").value("You may not do this"));
        var denial = rows("GET /api/identity/accounts");
        assertThat(denial).last().satisfies(r -> {
            assertThat(r.account()).isEqualTo("resident");
            assertThat(r.action()).isEqualTo("access.denied");
            assertThat(r.outcome()).isEqualTo("DENIED");
        });
    }

    @Test
    @WithUserDetails("secadmin")
    void aPolicyChangeIsAudited() throws Exception {
        mvc.perform(put("/api/identity/policy").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"maxFailures\":5,\"lockMinutes\":15,\"idleMinutes\":30,\"absoluteHours\":12,\"secondFactorForPrivileged\":false,\"passwordMaxAgeDays\":0}"))
                .andExpect(status().isOk());
        mvc.perform(put("/api/identity/policy").with(csrf()).contentType(MediaType.APPLICATION_JSON).header("Accept-Language", "en")
                        .content("{\"maxFailures\":\"five\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("invalid-input"))
                .andExpect(jsonPath("$.errors[0].where").value("maxFailures"))
                .andExpect(jsonPath("$.errors[0].message").value("Must be a whole number"));
        assertThat(rows("policy:login")).last().satisfies(r -> assertThat(r.account()).isEqualTo("secadmin"));
        mvc.perform(put("/api/identity/policy").with(csrf()).contentType(MediaType.APPLICATION_JSON).header("Accept-Language", "en")
                        .content("{\"maxFailures\":50,\"lockMinutes\":1,\"idleMinutes\":30,\"absoluteHours\":12,\"secondFactorForPrivileged\":false,\"passwordMaxAgeDays\":0}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].where").value("maxFailures"))
                .andExpect(jsonPath("$.errors[0].message").value("Must be between 3 and 10."))
                .andExpect(jsonPath("$.errors[1].where").value("lockMinutes"));
    }

    @Test
    @WithUserDetails("admin")
    void aDivisionsImportIsAudited() throws Exception {
        var csv = "code,name,level,parent_code\n5187,审计市,city,\n";
        mvc.perform(multipart("/api/geo/divisions").file(new MockMultipartFile("file", "d.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                .with(csrf())).andExpect(status().isOk());
        assertThat(rows("divisions")).last().satisfies(r -> {
            assertThat(r.action()).isEqualTo("geography.import-divisions");
            assertThat(r.account()).isEqualTo("admin");
        });
    }

    @Test
    @WithUserDetails("auditor")
    void theAuditorSearchesAndExportsAndTheExportIsItselfAudited() throws Exception {
        mvc.perform(get("/api/audit/records").param("action", "account.")).andExpect(status().isOk())
                .andExpect(jsonPath("$.records[0].action").value(org.hamcrest.Matchers.startsWith("account.")))
                .andExpect(jsonPath("$.total").value(org.hamcrest.Matchers.greaterThanOrEqualTo(11)));
        var csv = mvc.perform(get("/api/audit/export").param("action", "account.create")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFid,chain,seq,time_utc").contains("account.create");
        assertThat(rows("audit")).last().satisfies(r -> {
            assertThat(r.action()).isEqualTo("audit.export");
            assertThat(r.account()).isEqualTo("auditor");
        });
        mvc.perform(get("/api/audit/records").param("from", "2026-13-01").header("Accept-Language", "en"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].code").value("audit.date-invalid"));
    }

    @Test
    @WithUserDetails("admin")
    void theSystemAdministratorCannotReadTheLog() throws Exception {
        mvc.perform(get("/api/audit/records")).andExpect(status().isForbidden());
        mvc.perform(get("/audit")).andExpect(status().isForbidden());
    }
}
