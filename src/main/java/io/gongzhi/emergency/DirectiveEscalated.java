package io.gongzhi.emergency;

import java.time.Instant;
import java.util.UUID;

/**
 * Units below {@code unitCode} were still silent on a directive past its deadline and are raised to
 * that place (schema {@value #SCHEMA}): {@code tier} 1 for their parent, 2 for their grandparent;
 * {@code silent} how many of them.
 */
public record DirectiveEscalated(int schema, UUID id, long directiveId, String title, int tier, String unitCode, String path, int silent,
                                 Instant at) {

    public static final int SCHEMA = 1;
}
