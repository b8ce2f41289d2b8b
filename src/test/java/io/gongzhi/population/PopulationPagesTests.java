package io.gongzhi.population;

import io.gongzhi.population.internal.NationalId;

import io.gongzhi.support.PopulationFixture;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The community worker's and grid worker's pages and the REST twin, as the demo accounts use them. */
@SpringBootTest
@AutoConfigureMockMvc
class PopulationPagesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;

    PopulationFixture.People people;
    static int ordinal = 400;

    @BeforeEach
    void setUp() {
        people = PopulationFixture.ensure(context);
    }

    @Test
    @WithUserDetails("community")
    void theApiRegistersAResidentAndExplainsBadInputInTheCallersLanguage() throws Exception {
        var id = NationalId.nth("510107", LocalDate.of(1988, 8, 8), ordinal++, false);
        String body = """
                {"address": {"compoundCode": "%s", "building": "12", "unitNo": "", "room": "303"},
                 "resident": {"name": "令狐接口", "sex": "F", "idKind": "NATIONAL_ID", "idNumber": "%s", "phone": "15900001234",
                              "registration": "PERMIT", "relation": "HEAD", "careGroups": "disabled"}}"""
                .formatted(people.insideCompound().code(), id.value());
        mvc.perform(post("/api/population/residents").contentType(MediaType.APPLICATION_JSON).content(body).with(csrf()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.name").value("令狐接口"))
                .andExpect(jsonPath("$.idMasked").value(id.masked()))
                .andExpect(jsonPath("$.phoneMasked").value("159****1234"))
                .andExpect(content().string(not(containsString(id.value()))));
        String bad = body.replace("\"F\"", "\"M\"").replace("15900001234", "159");
        mvc.perform(post("/api/population/residents?lang=en").contentType(MediaType.APPLICATION_JSON).content(bad).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("The sex does not match the identity number."),
                        containsString("Not a phone number"), containsString("This document number is already registered"))));
        mvc.perform(post("/api/population/residents").contentType(MediaType.APPLICATION_JSON).content(bad).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("性别与身份证号码不符")));
    }

    @Test
    @WithUserDetails("community")
    void theRegisterFormKeepsWhatWasTypedAndMarksEachBadField() throws Exception {
        mvc.perform(post("/population/new").with(csrf()).param("compound", people.insideCompound().code()).param("building", "3")
                        .param("room", "101").param("name", "上官表单").param("sex", "M").param("idKind", "NATIONAL_ID")
                        .param("idNumber", "510107198001010010").param("registration", "LOCAL").param("relation", "HEAD"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("value=\"上官表单\""), containsString("身份证号码校验位不对"),
                        containsString("aria-invalid=\"true\""))));
    }

    @Test
    @WithUserDetails("community")
    void searchThenCardThenUnmaskWithAReasonShowsTheNumberOnceAndAudits() throws Exception {
        mvc.perform(get("/population").param("q", "欧阳内"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(PopulationFixture.INSIDE_NAME), containsString(PopulationFixture.INSIDE_ID.masked()),
                        not(containsString(PopulationFixture.OUTSIDE_NAME)))));
        long id = people.inside().id();
        mvc.perform(get("/population/residents/" + id))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(PopulationFixture.INSIDE_ID.masked()), not(containsString(PopulationFixture.INSIDE_ID.value())))));
        mvc.perform(post("/population/residents/" + id + "/unmask").with(csrf()).param("field", "ID").param("reason", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("查看完整号码需要填写原因"), not(containsString(PopulationFixture.INSIDE_ID.value())))));
        mvc.perform(post("/population/residents/" + id + "/unmask").with(csrf()).param("field", "ID").param("reason", "办理高龄补贴"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(PopulationFixture.INSIDE_ID.value())));
        assertThat(jdbc.sql("select count(*) from audit_record where action = 'person.unmask' and account = 'community' and detail = 'id: 办理高龄补贴'")
                .query(Long.class).single()).isPositive();
        mvc.perform(get("/population/households/" + people.inside().householdId()))
                .andExpect(status().isOk()).andExpect(content().string(containsString(PopulationFixture.INSIDE_NAME)));
    }

    @Test
    @WithUserDetails("grid")
    void theGridWorkerSeesWhoIsDueAndRecordsAVisit() throws Exception {
        jdbc.sql("delete from population_visit where resident_id = ?").param(people.inside().id()).update();
        mvc.perform(get("/grid")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(PopulationFixture.INSIDE_NAME), containsString("从未走访"))));
        mvc.perform(post("/population/residents/" + people.inside().id() + "/visits").with(csrf()).param("note", "  ").param("back", "grid"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("必填")));
        mvc.perform(post("/population/residents/" + people.inside().id() + "/visits").with(csrf()).param("note", "老人精神好").param("back", "grid"))
                .andExpect(redirectedUrlPattern("/grid?visited=*"));
        mvc.perform(get("/grid")).andExpect(content().string(not(containsString("id=\"due-" + people.inside().id() + "\""))));
        jdbc.sql("delete from population_visit where resident_id = ?").param(people.inside().id()).update();
    }

    @Test
    @WithUserDetails("community")
    void anUploadShowsProgressThenItsProblemsAndTheErrorListDownloads() throws Exception {
        String csv = "小区编码,楼栋,单元,房号,姓名,性别,出生日期,证件类型,证件号码,国籍,联系电话,户籍类型,与户主关系,党员,关爱对象,入住日期\r\n"
                + people.insideCompound().code() + ",1,1,101,坏行,男,,居民身份证,123,,,户籍,户主,否,,\r\n";
        var file = new MockMultipartFile("file", "bad.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        String location = mvc.perform(multipart("/population/import").file(file).with(csrf()))
                .andExpect(redirectedUrlPattern("/population/import/jobs/*")).andReturn().getResponse().getRedirectedUrl();
        String page = "";
        for (int i = 0; i < 100 && !page.contains("import-invalid"); i++) {
            Thread.sleep(100);
            page = mvc.perform(get(location + "/progress")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        }
        assertThat(page).contains("import-invalid", "身份证号码应为 18 位", "<td>2</td>");
        byte[] errors = mvc.perform(get(location + "/errors.xlsx")).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(errors))) {
            assertThat(workbook.getFirstSheet().read().get(1).getCell(0).getText()).isEqualTo("2");
        }
        mvc.perform(get("/population/import/template.xlsx")).andExpect(status().isOk())
                .andExpect(content().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
    }

    @Test
    @WithUserDetails("district")
    void aDistrictIsAskedToNarrowBeforeListingAndThenFindsItsResidents() throws Exception {
        mvc.perform(get("/population")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"narrow-first\""), not(containsString("id=\"residents\"")))));
        mvc.perform(get("/population").param("q", "欧阳内")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(PopulationFixture.INSIDE_NAME), not(containsString("id=\"narrow-first\"")))));
    }

    @Test
    @WithUserDetails("community")
    void anExportIsMaskedAndAudited() throws Exception {
        long before = jdbc.sql("select count(*) from audit_record where action = 'person.export'").query(Long.class).single();
        byte[] xlsx = mvc.perform(get("/population/export.xlsx").param("q", "欧阳内")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            var rows = workbook.getFirstSheet().read();
            assertThat(rows.get(0).getCell(8).getText()).isEqualTo("证件号码");
            assertThat(rows).anySatisfy(r -> assertThat(r.getCell(8).getText()).isEqualTo(PopulationFixture.INSIDE_ID.masked()));
            assertThat(rows).allSatisfy(r -> assertThat(r.getCell(8).getText()).isNotEqualTo(PopulationFixture.INSIDE_ID.value()));
        }
        assertThat(jdbc.sql("select count(*) from audit_record where action = 'person.export'").query(Long.class).single()).isEqualTo(before + 1);
    }
}
