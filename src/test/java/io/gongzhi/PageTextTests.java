package io.gongzhi;

import io.gongzhi.casework.internal.DemoCaseSeeds;
import io.gongzhi.support.PopulationFixture;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Every page each demo account can reach by following links from its home, in Chinese and in
 * English, shows text and never a message key Thymeleaf could not find ({@code ??key_zh_CN??}),
 * and never answers a server error. The pages are found by following links, so a page added
 * later is read without changing this test.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PageTextTests {

    static final List<String> ACCOUNTS = List.of("city", "district", "dispatcher", "community", "grid", "department",
            "resident", "socialorg", "auditor", "secadmin", "admin");
    static final List<String> LANGUAGES = List.of("zh-CN", "en");
    /** Enough for every kind of page; lists of many rows add no new kind. */
    static final int PAGES_PER_ACCOUNT = 120;

    static final Pattern RAW_KEY = Pattern.compile("\\?\\?[^?\\s<>\"]+_(?:zh_CN|en)\\?\\?");
    static final Pattern LINK = Pattern.compile("href=\"(/[^\"#]*)\"");
    /** Downloads, machine interfaces, files and signing out are not pages. */
    static final Pattern NOT_A_PAGE = Pattern.compile(
            "^/(css|js|webjars|api|actuator|open311|v3|swagger-ui|logout|files|r/)|\\.(xlsx|csv|json|geojson|png|jpe?g|webp|svg|ico)(\\?|$)|/photos/\\d+$|/download");

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    ApplicationContext context;

    @TestFactory
    List<DynamicTest> everyReachablePageShowsTextNotKeys() {
        PopulationFixture.ensure(context);
        assertThat(DemoCaseSeeds.seed(context)).as("cases at every stage").isNotEmpty();
        var tests = new ArrayList<DynamicTest>();
        for (String account : ACCOUNTS) {
            for (String language : LANGUAGES) {
                tests.add(DynamicTest.dynamicTest(account + " in " + language, () -> crawl(account, language)));
            }
        }
        return tests;
    }

    private void crawl(String account, String language) throws Exception {
        var principal = users.loadUserByUsername(account);
        var seen = new LinkedHashSet<String>();
        var queue = new ArrayDeque<String>(List.of("/"));
        var problems = new ArrayList<String>();
        while (!queue.isEmpty() && seen.size() < PAGES_PER_ACCOUNT) {
            String path = queue.poll();
            if (!seen.add(path)) {
                continue;
            }
            var response = mvc.perform(get(path).param("lang", language).with(user(principal))).andReturn().getResponse();
            String body = response.getContentAsString(StandardCharsets.UTF_8);
            if (response.getStatus() >= 500) {
                problems.add(path + " answered " + response.getStatus());
            }
            var raw = RAW_KEY.matcher(body);
            while (raw.find()) {
                problems.add(path + " shows " + raw.group());
            }
            if (response.getContentType() != null && response.getContentType().startsWith("text/html")) {
                links(body).stream().filter(link -> !seen.contains(link)).forEach(queue::add);
            }
        }
        assertThat(seen).as("pages " + account + " reached").hasSizeGreaterThan(1);
        assertThat(problems).as(account + " in " + language + " over " + seen.size() + " pages").isEmpty();
    }

    static Set<String> links(String html) {
        var found = new LinkedHashSet<String>();
        var m = LINK.matcher(html);
        while (m.find()) {
            String link = m.group(1).replace("&amp;", "&").replaceAll("([?&])lang=[^&]*&?", "$1").replaceAll("[?&]$", "");
            if (!NOT_A_PAGE.matcher(link).find()) {
                found.add(link);
            }
        }
        return found;
    }
}
