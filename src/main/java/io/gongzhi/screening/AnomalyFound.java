package io.gongzhi.screening;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A visit found what a campaign's rules call an anomaly (schema {@value #SCHEMA}): which household,
 * where (its compound's path, for everything above it), the rules it met by their labels, who
 * visited and when. The follow-up (community → CDC → handling) starts from it.
 */
public record AnomalyFound(int schema, UUID id, long campaignId, long roundId, long householdId, String path, List<String> rules,
                           String visitedBy, Instant visitedAt) {

    public static final int SCHEMA = 1;
}
