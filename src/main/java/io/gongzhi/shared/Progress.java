package io.gongzhi.shared;

/**
 * How long work reports how far it has got. Services take one; the command line passes
 * a progress bar, a web import a record the page polls, a test {@link #NONE}.
 */
public interface Progress {

    /** Work of {@code total} units called {@code task} starts; {@code total} may be -1 when unknown. */
    void start(String task, long total);

    /** {@code units} more units are done. */
    void advance(long units);

    /** The work ended (done or failed). */
    void finish();

    Progress NONE = new Progress() {
        @Override
        public void start(String task, long total) {
        }

        @Override
        public void advance(long units) {
        }

        @Override
        public void finish() {
        }
    };
}
