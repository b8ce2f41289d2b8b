package io.gongzhi.casework;

import java.time.Instant;

/** A case went to its lead department, due by {@code deadline}. */
public record CaseDispatched(long caseId, String path, String department, Instant deadline, Instant at) {
}
