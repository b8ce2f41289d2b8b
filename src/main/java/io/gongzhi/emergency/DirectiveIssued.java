package io.gongzhi.emergency;

import java.time.Instant;
import java.util.UUID;

/**
 * A unit issued a directive to every unit below it down to {@code downTo} (schema {@value #SCHEMA});
 * {@code path} is the issuer's path, which every recipient's path starts with.
 */
public record DirectiveIssued(int schema, UUID id, long directiveId, String issuerUnit, String path, String downTo, String title,
                              int recipients, Instant ackDue, Instant reportDue, String actor, Instant at) {

    public static final int SCHEMA = 1;
}
