package io.gongzhi.identity;

import java.util.Collection;
import java.util.Set;

/**
 * Who a notice is for: {@code account} alone (while it is enabled), or every enabled account
 * with {@code permission} bound to a place that covers {@code path} and lies between
 * {@code fromDepth} and {@code toDepth} levels below the root (0: no bound), working for one
 * of {@code departments} when any are named; never {@code except}.
 */
public record Audience(Long account, String permission, String path, Set<String> departments, int fromDepth, int toDepth,
                       Long except) {

    public static Audience account(long id) {
        return new Audience(id, null, null, Set.of(), 0, 0, null);
    }

    public static Audience staff(String permission, String path) {
        return new Audience(null, permission, path, Set.of(), 0, 0, null);
    }

    public static Audience departments(String permission, String path, Collection<String> departments) {
        return new Audience(null, permission, path, Set.copyOf(departments), 0, 0, null);
    }

    /** Staff bound to the places above {@code path} from {@code fromDepth} to {@code toDepth} levels down: 1 the city, 2 a district. */
    public static Audience levels(String permission, String path, int fromDepth, int toDepth) {
        return new Audience(null, permission, path, Set.of(), fromDepth, toDepth, null);
    }

    public Audience except(Long accountId) {
        return new Audience(account, permission, path, departments, fromDepth, toDepth, accountId);
    }
}
