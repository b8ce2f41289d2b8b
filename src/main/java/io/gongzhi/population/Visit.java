package io.gongzhi.population;

import java.time.LocalDate;

/** A grid worker's visit to a resident and what they noted. */
public record Visit(long id, long residentId, LocalDate day, String note, String recordedBy) {
}
