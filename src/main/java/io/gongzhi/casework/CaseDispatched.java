package io.gongzhi.casework;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A case went to its lead {@code department} (and the co-handling {@code departments} with it),
 * due by {@code deadline} (schema {@value #SCHEMA}).
 */
public record CaseDispatched(int schema, UUID id, long caseId, String path, String department, List<String> departments,
                             Instant deadline, Instant at) {

    public static final int SCHEMA = 1;

    public CaseDispatched(long caseId, String path, String department, List<String> departments, Instant deadline, Instant at) {
        this(SCHEMA, UUID.randomUUID(), caseId, path, department, List.copyOf(departments), deadline, at);
    }
}
