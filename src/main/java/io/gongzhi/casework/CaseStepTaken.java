package io.gongzhi.casework;

import java.time.Instant;

/** Any step of any case, for read models that follow the whole loop (dashboards, evaluation). */
public record CaseStepTaken(long caseId, CaseAction action, CaseState from, CaseState to, String path, Instant at) {
}
