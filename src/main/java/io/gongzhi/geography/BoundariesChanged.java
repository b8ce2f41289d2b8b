package io.gongzhi.geography;

/** Boundaries of a level were written; whoever keeps a spatial index of them rebuilds it. */
public record BoundariesChanged(Level level, int count) {
}
