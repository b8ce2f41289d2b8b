package io.gongzhi.screening;

import java.time.LocalDate;
import java.util.UUID;

/** A campaign's round opened with a task for every household in its scope (schema {@value #SCHEMA}). */
public record RoundOpened(int schema, UUID id, long campaignId, long roundId, int number, String scopePath, LocalDate startsOn,
                          LocalDate endsOn, int tasks) {

    public static final int SCHEMA = 1;
}
