package io.gongzhi.platform.web;

import io.gongzhi.shared.InvalidInput;
import io.gongzhi.shared.NotFound;
import io.gongzhi.shared.Violation;
import io.gongzhi.support.TestMessages;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** How every REST endpoint answers bad input and unknown ids: RFC 9457, a stable code, the caller's language. */
class ProblemAnswersTests {

    @RestController
    static class Refusing {
        @GetMapping("/api/refuse")
        String refuse() {
            throw new InvalidInput(List.of(
                    Violation.of("username", "account.username-invalid"),
                    Violation.of("password", "account.password-too-short", 12)));
        }

        @GetMapping("/api/missing")
        String missing() {
            throw new NotFound("account.not-found", "account");
        }
    }

    final MockMvc mvc;

    ProblemAnswersTests() {
        var messages = TestMessages.messages();
        mvc = MockMvcBuilders.standaloneSetup(new Refusing()).setControllerAdvice(new ProblemAnswers(new io.gongzhi.platform.Refusals(messages))).build();
    }

    @Test
    void badInputListsEveryReasonWithItsCodeInTheCallersLanguage() throws Exception {
        mvc.perform(get("/api/refuse").header("Accept-Language", "zh-CN"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.code").value("invalid-input"))
                .andExpect(jsonPath("$.title").value("输入有误"))
                .andExpect(jsonPath("$.errors.length()").value(2))
                .andExpect(jsonPath("$.errors[1].where").value("password"))
                .andExpect(jsonPath("$.errors[1].code").value("account.password-too-short"))
                .andExpect(jsonPath("$.errors[1].message").value("密码至少需要 12 个字符。"));
        mvc.perform(get("/api/refuse").header("Accept-Language", "en"))
                .andExpect(jsonPath("$.title").value("Invalid input"))
                .andExpect(jsonPath("$.errors[1].message").value("A password needs at least 12 characters."));
    }

    @Test
    void anUnknownIdIsANotFoundProblemWithItsCode() throws Exception {
        mvc.perform(get("/api/missing").header("Accept-Language", "en"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("account.not-found"))
                .andExpect(jsonPath("$.title").value("Not found"));
    }
}
