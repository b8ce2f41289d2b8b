package io.gongzhi.casework.internal;

import io.gongzhi.casework.CaseAction;
import io.gongzhi.casework.CaseFacts;
import io.gongzhi.casework.CaseState;
import io.gongzhi.casework.CaseStepTaken;
import io.gongzhi.identity.Notices;
import io.gongzhi.identity.Recipients;
import io.gongzhi.shared.Selective;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;

import java.util.List;

/**
 * Who hears of a step, as a reaction to it (after the step committed, delivered again after a
 * crash until it has run): the sub-district's dispatchers of a new report, the departments a case is dispatched or called to, the lead
 * department when its requests are decided or the case comes back, the dispatchers when a
 * department asks for something, the community workers when a case waits for verification, the
 * district and city when it runs overdue, and the reporter when it is closed, refused or merged.
 * Nobody is told of their own step. The notices are keyed by the event, so a step is told once
 * however often this runs.
 * <p>
 * Reactions running together share one commit (a {@link GroupCommit} of their own, apart from the
 * case writers', so a notice that cannot be written never holds up a step): a busy minute's
 * notices cost the database a commit per batch, not one each.
 */
@Component
class CaseNotices implements SmartLifecycle, Selective {

    private final Notices notices;
    private final GroupCommit commits;
    private final JdbcClient jdbc;

    CaseNotices(Notices notices, PlatformTransactionManager transactions, JdbcClient jdbc) {
        this.notices = notices;
        this.jdbc = jdbc;
        this.commits = new GroupCommit(transactions, 1, 256);
    }

    // no transaction of its own: the notices are written in the batch's
    @ApplicationModuleListener(id = "casework.notices", propagation = Propagation.NOT_SUPPORTED)
    void on(CaseStepTaken event) {
        commits.run(() -> tell(event));
    }

    /** Only the steps that tell someone are recorded for this reaction. */
    @Override
    public boolean wants(Object event) {
        return event instanceof CaseStepTaken step && step.action().tellsSomeone();
    }

    private Void tell(CaseStepTaken event) {
        CaseFacts c = event.facts();
        Recipients recipients = switch (event.action()) {
            // a new report waits on the sub-district's dispatchers (level 3), not on the district's who may also dispatch
            case REPORT -> Recipients.levels("case.dispatch", c.path(), 3, 3);
            case DISPATCH -> Recipients.departments("case.handle", c.path(), c.departments());
            case CALL_IN -> c.awaitingAnswer().isEmpty() ? null : Recipients.departments("case.handle", c.path(), c.awaitingAnswer());
            case REWORK, REOPEN, APPROVE_EXTENSION, DENY_EXTENSION, APPROVE_RETURN, DENY_RETURN ->
                    c.previousLeadDepartment() == null ? null : Recipients.departments("case.handle", c.path(), List.of(c.previousLeadDepartment()));
            case REQUEST_RETURN, REQUEST_EXTENSION -> Recipients.staff("case.dispatch", c.path());
            case FEEDBACK -> Recipients.staff("case.verify", c.path());
            case CLOSE, REJECT, MERGE -> c.reporterAccount() == null ? null : Recipients.account(c.reporterAccount());
            // raised to the district (level 1): the district's committee; on to the city (2): the city's and the district's again
            case ESCALATE -> Recipients.levels("case.evaluate", c.path(), c.escalation() == 1 ? 2 : 1, 2);
            default -> null;
        };
        if (recipients == null || event.action() == CaseAction.REPORT && taken(event.caseId())) {
            return null;
        }
        // one account is always the reporter here: their own view of the case; staff open the case page
        String link = (recipients.account() != null ? "/my/cases/" : "/cases/") + event.caseId();
        notices.notify(event.id().toString(), recipients.except(event.actorAccount()), code(event), args(event), link);
        return null;
    }

    /** Whether a reported case has been taken up already (a dispatcher quicker than the notice): nothing waits on them then. */
    private boolean taken(long caseId) {
        return !jdbc.sql("select state from casework_case where id = :id").param("id", caseId).query(String.class).optional()
                .map(CaseState.REPORTED.name()::equals).orElse(false);
    }

    private static String code(CaseStepTaken event) {
        return switch (event.action()) {
            case DISPATCH -> "notice.case.dispatched";
            case CALL_IN -> "notice.case.called-in";
            case REOPEN -> "notice.case.reopened";
            case FEEDBACK -> "notice.case.fed-back";
            case ESCALATE -> event.facts().escalation() == 1 ? "notice.case.escalated-district" : "notice.case.escalated-city";
            default -> "notice.case." + event.action().key();
        };
    }

    /** {0} the case number, {1} what it is about (shortened), {2} the step's note. */
    private static List<String> args(CaseStepTaken event) {
        String said = event.action() == CaseAction.ESCALATE ? "" : event.note().strip();
        return List.of(String.valueOf(event.caseId()), event.facts().about(), said.length() > 100 ? said.substring(0, 99) + "…" : said);
    }

    @Override
    public void start() {
        commits.start();
    }

    @Override
    public void stop() {
        commits.stop();
    }

    @Override
    public boolean isRunning() {
        return commits.isRunning();
    }
}
