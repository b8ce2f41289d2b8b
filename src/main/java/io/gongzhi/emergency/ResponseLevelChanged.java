package io.gongzhi.emergency;

import java.time.Instant;
import java.util.UUID;

/**
 * The committee of a city or district raised or lowered the level of a response in force (schema {@value #SCHEMA}); {@code path} is the
 * unit's path, which every place below it shares as a prefix.
 */
public record ResponseLevelChanged(int schema, UUID id, long responseId, String unitCode, String path, ResponseLevel from, ResponseLevel level, String reason, String actor,
                    Instant at) {

    public static final int SCHEMA = 1;
}
