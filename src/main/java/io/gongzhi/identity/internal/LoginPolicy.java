package io.gongzhi.identity.internal;

import io.gongzhi.shared.Violation;

import java.util.ArrayList;
import java.util.List;

/**
 * The login policy the security administrator sets.
 *
 * @param maxFailures               wrong passwords (or codes) in a row before the account locks
 * @param lockMinutes               how long a lock lasts
 * @param idleMinutes               a session ends after this long without a request
 * @param absoluteHours             a session ends this long after sign-in, however busy
 * @param secondFactorForPrivileged committee and administrator accounts must use a second factor
 * @param passwordMaxAgeDays        a password older than this must be changed at sign-in; 0 for never
 */
public record LoginPolicy(int maxFailures, int lockMinutes, int idleMinutes, int absoluteHours,
                          boolean secondFactorForPrivileged, int passwordMaxAgeDays) {

    /** Every reason the policy is out of the range MLPS level 3 allows. */
    public List<Violation> problems() {
        var problems = new ArrayList<Violation>();
        if (maxFailures < 3 || maxFailures > 10) {
            problems.add(Violation.of("maxFailures", "policy.range", "3", "10"));
        }
        if (lockMinutes < 5 || lockMinutes > 1440) {
            problems.add(Violation.of("lockMinutes", "policy.range", "5", "1440"));
        }
        if (idleMinutes < 5 || idleMinutes > 120) {
            problems.add(Violation.of("idleMinutes", "policy.range", "5", "120"));
        }
        if (absoluteHours < 1 || absoluteHours > 24) {
            problems.add(Violation.of("absoluteHours", "policy.range", "1", "24"));
        }
        if (passwordMaxAgeDays != 0 && (passwordMaxAgeDays < 30 || passwordMaxAgeDays > 365)) {
            problems.add(Violation.of("passwordMaxAgeDays", "policy.max-age", "30", "365"));
        }
        return problems;
    }
}
