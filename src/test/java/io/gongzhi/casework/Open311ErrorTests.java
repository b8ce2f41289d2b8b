package io.gongzhi.casework;

import io.gongzhi.identity.Accounts;
import io.gongzhi.identity.internal.ApiTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static io.gongzhi.casework.Open311Client.create;
import static io.gongzhi.casework.Open311Client.errors;
import static io.gongzhi.casework.Open311Client.texts;
import static io.gongzhi.casework.Open311Client.xml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * Open311 GeoReport v2's error rules as a client meets them, in JSON and in XML: the status
 * codes, the spec's errors list in the format the path asks for, its field names, the caller's
 * language, and what the spec says an empty optional argument means.
 */
@SpringBootTest
@AutoConfigureMockMvc
class Open311ErrorTests {

    static final List<String> FORMATS = List.of("json", "xml");

    @Autowired
    MockMvc mvc;
    @Autowired
    Accounts accounts;
    @Autowired
    ApiTokens tokens;

    Open311Client client;
    String key;

    @BeforeEach
    void key() {
        client = new Open311Client(mvc, accounts, tokens);
        key = client.key;
    }

    MockHttpServletResponse send(MockHttpServletRequestBuilder request) throws Exception {
        return client.send(request);
    }

    JsonNode body(MockHttpServletResponse response) throws Exception {
        return Open311Client.json(response);
    }

    /** The one error of an answer, after checking its status and that the list carries the same code. */
    static Open311Client.Error error(int status, MockHttpServletResponse response, String format) throws Exception {
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
        var errors = errors(response, format);
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).code()).isEqualTo(status);
        return errors.get(0);
    }

    @Test
    void badRequestsGetTheSpecsErrorsInJsonAndXml() throws Exception {
        var noKey = send(create("json", "service_code", "E0101", "lat", "30.64", "long", "104.04"));
        assertThat(noKey.getStatus()).isEqualTo(403);
        assertThat(body(noKey).get(0).get("code").asInt()).isEqualTo(403);
        var badKey = send(create("xml", "api_key", "gzt_wrong", "service_code", "E0101", "lat", "30.64", "long", "104.04"));
        assertThat(badKey.getStatus()).isEqualTo(403);
        assertThat(xml(badKey).getDocumentElement().getTagName()).isEqualTo("errors");

        expect(400, "service_code was not provided", create("json", "api_key", key, "lat", "30.64", "long", "104.04"));
        expect(404, "No such service_code: X999", create("json", "api_key", key, "service_code", "X999", "lat", "30.64", "long", "104.04"));
        expect(400, "A location is required", create("json", "api_key", key, "service_code", "E0101"));
        expect(400, "lat is not a number", create("json", "api_key", key, "service_code", "E0101", "lat", "north", "long", "104.04"));
        expect(400, "long must be between -180 and 180", create("json", "api_key", key, "service_code", "E0101", "lat", "30", "long", "204"));
        expect(400, "outside the city", create("json", "api_key", key, "service_code", "E0101", "lat", "39.9", "long", "116.4"));
        expect(400, "longer than 4,000 characters", create("json", "api_key", key, "service_code", "E0101", "address_id", "510107005001",
                "description", "长".repeat(4001)));
        expect(400, "media_url: The link must be an http or https address", create("json", "api_key", key, "service_code", "E0101",
                "address_id", "510107005001", "media_url", "javascript:alert(1)"));
        expect(400, "media_url: The link must be an http or https address", create("json", "api_key", key, "service_code", "E0101",
                "address_id", "510107005001", "media_url", "ftp://files.example.org/a.jpg"));
        expect(400, "media_url: At most 1,000 characters", create("json", "api_key", key, "service_code", "E0101",
                "address_id", "510107005001", "media_url", "https://example.org/" + "a".repeat(1000)));
        expect(400, "phone: Give an 11-digit mobile number", create("json", "api_key", key, "service_code", "E0101",
                "address_id", "510107005001", "phone", "12345"));
        expect(404, "No such jurisdiction_id", create("json", "api_key", key, "jurisdiction_id", "000000", "service_code", "E0101",
                "address_id", "510107005001"));
        expect(400, "outside the district", create("json", "api_key", key, "jurisdiction_id", "510104", "service_code", "E0101",
                "address_id", "510107005001"));
        expect(400, "at most 90 days apart", get("/open311/v2/requests.json").param("start_date", "2026-01-01T00:00:00Z")
                .param("end_date", "2026-06-01T00:00:00Z"));
        expect(400, "not a W3C date-time", get("/open311/v2/requests.json").param("start_date", "yesterday"));
        expect(400, "status is open or closed", get("/open311/v2/requests.json").param("status", "pending"));
        expect(404, "No such service_request_id", get("/open311/v2/requests/999999999.json"));
    }

    /** An error answer: the status, and the same code and a description (in English here) in the spec's list. */
    private void expect(int status, String text, MockHttpServletRequestBuilder request) throws Exception {
        var response = send(request.param("lang", "en"));
        assertThat(response.getStatus()).as(text).isEqualTo(status);
        JsonNode errors = body(response);
        assertThat(errors.get(0).get("code").asInt()).isEqualTo(status);
        String description = errors.get(0).get("description").asString();
        assertThat(description).contains(text);
    }

    @Test
    void anEmptyOptionalArgumentIsTheSameAsOneNotPassed() throws Exception {
        String since = Instant.now().minusSeconds(1).truncatedTo(ChronoUnit.SECONDS).toString();
        client.created("json", "service_code", "E0101", "address_id", CaseActors.INSIDE, "description", "路灯不亮");
        String empty = "service_request_id=&service_code=&status=&start_date=&end_date=&page=&page_size=&jurisdiction_id=";
        for (String format : FORMATS) {
            var plain = send(get("/open311/v2/requests." + format));
            var withEmpties = send(get("/open311/v2/requests." + format + "?" + empty));
            assertThat(withEmpties.getStatus()).as(format).isEqualTo(200);
            assertThat(texts(withEmpties, format, "service_request_id")).as(format).isNotEmpty()
                    .isEqualTo(texts(plain, format, "service_request_id"));

            // (a recent start, so that both answers hold the same steps however many other tests took)
            String recent = "/open311/v2/servicerequestupdates." + format + "?start_date=" + since;
            var updates = send(get(recent));
            var updatesWithEmpties = send(get(recent + "&end_date=&jurisdiction_id="));
            assertThat(updatesWithEmpties.getStatus()).as(format).isEqualTo(200);
            assertThat(texts(updatesWithEmpties, format, "update_id")).as(format).isNotEmpty().isEqualTo(texts(updates, format, "update_id"));
            var noDates = send(get("/open311/v2/servicerequestupdates." + format + "?start_date=&end_date="));
            assertThat(noDates.getStatus()).as(format).isEqualTo(200);
            assertThat(texts(noDates, format, "update_id")).as("the last 24 hours").isNotEmpty();
            // only blanks count as empty too
            var blank = send(get("/open311/v2/requests." + format).param("service_request_id", " "));
            assertThat(blank.getStatus()).isEqualTo(200);
            assertThat(texts(blank, format, "service_request_id")).isEqualTo(texts(plain, format, "service_request_id"));

            long id = client.created(format, "service_code", "E0101", "address_id", CaseActors.INSIDE, "jurisdiction_id", "",
                    "lat", "", "long", "", "address_string", "", "email", "", "device_id", "", "account_id", "", "first_name", "",
                    "last_name", "", "phone", "", "description", "", "media_url", "");
            var one = send(get("/open311/v2/requests/" + id + "." + format + "?jurisdiction_id="));
            assertThat(one.getStatus()).isEqualTo(200);
            assertThat(texts(one, format, "service_request_id")).containsExactly(String.valueOf(id));
        }
    }

    @Test
    void unknownRequestsPathsAndMethodsGetTheSpecsErrorsInTheFormatThePathAsksFor() throws Exception {
        for (String format : FORMATS) {
            // an id that is not a number names no request
            assertThat(error(404, send(get("/open311/v2/requests/abc." + format).param("lang", "en")), format).description())
                    .contains("No such service_request_id: abc");
            assertThat(error(404, send(get("/open311/v2/requests/12,13." + format)), format).description()).contains("12,13");
            for (String path : List.of("/open311/v2/nothing.", "/open311/v2/services/E0302/attributes.", "/open311/v2/request/1.")) {
                var unknown = send(get(path + format).param("lang", "en"));
                assertThat(error(404, unknown, format).description()).as(path).contains("No such resource");
            }
            var wrongMethod = send(post("/open311/v2/services." + format).param("lang", "en"));
            assertThat(error(405, wrongMethod, format).description()).contains("POST");
            assertThat(wrongMethod.getHeader("Allow")).contains("GET").doesNotContain("POST");
            var delete = send(delete("/open311/v2/requests." + format));
            error(405, delete, format);
            assertThat(delete.getHeader("Allow")).contains("GET", "POST");
            assertThat(error(405, send(put("/open311/v2/requests/1." + format)), format).description()).contains("PUT");
        }
    }

    @Test
    void acceptLanguageChoosesTheLanguageOfTheErrors() throws Exception {
        for (String format : FORMATS) {
            var missing = "/open311/v2/requests/999999999." + format;
            assertThat(error(404, send(get(missing).header("Accept-Language", "en-GB,en;q=0.9")), format).description())
                    .isEqualTo("No such service_request_id: 999999999");
            assertThat(error(404, send(get(missing).header("Accept-Language", "zh-CN,zh;q=0.9")), format).description())
                    .isEqualTo("没有这个 service_request_id：999999999");
            assertThat(error(404, send(get(missing)), format).description()).as("Chinese by default").startsWith("没有这个");
            assertThat(error(404, send(get(missing).header("Accept-Language", "en").param("lang", "zh-CN")), format).description())
                    .as("lang= wins").startsWith("没有这个");
            assertThat(error(404, send(get("/open311/v2/nothing." + format).header("Accept-Language", "en")), format).description())
                    .startsWith("No such resource");
            assertThat(error(405, send(put("/open311/v2/services." + format).header("Accept-Language", "en")), format).description())
                    .contains("PUT");
            assertThat(error(400, send(create(format, "api_key", key, "service_code", "E0101", "address_id", CaseActors.INSIDE,
                    "media_url", "ftp://example.org/a.jpg").header("Accept-Language", "en")), format).description())
                    .isEqualTo("media_url: The link must be an http or https address");
        }
    }

    @Test
    void errorsNameTheSpecsFieldsNotTheCaseLoopsOwn() throws Exception {
        for (String format : FORMATS) {
            var descriptions = List.of(
                    refused(format, "media_url", "ftp://files.example.org/a.jpg"),
                    refused(format, "media_url", "https://example.org/" + "a".repeat(1000)),
                    refused(format, "phone", "12345"),
                    refused(format, "address_string", "长".repeat(401)),
                    refused(format, "address_id", "510107999999"));
            assertThat(descriptions).containsExactly(
                    "media_url: The link must be an http or https address",
                    "media_url: At most 1,000 characters",
                    "phone: Give an 11-digit mobile number",
                    "address_string: At most 400 characters",
                    "address_id: No place has the code 510107999999");
            var outside = error(400, send(create(format, "api_key", key, "service_code", "E0101", "lat", "39.9", "long", "116.4",
                    "lang", "en")), format).description();
            assertThat(outside).isEqualTo("long: That point is outside the city");
        }
    }

    /** The one error description (in English) for a request posted at a known place with this field's value (or at this address_id). */
    private String refused(String format, String field, String value) throws Exception {
        var request = field.equals("address_id")
                ? create(format, "api_key", key, "service_code", "E0101", "address_id", value)
                : create(format, "api_key", key, "service_code", "E0101", "address_id", CaseActors.INSIDE, field, value);
        return error(400, send(request.param("lang", "en")), format).description();
    }
}
