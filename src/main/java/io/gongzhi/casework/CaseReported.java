package io.gongzhi.casework;

import java.time.Instant;
import java.util.UUID;

/** A case came in by {@code channel} (schema {@value #SCHEMA}); {@code reporterAccount} null for one without an account. */
public record CaseReported(int schema, UUID id, long caseId, String category, String path, Channel channel, Long reporterAccount,
                           Instant at) {

    public static final int SCHEMA = 1;

    public CaseReported(long caseId, String category, String path, Channel channel, Long reporterAccount, Instant at) {
        this(SCHEMA, UUID.randomUUID(), caseId, category, path, channel, reporterAccount, at);
    }
}
