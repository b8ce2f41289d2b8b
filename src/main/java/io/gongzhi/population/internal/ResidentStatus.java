package io.gongzhi.population.internal;

/** Whether a resident still lives at their household; moved-out residents stay on record with their history. */
public enum ResidentStatus {
    PRESENT, MOVED_OUT, DECEASED;

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
