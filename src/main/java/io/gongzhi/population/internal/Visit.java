package io.gongzhi.population.internal;

/** A grid worker's visit to a resident and what they noted; the day as {@link BirthYears#show} gives it. */
public record Visit(long id, long residentId, String day, String note, String recordedBy) {
}
