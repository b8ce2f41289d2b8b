package io.gongzhi.geography;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
@WithUserDetails("city")
class HierarchyApiTests {

    @Autowired
    MockMvc mvc;

    @Test
    void theTreeOpensFromTheCityDown() throws Exception {
        mvc.perform(get("/api/geo/units/5101/children"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(20))
                .andExpect(jsonPath("$[0].code").value("510104"))
                .andExpect(jsonPath("$[0].displayName").value("锦江区"))
                .andExpect(jsonPath("$[0].level").value("DISTRICT"));
        mvc.perform(get("/api/geo/units/510107005001/chain"))
                .andExpect(jsonPath("$[*].code").value(org.hamcrest.Matchers.contains("5101", "510107", "510107005", "510107005001")))
                .andExpect(jsonPath("$[3].displayName").value("玉林北路社区"));
    }

    @Test
    void theMapGetsTheChildrenAsGeoJson() throws Exception {
        mvc.perform(get("/api/geo/units/5101/children/boundaries"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.type").value("FeatureCollection"))
                .andExpect(jsonPath("$.features.length()").value(20))
                .andExpect(jsonPath("$.features[0].properties.code").value("510104"))
                .andExpect(jsonPath("$.features[0].properties.name").value("锦江区"))
                .andExpect(jsonPath("$.features[0].geometry.type").value(org.hamcrest.Matchers.oneOf("Polygon", "MultiPolygon")))
                .andExpect(jsonPath("$.features[0].geometry.coordinates[0][0][0]").isNumber());
    }

    @Test
    void anUnknownCodeIsANotFoundProblem() throws Exception {
        mvc.perform(get("/api/geo/units/999999/children").header("Accept-Language", "en"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("geography.unit-not-found"));
    }

    @Test
    void searchAnswersByName() throws Exception {
        mvc.perform(get("/api/geo/search").param("q", "玉林"))
                .andExpect(jsonPath("$[0].displayName").value("玉林街道"));
    }

    @Test
    @WithUserDetails("community")
    void aCommunityWorkerSeesTheirCommunityAndOnlyTheNamesAboveIt() throws Exception {
        mvc.perform(get("/api/geo/units"))
                .andExpect(jsonPath("$[*].code").value(org.hamcrest.Matchers.contains("510107005001")));
        mvc.perform(get("/api/geo/units/5101/children"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].code").value(org.hamcrest.Matchers.contains("510107")));
        mvc.perform(get("/api/geo/units/510107005001/chain"))
                .andExpect(jsonPath("$[*].code").value(org.hamcrest.Matchers.contains("5101", "510107", "510107005", "510107005001")));
        // a neighbouring community and another district answer like codes that do not exist
        for (String outside : new String[] {"510107005002", "510104"}) {
            mvc.perform(get("/api/geo/units/" + outside).header("Accept-Language", "en"))
                    .andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.code").value("geography.unit-not-found"));
        }
        mvc.perform(get("/api/geo/units/510107005002/children/boundaries")).andExpect(status().isNotFound());
        // the community and, once generated, its own grids and compounds; never the neighbour
        mvc.perform(get("/api/geo/search").param("q", "玉林"))
                .andExpect(jsonPath("$[*].code").value(org.hamcrest.Matchers.hasItem("510107005001")))
                .andExpect(jsonPath("$[*].code").value(org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.startsWith("510107005001"))));
        mvc.perform(get("/api/geo/search").param("q", "锦江")).andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    @WithUserDetails("resident")
    void aResidentDoesNotBrowseTheHierarchy() throws Exception {
        mvc.perform(get("/api/geo/units/5101/children")).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("forbidden"));
    }
}
