package io.gongzhi.emergency;

import java.time.Instant;
import java.util.UUID;

/** A recipient unit reported a directive done (落实), once (schema {@value #SCHEMA}); {@code late} when past its deadline. */
public record DirectiveReported(int schema, UUID id, long directiveId, String unitCode, String path, boolean late, String actor,
                                Instant at) {

    public static final int SCHEMA = 1;
}
