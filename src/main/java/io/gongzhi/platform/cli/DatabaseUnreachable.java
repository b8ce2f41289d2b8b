package io.gongzhi.platform.cli;

/** The configured database could not be reached at start-up. */
public class DatabaseUnreachable extends RuntimeException {

    private final String url;
    private final String reason;

    public DatabaseUnreachable(String url, Throwable cause) {
        super("database " + url + " unreachable: " + describe(cause), cause);
        this.url = url;
        this.reason = describe(cause);
    }

    public String url() {
        return url;
    }

    /** What the driver said, in one line. */
    public String reason() {
        return reason;
    }

    private static String describe(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        // Drivers sometimes append the whole URL or multi-line hints; one line is enough.
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
