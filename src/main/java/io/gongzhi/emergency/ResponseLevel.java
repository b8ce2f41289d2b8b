package io.gongzhi.emergency;

import java.util.Arrays;
import java.util.Optional;

/** The four response levels of China's emergency plans: Ⅰ级 is the most severe, Ⅳ级 the least. */
public enum ResponseLevel {
    I(1, "Ⅰ"), II(2, "Ⅱ"), III(3, "Ⅲ"), IV(4, "Ⅳ");

    private final int rank;
    private final String numeral;

    ResponseLevel(int rank, String numeral) {
        this.rank = rank;
        this.numeral = numeral;
    }

    /** 1 for Ⅰ级 … 4 for Ⅳ级, as stored. */
    public int rank() {
        return rank;
    }

    /** The Roman numeral as it is printed: Ⅱ. */
    public String numeral() {
        return numeral;
    }

    public boolean moreSevereThan(ResponseLevel other) {
        return rank < other.rank;
    }

    public static ResponseLevel ofRank(int rank) {
        return Arrays.stream(values()).filter(l -> l.rank == rank).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no response level " + rank));
    }

    /** {@code II}, {@code 2} or {@code Ⅱ}; nothing for anything else. */
    public static Optional<ResponseLevel> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        return Arrays.stream(values()).filter(l -> l.name().equalsIgnoreCase(t) || l.numeral.equals(t) || String.valueOf(l.rank).equals(t))
                .findFirst();
    }
}
