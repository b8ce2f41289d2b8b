package io.gongzhi.geography;

/** What a generation run produced, and how long it took. */
public record GenerationReport(long seed, int districts, int subdistricts, int communities, int grids, int compounds,
                               long households, long millis) {
}
