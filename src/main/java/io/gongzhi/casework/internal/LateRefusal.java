package io.gongzhi.casework.internal;

/**
 * A write a step left for its batch's commit ({@link GroupCommit#inBatch}) was refused: the step
 * named by {@link GroupCommit#currentStep} is answered with {@link #refusal}, and the rest of its
 * batch runs again without it.
 */
public final class LateRefusal extends RuntimeException {
    private final transient Object step;
    private final RuntimeException refusal;

    public LateRefusal(Object step, RuntimeException refusal) {
        super(refusal.getMessage(), refusal, false, false);
        this.step = step;
        this.refusal = refusal;
    }

    /** The step whose write was refused. */
    Object step() {
        return step;
    }

    public RuntimeException refusal() {
        return refusal;
    }
}
