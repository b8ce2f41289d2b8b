package io.gongzhi.shared;

/**
 * A reaction that says in Java which of the events its listener methods take it wants. The events
 * it does not want are never recorded for it in the event publication registry and cost nothing
 * but this call; the ones it wants are recorded with the change that raised them as usual. Use it
 * instead of a listener's SpEL {@code condition}, which is evaluated twice for every event (with a
 * context built and methods looked up by reflection each time) on the thread that took the step.
 */
public interface Selective {

    /** Whether this reaction is to run for {@code event} (called with the step, before it commits). */
    boolean wants(Object event);
}
