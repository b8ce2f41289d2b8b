package io.gongzhi.casework;

import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/** Calls the REST API as one of the demo accounts and reads the JSON answer. */
final class ApiCalls {

    record Answer(int status, JsonNode body) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MockMvc mvc;
    private final UserDetailsService users;

    ApiCalls(MockMvc mvc, UserDetailsService users) {
        this.mvc = mvc;
        this.users = users;
    }

    Answer call(String username, MockHttpServletRequestBuilder request) throws Exception {
        var response = mvc.perform(request.with(user(users.loadUserByUsername(username))).with(csrf())
                .contentType(MediaType.APPLICATION_JSON)).andReturn().getResponse();
        String text = response.getContentAsString(StandardCharsets.UTF_8);
        return new Answer(response.getStatus(), text.isEmpty() ? null : JSON.readTree(text));
    }
}
