package io.gongzhi.casework;

import java.time.Instant;

/** One step of a case's timeline: who did what, when, from which state to which, and why. */
public record Step(long id, CaseAction action, CaseState from, CaseState to, String actor, String department, String note, Instant at) {
}
