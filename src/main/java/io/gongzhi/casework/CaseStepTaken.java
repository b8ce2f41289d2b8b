package io.gongzhi.casework;

import java.time.Instant;
import java.util.UUID;

/**
 * Any step of any case (schema {@value #SCHEMA}), for the reactions that follow the whole loop:
 * notices, dashboards, evaluation. {@code id} names this event for good (a listener that runs
 * twice after a crash knows it by it); {@code actorAccount} is whoever took the step (null for
 * the clock's and for a resident without an account); {@code note} is what they wrote with it.
 */
public record CaseStepTaken(int schema, UUID id, long caseId, CaseAction action, CaseState from, CaseState to, CaseFacts facts,
                            Long actorAccount, String note, Instant at) {

    public static final int SCHEMA = 1;

    public CaseStepTaken(long caseId, CaseAction action, CaseState from, CaseState to, CaseFacts facts, Long actorAccount, String note,
                         Instant at) {
        this(SCHEMA, UUID.randomUUID(), caseId, action, from, to, facts, actorAccount, note == null ? "" : note, at);
    }

    public String path() {
        return facts.path();
    }
}
