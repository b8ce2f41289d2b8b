package io.gongzhi.emergency.internal;

import io.gongzhi.shared.Violation;

import java.util.List;

/**
 * What every directive asks, however its recipients are chosen: its title and text, the hours to
 * acknowledge and to report, the minutes between escalations and before the deadline to remind,
 * and the report form, as given; {@link #check} names what is wrong field by field.
 */
record DirectiveTerms(String title, String body, Integer ackHours, Integer reportHours, Integer escalateMinutes, Integer remindMinutes,
             List<ReportForm.Given> form) {

    static final int MAX_TITLE = 200;
    static final int MAX_BODY = 4000;

    /** DirectiveTerms as checked: the text stripped, the form parsed, the defaults filled in. */
    record Checked(String title, String body, int ackHours, Integer reportHours, int escalateMinutes, int remindMinutes, ReportForm form) {
    }

    Checked check(List<Violation> problems) {
        String title = text(this.title, "title", MAX_TITLE, problems);
        String body = text(this.body, "body", MAX_BODY, problems);
        boolean hours = ackHours != null && ackHours >= 1 && ackHours <= 72;
        if (!hours) {
            problems.add(Violation.of("ackHours", "emergency.directive-ack-hours", 1, 72));
        }
        if (escalateMinutes != null && (escalateMinutes < 10 || escalateMinutes > 1440)) {
            problems.add(Violation.of("escalateMinutes", "emergency.directive-escalate-minutes", 10, 1440));
        }
        if (reportHours != null && (reportHours > 168 || ackHours != null && reportHours < ackHours)) {
            problems.add(Violation.of("reportHours", "emergency.directive-report-hours", ackHours == null ? 1 : ackHours, 168));
        }
        // a reminder at most halfway through the time given, so that it is not the first the unit hears
        int most = hours ? ackHours * 30 : 0;
        int remind = remindMinutes != null ? remindMinutes : Math.min(60, most);
        if (hours && (remind < 0 || remind > most)) {
            problems.add(Violation.of("remindMinutes", "emergency.directive-remind-minutes", 0, most));
        }
        ReportForm checkedForm = ReportForm.of(form, problems);
        if (!checkedForm.isEmpty() && reportHours == null) {
            problems.add(Violation.of("reportHours", "emergency.directive-form-without-report"));
        }
        return new Checked(title, body, hours ? ackHours : 0, reportHours, escalateMinutes == null ? 60 : escalateMinutes, remind, checkedForm);
    }

    private static String text(String given, String field, int max, List<Violation> problems) {
        String t = given == null ? "" : given.strip();
        if (t.isEmpty()) {
            problems.add(Violation.of(field, "emergency.directive-" + field + "-required"));
        } else if (t.length() > max) {
            problems.add(Violation.of(field, "emergency.directive-too-long", max));
        }
        return t;
    }
}
