package io.gongzhi.platform.web;

import io.gongzhi.platform.StartupProgress;
import io.gongzhi.support.TestMessages;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.servlet.ViewResolver;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the filter makes of failures coming out of the application: the database away and a pool
 * with nothing to spare are 503 (unavailable; busy), anything else goes on as it was, and so does
 * a failure after the answer has begun. (The pages' own error page is shown in DatabaseOutageTests.)
 */
class UnavailableAnswersTests {

    final UnavailableAnswers filter = new UnavailableAnswers(TestMessages.messages(), new Languages().localeResolver(),
            new StaticListableBeanFactory().getBeanProvider(ViewResolver.class), StartupProgress.done());

    static FilterChain failing(RuntimeException failure) {
        return (request, response) -> {
            response.getWriter().write("half an answer");
            throw failure;
        };
    }

    static RuntimeException poolTimedOut(SQLException lastFailure) {
        return new CannotCreateTransactionException("Could not open JDBC Connection for transaction",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 2000ms",
                        lastFailure == null ? null : lastFailure.getSQLState(), lastFailure));
    }

    MockHttpServletResponse call(MockHttpServletRequest request, FilterChain chain) throws Exception {
        var response = new MockHttpServletResponse();
        filter.doFilter(request, response, chain);
        return response;
    }

    @Test
    void theDatabaseAwayIsUnavailableAndABusyPoolIsBusyEachInTheCallersLanguage() throws Exception {
        var api = new MockHttpServletRequest("GET", "/api/cases");
        api.addHeader("Accept-Language", "en");
        var away = call(api, failing(poolTimedOut(new SQLException("Connection refused", "08001"))));
        assertThat(away.getStatus()).isEqualTo(503);
        assertThat(away.getHeader("Retry-After")).isEqualTo("5");
        assertThat(away.getContentType()).startsWith("application/problem+json");
        assertThat(away.getContentAsString()).contains("\"code\":\"unavailable\"").contains("The service is briefly unavailable")
                .doesNotContain("half an answer").doesNotContain("Connection refused");

        var busy = call(new MockHttpServletRequest("POST", "/open311/v2/requests.json"), failing(poolTimedOut(null)));
        assertThat(busy.getStatus()).isEqualTo(503);
        assertThat(busy.getHeader("Retry-After")).isEqualTo("1");
        assertThat(busy.getContentAsString()).contains("\"code\":\"busy\"").contains("系统繁忙，请稍后再试");
    }

    @Test
    void beforeItsStartUpWorkIsDoneTheSiteSaysWhatItIsPreparingAndHowFarItIs() throws Exception {
        var startup = new StartupProgress();
        var population = startup.stage("startup.stage.population", 35, 95);
        population.start("households", 100);
        population.advance(50);
        var starting = new UnavailableAnswers(TestMessages.messages(), new Languages().localeResolver(),
                new StaticListableBeanFactory().getBeanProvider(ViewResolver.class), startup);
        FilterChain reached = (request, response) -> response.getWriter().write("reached");

        var page = new MockHttpServletRequest("GET", "/login");
        page.setParameter("lang", "en");
        var answer = new MockHttpServletResponse();
        starting.doFilter(page, answer, reached);
        assertThat(answer.getStatus()).isEqualTo(503);
        assertThat(answer.getHeader("Retry-After")).isEqualTo("3");
        assertThat(answer.getContentAsString()).contains("residents (65%). You can sign in once it is ready").doesNotContain("reached");

        var api = new MockHttpServletRequest("GET", "/api/cases");
        var refused = new MockHttpServletResponse();
        starting.doFilter(api, refused, reached);
        assertThat(refused.getContentAsString()).contains("\"code\":\"starting\"").contains("正在生成演示区的居民（65%）");

        for (String path : new String[] {"/css/gongzhi.css", "/actuator/health/readiness"}) {
            var through = new MockHttpServletResponse();
            starting.doFilter(new MockHttpServletRequest("GET", path), through, reached);
            assertThat(through.getContentAsString()).as(path + " is served while starting").isEqualTo("reached");
        }
    }

    @Test
    void aPageGetsAPageEvenWhenItsTemplateCannotBeHad() throws Exception {
        var page = new MockHttpServletRequest("GET", "/cases");
        page.setParameter("lang", "en");
        var answer = call(page, failing(poolTimedOut(new SQLException("Connection refused", "08001"))));
        assertThat(answer.getStatus()).isEqualTo(503);
        assertThat(answer.getHeader("Retry-After")).isEqualTo("5");
        assertThat(answer.getContentType()).startsWith("text/html");
        assertThat(answer.getContentAsString()).contains("The service is briefly unavailable").doesNotContain("half an answer");
    }

    @Test
    void otherFailuresAndFailuresAfterTheAnswerBeganGoOnAsTheyWere() {
        var duplicate = new DuplicateKeyException("duplicate key");
        assertThatThrownBy(() -> call(new MockHttpServletRequest("POST", "/api/cases"), failing(duplicate))).isSameAs(duplicate);

        var late = poolTimedOut(new SQLException("Connection refused", "08001"));
        FilterChain streaming = (request, response) -> {
            response.getWriter().write("id,name\n");
            response.flushBuffer();
            throw late;
        };
        assertThatThrownBy(() -> call(new MockHttpServletRequest("GET", "/api/population/export"), streaming)).isSameAs(late);
        var io = new ServletException(new java.io.IOException("client went away"));
        assertThatThrownBy(() -> call(new MockHttpServletRequest("GET", "/"), (request, response) -> {
            throw io;
        })).isSameAs(io);
    }
}
