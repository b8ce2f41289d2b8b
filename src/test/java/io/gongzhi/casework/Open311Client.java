package io.gongzhi.casework;

import io.gongzhi.identity.Accounts;
import io.gongzhi.identity.internal.ApiTokens;
import io.gongzhi.identity.internal.Permission;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * An Open311 client in tests: an {@code api_key} (a fresh API token of the demo resident, who
 * may report), and the answers read as a client reads them: JSON, or XML through
 * {@link StrictXml} so that every XML answer is held to XML 1.0.
 */
final class Open311Client {

    /** One entry of the spec's errors list. */
    record Error(int code, String description) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MockMvc mvc;
    final String key;

    Open311Client(MockMvc mvc, Accounts accounts, ApiTokens tokens) {
        this.mvc = mvc;
        long resident = accounts.find("resident").orElseThrow().id();
        this.key = tokens.issue(resident, "open311 " + System.nanoTime(), Set.of(Permission.CASE_REPORT), 30).secret();
    }

    MockHttpServletResponse send(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse();
    }

    static JsonNode json(MockHttpServletResponse response) throws Exception {
        return JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
    }

    static Document xml(MockHttpServletResponse response) throws Exception {
        return StrictXml.parse(response);
    }

    /** A POST of a service request with these form fields (name, value, name, value, …). */
    static MockHttpServletRequestBuilder create(String format, String... fields) {
        var request = post("/open311/v2/requests." + format).contentType(MediaType.APPLICATION_FORM_URLENCODED);
        for (int i = 0; i < fields.length; i += 2) {
            request = request.param(fields[i], fields[i + 1]);
        }
        return request;
    }

    /** Posts a request with this client's key and answers its service_request_id, read from the answer in {@code format}. */
    long created(String format, String... fields) throws Exception {
        var withKey = new ArrayList<>(List.of("api_key", key));
        withKey.addAll(List.of(fields));
        var response = send(create(format, withKey.toArray(String[]::new)));
        if (response.getStatus() != 200) {
            throw new AssertionError("not created (" + response.getStatus() + "): " + response.getContentAsString(StandardCharsets.UTF_8));
        }
        return Long.parseLong(texts(response, format, "service_request_id").get(0));
    }

    /** The values of one field in every record of a list answer, in order. */
    static List<String> texts(MockHttpServletResponse response, String format, String field) throws Exception {
        var values = new ArrayList<String>();
        if ("xml".equals(format)) {
            var nodes = xml(response).getElementsByTagName(field);
            for (int i = 0; i < nodes.getLength(); i++) {
                values.add(nodes.item(i).getTextContent());
            }
        } else {
            json(response).forEach(record -> values.add(record.get(field).asString()));
        }
        return values;
    }

    /** The spec's errors list of an answer in {@code format}. */
    static List<Error> errors(MockHttpServletResponse response, String format) throws Exception {
        var errors = new ArrayList<Error>();
        if ("xml".equals(format)) {
            Document doc = xml(response);
            if (!doc.getDocumentElement().getTagName().equals("errors")) {
                throw new AssertionError("not an errors list: " + doc.getDocumentElement().getTagName());
            }
            var nodes = doc.getElementsByTagName("error");
            for (int i = 0; i < nodes.getLength(); i++) {
                var error = (Element) nodes.item(i);
                errors.add(new Error(Integer.parseInt(error.getElementsByTagName("code").item(0).getTextContent()),
                        error.getElementsByTagName("description").item(0).getTextContent()));
            }
        } else {
            if (!response.getContentType().startsWith("application/json")) {
                throw new AssertionError("not JSON: " + response.getContentType());
            }
            json(response).forEach(e -> errors.add(new Error(e.get("code").asInt(), e.get("description").asString())));
        }
        return errors;
    }
}
