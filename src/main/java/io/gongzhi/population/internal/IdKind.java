package io.gongzhi.population.internal;

/** The identity document a resident is registered with: the national ID card, or a passport for foreign nationals. */
public enum IdKind {
    NATIONAL_ID, PASSPORT;

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
