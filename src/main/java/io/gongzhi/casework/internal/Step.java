package io.gongzhi.casework.internal;

import io.gongzhi.casework.CaseAction;
import io.gongzhi.casework.CaseState;
import java.time.Instant;
import java.util.List;

/** One step of a case's timeline: who did what, when, from which state to which, why, and the files it brought. */
public record Step(long id, CaseAction action, CaseState from, CaseState to, String actor, String department, String note, Instant at,
                   List<Attachment> attachments) {
}
