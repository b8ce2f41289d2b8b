package io.gongzhi.casework;

/** How a case came in. */
public enum Channel {
    /** A grid worker on patrol. */
    GRID,
    /** A resident on the web or a phone. */
    RESIDENT,
    /** A hotline operator taking a call. */
    HOTLINE,
    /** Another system over Open311 GeoReport v2. */
    OPEN311,
    /** Another module of the platform. */
    SYSTEM
}
