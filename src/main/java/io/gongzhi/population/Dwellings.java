package io.gongzhi.population;

import java.util.List;
import java.util.function.Consumer;

/**
 * The registry's households as places to visit, for the modules that plan work door to door
 * (screening): where each is and nothing about who lives there.
 */
public interface Dwellings {

    /** A household where at least one resident lives: its compound's code and path, building, unit and room. */
    record Dwelling(long id, String compoundCode, String path, String building, String unitNo, String room) {
    }

    /**
     * Every household with someone living there at or below {@code path}, in order of id, handed
     * over {@code batch} at a time, so that a whole city's are never all in memory at once.
     * Answers how many there were.
     */
    long forEachUnder(String path, int batch, Consumer<List<Dwelling>> each);
}
