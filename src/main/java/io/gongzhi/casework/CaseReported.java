package io.gongzhi.casework;

import java.time.Instant;

/** A case came in (any channel). */
public record CaseReported(long caseId, String category, String path, Channel channel, Instant at) {
}
