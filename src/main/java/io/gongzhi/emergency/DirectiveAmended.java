package io.gongzhi.emergency;

import java.time.Instant;
import java.util.UUID;

/**
 * The issuer amended a directive (schema {@value #SCHEMA}): text added, a deadline moved later
 * (null: unchanged); {@code amendment} counts the amendments so far, this one included.
 */
public record DirectiveAmended(int schema, UUID id, long directiveId, String issuerUnit, String path, int amendment, String reason,
                               Instant ackDue, Instant reportDue, String actor, Instant at) {

    public static final int SCHEMA = 1;
}
