package io.gongzhi.population.internal;

import java.util.List;

/** One page of search results; {@code more} says whether another page follows. */
public record ResidentPage(List<Resident> residents, int page, int size, boolean more) {
}
