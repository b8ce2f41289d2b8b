package io.gongzhi.audit;

import io.gongzhi.audit.web.AuditTexts;
import io.gongzhi.casework.CaseAction;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import io.gongzhi.support.TestMessages;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit page names what happened in the auditor's language: every action the code records
 * (found in the sources, so a new one cannot be forgotten), the roles, and a step's two states.
 */
class AuditTextsTests {

    /** The action a call records: the first string literal after the call's opening parenthesis. */
    static final Pattern RECORDED = Pattern.compile("\\.(?:record|recordOn|recordAtCommit)\\([^;\"]*\"([^\"]*)\"");
    /** Sign-in steps are recorded as "login." + the step a failure names. */
    static final Pattern SIGN_IN_STEP = Pattern.compile("recorder\\.failed\\([^;]*\"([a-z\\-]+)\"\\);");
    static final Pattern ACTION = Pattern.compile("[a-z]+(?:\\.[a-z\\-]+)+|logout");

    @Test
    void everyRecordedActionHasANameInBothLanguages() throws IOException {
        var actions = new TreeSet<String>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                RECORDED.matcher(source).results().map(m -> m.group(1)).filter(a -> ACTION.matcher(a).matches()).forEach(actions::add);
                SIGN_IN_STEP.matcher(source).results().map(m -> "login." + m.group(1)).forEach(actions::add);
            }
        }
        actions.add("person.search-number");
        for (CaseAction step : CaseAction.values()) {
            actions.add("case." + step.key());
        }
        assertThat(actions).as("the sources were read").contains("login.success", "login.second-factor", "account.create", "case.report")
                .hasSizeGreaterThan(40);

        var texts = new AuditTexts(TestMessages.messages());
        for (Locale locale : Set.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            LocaleContextHolder.setLocale(locale);
            try {
                assertThat(actions.stream().filter(a -> texts.action(a).equals(a)).toList())
                        .as("actions without a name in " + locale).isEmpty();
            } finally {
                LocaleContextHolder.resetLocaleContext();
            }
        }
    }

    @Test
    void rolesAndAStepsStatesReadAsNames() {
        var texts = new AuditTexts(TestMessages.messages());
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        try {
            assertThat(texts.action("login.success")).isEqualTo("登录成功");
            assertThat(texts.action("case.accept")).isEqualTo("受理立案");
            assertThat(texts.roles("GRID_WORKER,SUBDISTRICT_DISPATCHER")).doesNotContain("_").contains("、");
            assertThat(texts.detail("case.close", "fed-back->closed")).isEqualTo("待核查 → 已结案");
            assertThat(texts.detail("person.transfer", "household:1->2")).as("other details as they are").isEqualTo("household:1->2");
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        try {
            assertThat(texts.action("case.receive")).isEqualTo("Take up");
            assertThat(texts.roles("AUDITOR")).isEqualTo("Auditor");
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
    }
}
