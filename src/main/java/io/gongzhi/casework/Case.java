package io.gongzhi.casework;

import java.time.Instant;
import java.util.List;

/** A case as it stands, with the departments working on it. */
public record Case(long id, String category, int categoryRevision, String description, String path, Double lon, Double lat,
                   String address, Channel channel, Long reporterAccount, String reporterName, CaseState state, Pending pending,
                   int pendingDays, TimeLimit timeLimit, String leadDepartment, Instant deadline, int escalation, int extensions,
                   int returns, int reworks, int reopens, Long parentId, Rating rating, Instant reportedAt, Instant acceptedAt,
                   Instant dispatchedAt, Instant fedBackAt, Instant closedAt, Instant updatedAt, int version, List<Handler> departments) {

    /** A department on the case: LEAD, CO(-handler) or CALLED in by a call-in, with its answer. */
    public record Handler(String department, String role, Instant answerDue, Instant answeredAt, String answeredBy) {
    }

    /** Still being worked on after its deadline. */
    public boolean overdue(Instant now) {
        return deadline != null && (state == CaseState.DISPATCHED || state == CaseState.HANDLING) && now.isAfter(deadline);
    }

    /** The departments summoned by a call-in that have not answered yet. */
    public List<String> awaitingAnswer() {
        return departments.stream().filter(h -> "CALLED".equals(h.role()) && h.answeredAt() == null).map(Handler::department).toList();
    }
}
