package io.gongzhi.casework;

import java.util.List;

/**
 * What the listeners of a case's events need to know of the case after the step, so none has to
 * read it back: where it is ({@code path}, the jurisdiction), what it is about (shortened for a
 * notice), the departments on it (the lead one before the step too, for a step that takes it
 * away), those called in that still owe an answer, who reported it (their account, if any), and
 * how far it was raised for being overdue (0 not, 1 the district, 2 the city).
 */
public record CaseFacts(String path, String about, String leadDepartment, String previousLeadDepartment, List<String> departments,
                        List<String> awaitingAnswer, Long reporterAccount, int escalation) {

    public CaseFacts {
        departments = List.copyOf(departments);
        awaitingAnswer = List.copyOf(awaitingAnswer);
    }

    /** The facts of {@code after}, a step away from {@code before} (the same case when nothing came before). */
    public static CaseFacts of(Case before, Case after) {
        return new CaseFacts(after.path(), about(after.description()), after.leadDepartment(), before.leadDepartment(),
                after.departments().stream().filter(h -> !"CALLED".equals(h.role())).map(Case.Handler::department).toList(),
                after.awaitingAnswer(), after.reporterAccount(), after.escalation());
    }

    /** What a case is about, short enough for a notice or an SMS. */
    public static String about(String description) {
        return description.length() > 40 ? description.substring(0, 39) + "…" : description;
    }
}
