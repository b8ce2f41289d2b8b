package io.gongzhi.geography;

import java.util.Arrays;
import java.util.Optional;

/** The levels of the hierarchy, top down; each level's parent is the one before it. */
public enum Level {
    CITY, DISTRICT, SUBDISTRICT, COMMUNITY, GRID, COMPOUND;

    /** The name used in files and URLs: {@code city}, {@code district}, … */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public Optional<Level> parent() {
        return ordinal() == 0 ? Optional.empty() : Optional.of(values()[ordinal() - 1]);
    }

    /** Levels that come from the statistical division codes (the rest are generated). */
    public boolean isDivision() {
        return compareTo(COMMUNITY) <= 0;
    }

    public static Optional<Level> parse(String key) {
        return Arrays.stream(values()).filter(l -> l.key().equals(key == null ? "" : key.strip().toLowerCase(java.util.Locale.ROOT))).findFirst();
    }
}
