package io.gongzhi.population.internal;

/**
 * One entry of a resident's residence history: moved in, moved out, or moved between households.
 * Its day and the time it was recorded are shown as {@link BirthYears#show} gives them.
 */
public record Move(long id, Kind kind, String day, long householdId, String address, Long fromHouseholdId, String reason,
                   String recordedBy, String recordedAt) {

    public enum Kind {
        IN, OUT, TRANSFER;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
