package io.gongzhi.casework;

import java.time.Instant;
import java.util.UUID;

/**
 * The community verified the work and closed the case (schema {@value #SCHEMA}); {@code onTime}
 * when feedback came before the deadline; {@code reporterAccount} null for a report without an account.
 */
public record CaseClosed(int schema, UUID id, long caseId, String path, String department, Long reporterAccount, boolean onTime,
                         Instant at) {

    public static final int SCHEMA = 1;

    public CaseClosed(long caseId, String path, String department, Long reporterAccount, boolean onTime, Instant at) {
        this(SCHEMA, UUID.randomUUID(), caseId, path, department, reporterAccount, onTime, at);
    }
}
