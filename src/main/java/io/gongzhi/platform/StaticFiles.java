package io.gongzhi.platform;

import java.util.Arrays;

/** The paths of the web shell's static files (styles, scripts, images, libraries), open to everyone and cheap to serve. */
public final class StaticFiles {

    /** As Spring path patterns. */
    public static final String[] PATTERNS = {"/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico"};

    private StaticFiles() {
    }

    /** Whether a path inside the application (without its context path) is one of them. */
    public static boolean contain(String path) {
        return Arrays.stream(PATTERNS).anyMatch(pattern -> pattern.endsWith("/**")
                ? path.startsWith(pattern.substring(0, pattern.length() - 2))
                : path.equals(pattern));
    }
}
