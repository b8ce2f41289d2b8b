package io.gongzhi.casework;

import java.time.Instant;

/** The community verified the work and closed the case; {@code onTime} when feedback came before the deadline. */
public record CaseClosed(long caseId, String path, String department, boolean onTime, Instant at) {
}
