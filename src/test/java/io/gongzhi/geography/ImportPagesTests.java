package io.gongzhi.geography;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The import page and its REST twin: administrators only, every bad line shown, nothing written on refusal. */
@SpringBootTest
@AutoConfigureMockMvc
class ImportPagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Hierarchy hierarchy;

    @Test
    @WithUserDetails("admin")
    void aGoodFileIsImportedAndReported() throws Exception {
        var file = new MockMultipartFile("file", "city.csv", "text/csv", new CityFile("5195", "页城市").bytes());
        mvc.perform(multipart("/geo/import").file(file).param("kind", "divisions").with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("导入完成"), containsString("社区（村） 12"))));
        org.assertj.core.api.Assertions.assertThat(hierarchy.children("5195")).hasSize(2);
    }

    @Test
    @WithUserDetails("admin")
    void aBadFileListsEveryLineAndWritesNothing() throws Exception {
        var city = new CityFile("5196", "错城市");
        city.add("519601099,,subdistrict,519601").add("519601098,某街道,subdistrict,999999");
        var file = new MockMultipartFile("file", "city.csv", "text/csv", city.bytes());
        mvc.perform(multipart("/geo/import").file(file).param("kind", "divisions").with(csrf()).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("2 problem(s)"), containsString("<td>21</td>"),
                        containsString("The name must not be empty."), containsString("<td>22</td>"),
                        containsString("The parent code 999999 is neither in the file nor in the system."))));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> hierarchy.unit("5196"))
                .isInstanceOf(io.gongzhi.shared.NotFound.class);
    }

    @Test
    @WithUserDetails("admin")
    void theRestApiImportsTheSameWay() throws Exception {
        var file = new MockMultipartFile("file", "city.csv", "text/csv", new CityFile("5197", "接城市").bytes());
        mvc.perform(multipart("/api/geo/divisions").file(file).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.added.length()").value(19));
        var empty = new MockMultipartFile("file", "empty.csv", "text/csv", new byte[0]);
        mvc.perform(multipart("/api/geo/divisions").file(empty).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("geography.import.no-file"));
    }

    @Test
    @WithUserDetails("community")
    void onlyTheSystemAdministratorMayImport() throws Exception {
        mvc.perform(get("/geo/import")).andExpect(status().isForbidden());
        var file = new MockMultipartFile("file", "city.csv", "text/csv", new CityFile("5198", "禁城市").bytes());
        mvc.perform(multipart("/api/geo/divisions").file(file).with(csrf())).andExpect(status().isForbidden());
    }
}
