package io.gongzhi.audit;

import java.time.Instant;

/**
 * What the auditor searches for; every part is optional.
 *
 * @param account exact account name
 * @param action  action, or its prefix ending in a dot ({@code login.})
 * @param object  object, or its prefix ({@code account:})
 * @param from    inclusive
 * @param to      exclusive
 */
public record AuditQuery(String account, String action, String object, Instant from, Instant to) {

    public static final AuditQuery ALL = new AuditQuery(null, null, null, null, null);

    public static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
