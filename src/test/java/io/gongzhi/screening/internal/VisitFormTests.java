package io.gongzhi.screening.internal;

import io.gongzhi.shared.Violation;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A visit form as data: definitions that do not make sense are refused naming the part at fault;
 * answers are checked by type, hidden fields dropped, required shown fields asked for; anomaly
 * rules hold when all their conditions do (a temperature of at least 37.3; from a listed area and
 * back within 14 days).
 */
class VisitFormTests {

    static final LocalDate DAY = LocalDate.of(2026, 1, 25);

    static VisitForm.Definition given() {
        var yes = new VisitForm.GivenCondition("travelled", "EQ", "yes", null);
        return new VisitForm.Definition(List.of(
                new VisitForm.GivenField("temperature", "体温", "NUMBER", true, null, null),
                new VisitForm.GivenField("travelled", "14天内外出", "YES_NO", true, null, null),
                new VisitForm.GivenField("origin", "来自", "CHOICE", true, List.of("武汉", "其他"), yes),
                new VisitForm.GivenField("arrived", "返回日期", "DATE", true, null, yes),
                new VisitForm.GivenField("note", "备注", "TEXT", false, null, null)),
                List.of(new VisitForm.GivenRule("发热", List.of(new VisitForm.GivenCondition("temperature", "GE", "37.3", null))),
                        new VisitForm.GivenRule("14天内来自重点地区", List.of(new VisitForm.GivenCondition("origin", "IN", null, List.of("武汉")),
                                new VisitForm.GivenCondition("arrived", "WITHIN_DAYS", "14", null)))));
    }

    static VisitForm form() {
        var problems = new ArrayList<Violation>();
        VisitForm form = VisitForm.of(given(), problems);
        assertThat(problems).isEmpty();
        return form;
    }

    @Test
    void rulesHoldWhenAllTheirConditionsDo() {
        VisitForm form = form();
        assertThat(anomalies(form, Map.of("temperature", 38.1, "travelled", false))).containsExactly("发热");
        assertThat(anomalies(form, Map.of("temperature", "37.3", "travelled", "否"))).containsExactly("发热");
        assertThat(anomalies(form, Map.of("temperature", 37.2, "travelled", "no"))).isEmpty();
        assertThat(anomalies(form, Map.of("temperature", 36.5, "travelled", true, "origin", "武汉", "arrived", "2026-01-15")))
                .containsExactly("14天内来自重点地区");
        // back 20 days ago, or from elsewhere: no rule holds
        assertThat(anomalies(form, Map.of("temperature", 36.5, "travelled", true, "origin", "武汉", "arrived", "2026-01-05"))).isEmpty();
        assertThat(anomalies(form, Map.of("temperature", 36.5, "travelled", true, "origin", "其他", "arrived", "2026-01-20"))).isEmpty();
        assertThat(anomalies(form, Map.of("temperature", 39, "travelled", true, "origin", "武汉", "arrived", "2026-01-24")))
                .containsExactly("发热", "14天内来自重点地区");
    }

    @Test
    void answersAreCheckedByTypeAndHiddenFieldsDropped() {
        VisitForm form = form();
        var problems = new ArrayList<Violation>();
        // not travelled: origin and arrival are not asked, so what was sent for them is dropped
        var checked = form.check(Map.of("temperature", "36.80", "travelled", "no", "origin", "武汉"), DAY, "answers.", problems);
        assertThat(problems).isEmpty();
        assertThat(checked).containsExactly(Map.entry("temperature", "36.8"), Map.entry("travelled", "0"));

        problems.clear();
        var answers = new HashMap<String, Object>();
        answers.put("temperature", "hot");
        answers.put("travelled", "yes");
        answers.put("arrived", "2026-02-01");
        answers.put("colour", "red");
        form.check(answers, DAY, "answers.", problems);
        assertThat(problems).extracting(Violation::where, Violation::code).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("answers.colour", "screening.answer-field-unknown"),
                org.assertj.core.groups.Tuple.tuple("answers.temperature", "screening.answer-invalid.NUMBER"),
                org.assertj.core.groups.Tuple.tuple("answers.origin", "screening.answer-required"),
                org.assertj.core.groups.Tuple.tuple("answers.arrived", "screening.answer-invalid.DATE"));
    }

    @Test
    void aFormThatMakesNoSenseIsRefusedNamingItsFaults() {
        var problems = new ArrayList<Violation>();
        VisitForm.of(new VisitForm.Definition(List.of(
                new VisitForm.GivenField("Temp", "体温", "NUMBER", true, null, null),
                new VisitForm.GivenField("mood", "", "COLOUR", true, null, null),
                new VisitForm.GivenField("mood", "心情", "CHOICE", true, List.of("好"), null),
                new VisitForm.GivenField("seen", "见到本人", "YES_NO", true, null, new VisitForm.GivenCondition("later", "EQ", "1", null))),
                List.of(new VisitForm.GivenRule("发热", List.of(new VisitForm.GivenCondition("mood", "GE", "1", null))),
                        new VisitForm.GivenRule("空", List.of()))), problems);
        assertThat(problems).extracting(Violation::where).containsExactly("form.fields[0].key", "form.fields[1].label", "form.fields[1].type",
                "form.fields[2].key", "form.fields[2].choices", "form.fields[3].shownIf.field", "form.rules[0].when[0].op", "form.rules[1].when");
        problems.clear();
        VisitForm.of(new VisitForm.Definition(List.of(), null), problems);
        assertThat(problems).extracting(Violation::code).containsExactly("screening.form-empty");
        // a label of nothing visible, or one turned around by a right-to-left override; a rule of six conditions
        problems.clear();
        var temperature = new VisitForm.GivenCondition("t", "GE", "37.3", null);
        VisitForm.of(new VisitForm.Definition(List.of(new VisitForm.GivenField("t", "\u200b\u200b", "NUMBER", true, null, null),
                new VisitForm.GivenField("u", "\u202e温体", "NUMBER", true, null, null)),
                List.of(new VisitForm.GivenRule("发热", java.util.Collections.nCopies(6, temperature)))), problems);
        assertThat(problems).extracting(Violation::where, Violation::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple("form.fields[0].label", "screening.form-label-missing"),
                org.assertj.core.groups.Tuple.tuple("form.fields[1].label", "screening.form-label-missing"),
                org.assertj.core.groups.Tuple.tuple("form.rules[0].when", "screening.rule-too-many-conditions"));
    }

    @Test
    void aFormIsKeptAndReadBackAsItWas() {
        VisitForm form = form();
        assertThat(VisitForm.parse(form.fieldsJson(), form.rulesJson())).isEqualTo(form);
    }

    private static List<String> anomalies(VisitForm form, Map<String, Object> answers) {
        var problems = new ArrayList<Violation>();
        var checked = form.check(answers, DAY, "answers.", problems);
        assertThat(problems).as("answers %s", answers).isEmpty();
        return form.anomalies(checked, DAY);
    }
}
