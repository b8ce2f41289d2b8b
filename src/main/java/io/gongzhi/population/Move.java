package io.gongzhi.population;

import java.time.Instant;
import java.time.LocalDate;

/** One entry of a resident's residence history: moved in, moved out, or moved between households. */
public record Move(long id, Kind kind, LocalDate day, long householdId, String address, Long fromHouseholdId, String reason,
                   String recordedBy, Instant recordedAt) {

    public enum Kind {
        IN, OUT, TRANSFER;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
