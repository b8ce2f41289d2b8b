package io.gongzhi.casework;

import io.gongzhi.identity.Notices;
import io.gongzhi.identity.Recipients;
import io.gongzhi.shared.Actor;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Who hears of a step, in the step's own transaction: the departments a case is dispatched or
 * called to, the lead department when its requests are decided or the case comes back, the
 * dispatchers when a department asks for something, the community workers when a case waits for
 * verification, the district and city when it runs overdue, and the reporter when it is
 * closed, refused or merged (by SMS with a rating link, for one without an account: see
 * {@link ReporterLinks}). Nobody is told of their own step.
 */
@Component
class CaseNotices {

    private final Notices notices;
    private final ReporterLinks reporterLinks;

    CaseNotices(Notices notices, ReporterLinks reporterLinks) {
        this.notices = notices;
        this.reporterLinks = reporterLinks;
    }

    void after(Case before, Case after, CaseAction action, String note, Actor actor) {
        Long self = actor == null ? null : actor.accountId();
        Recipients recipients = switch (action) {
            case DISPATCH -> Recipients.departments("case.handle", after.path(),
                    after.departments().stream().filter(h -> !"CALLED".equals(h.role())).map(Case.Handler::department).toList());
            case CALL_IN -> after.awaitingAnswer().isEmpty() ? null : Recipients.departments("case.handle", after.path(), after.awaitingAnswer());
            case REWORK, REOPEN, APPROVE_EXTENSION, DENY_EXTENSION, APPROVE_RETURN, DENY_RETURN ->
                    before.leadDepartment() == null ? null : Recipients.departments("case.handle", after.path(), List.of(before.leadDepartment()));
            case REQUEST_RETURN, REQUEST_EXTENSION -> Recipients.staff("case.dispatch", after.path());
            case FEEDBACK -> Recipients.staff("case.verify", after.path());
            case CLOSE, REJECT, MERGE -> after.reporterAccount() == null ? null : Recipients.account(after.reporterAccount());
            default -> null;
        };
        if (recipients != null) {
            tell(recipients.except(self), action, after, note);
        }
        if (action == CaseAction.CLOSE) {
            reporterLinks.sendOnClosing(after);
        }
    }

    private void tell(Recipients recipients, CaseAction action, Case after, String note) {
        String code = switch (action) {
            case DISPATCH -> "notice.case.dispatched";
            case CALL_IN -> "notice.case.called-in";
            case REOPEN -> "notice.case.reopened";
            case FEEDBACK -> "notice.case.fed-back";
            default -> "notice.case." + action.key();
        };
        // one account is always the reporter here: their own view of the case; staff open the case page
        String link = (recipients.account() != null ? "/my/cases/" : "/cases/") + after.id();
        notices.notify(recipients, code, args(after, note), link);
    }

    /**
     * An overdue case raised to the district (level 1): the district's committee hears of it; raised
     * on to the city (level 2): the city's committee and the district's again.
     */
    void escalated(Case c, int level) {
        notices.notify(Recipients.levels("case.evaluate", c.path(), level == 1 ? 2 : 1, 2),
                level == 1 ? "notice.case.escalated-district" : "notice.case.escalated-city", args(c, ""), "/cases/" + c.id());
    }

    /** {0} the case number, {1} what it is about (shortened), {2} the step's note. */
    private static List<String> args(Case c, String note) {
        String said = note == null ? "" : note.strip();
        return List.of(String.valueOf(c.id()), about(c), said.length() > 100 ? said.substring(0, 99) + "…" : said);
    }

    /** What a case is about, short enough for a notice or an SMS. */
    static String about(Case c) {
        return c.description().length() > 40 ? c.description().substring(0, 39) + "…" : c.description();
    }
}
