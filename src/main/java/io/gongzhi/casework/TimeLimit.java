package io.gongzhi.casework;

import java.time.Duration;

/**
 * How fast a category must be handled once dispatched: 普通 two working days, 加急 one working
 * day, 特急 four hours on the clock (an emergency does not wait for Monday).
 */
public enum TimeLimit {
    NORMAL(2, null),
    URGENT(1, null),
    CRITICAL(0, Duration.ofHours(4));

    private final int workingDays;
    private final Duration hours;

    TimeLimit(int workingDays, Duration hours) {
        this.workingDays = workingDays;
        this.hours = hours;
    }

    /** Working days allowed, or 0 when the limit runs on the clock. */
    public int workingDays() {
        return workingDays;
    }

    /** The clock time allowed, when the limit is not counted in working days. */
    public java.util.Optional<Duration> hours() {
        return java.util.Optional.ofNullable(hours);
    }
}
