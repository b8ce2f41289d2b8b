package io.gongzhi.screening.internal;

import java.util.List;
import java.util.Locale;

/**
 * The visit forms a planner starts from on the planning page, in the planner's language: a
 * health screening (temperature, symptoms, travel in the last 14 days with its rules) and a
 * household check (who is at home, who needs help). Any other form is given through the API.
 */
public final class FormPresets {

    public static final List<String> NAMES = List.of("health", "household");

    private FormPresets() {
    }

    /** The preset {@code name} with labels in {@code locale}'s language (Chinese unless English); null when there is none. */
    public static VisitForm.Definition of(String name, Locale locale) {
        boolean en = locale != null && "en".equals(locale.getLanguage());
        return switch (name == null ? "" : name) {
            case "health" -> health(en);
            case "household" -> household(en);
            default -> null;
        };
    }

    private static VisitForm.Definition health(boolean en) {
        var travelled = new VisitForm.GivenCondition("travelled", "EQ", "yes", null);
        String wuhan = en ? "Wuhan" : "武汉";
        String hubei = en ? "Elsewhere in Hubei" : "湖北其他地区";
        String other = en ? "Elsewhere" : "其他地区";
        return new VisitForm.Definition(List.of(
                field("people", en ? "People at home" : "在家人数", "NUMBER", true, null, null),
                field("temperature", en ? "Highest temperature (°C)" : "最高体温（°C）", "NUMBER", true, null, null),
                field("symptoms", en ? "Cough, fever or short of breath" : "有咳嗽、发热或气促", "YES_NO", true, null, null),
                field("travelled", en ? "Came back from outside in 14 days" : "14天内从外地返回", "YES_NO", true, null, null),
                field("origin", en ? "Came from" : "从哪里返回", "CHOICE", true, List.of(wuhan, hubei, other), travelled),
                field("arrived", en ? "Day of return" : "返回日期", "DATE", true, null, travelled),
                field("note", en ? "Note" : "备注", "TEXT", false, null, null)),
                List.of(rule(en ? "Fever" : "发热", new VisitForm.GivenCondition("temperature", "GE", "37.3", null)),
                        rule(en ? "Symptoms" : "有症状", new VisitForm.GivenCondition("symptoms", "EQ", "yes", null)),
                        rule(en ? "Back from a listed area within 14 days" : "14天内从重点地区返回",
                                new VisitForm.GivenCondition("origin", "IN", null, List.of(wuhan, hubei)),
                                new VisitForm.GivenCondition("arrived", "WITHIN_DAYS", "14", null))));
    }

    private static VisitForm.Definition household(boolean en) {
        return new VisitForm.Definition(List.of(
                field("people", en ? "People at home" : "在家人数", "NUMBER", true, null, null),
                field("help", en ? "Someone needs help" : "有需要帮助的人（独居老人、患病、残疾）", "YES_NO", true, null, null),
                field("need", en ? "What they need" : "需要什么帮助", "TEXT", true, null, new VisitForm.GivenCondition("help", "EQ", "yes", null)),
                field("note", en ? "Note" : "备注", "TEXT", false, null, null)),
                List.of(rule(en ? "Needs help" : "需要帮助", new VisitForm.GivenCondition("help", "EQ", "yes", null))));
    }

    private static VisitForm.GivenField field(String key, String label, String type, boolean required, List<String> choices,
                                              VisitForm.GivenCondition shownIf) {
        return new VisitForm.GivenField(key, label, type, required, choices, shownIf);
    }

    private static VisitForm.GivenRule rule(String label, VisitForm.GivenCondition... when) {
        return new VisitForm.GivenRule(label, List.of(when));
    }
}
