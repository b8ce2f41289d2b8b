package io.gongzhi.identity;

import java.util.Collection;
import java.util.Set;

/**
 * Who a notice is for: {@code account} alone (while it is enabled), or every enabled account
 * with {@code permission} bound to a place that covers {@code path} and lies between
 * {@code fromDepth} and {@code toDepth} levels below the root (0: no bound), working for one
 * of {@code departments} when any are named; never {@code except}.
 */
public record Recipients(Long account, String permission, String path, Set<String> departments, int fromDepth, int toDepth,
                         Long except) {

    public static Recipients account(long id) {
        return new Recipients(id, null, null, Set.of(), 0, 0, null);
    }

    public static Recipients staff(String permission, String path) {
        return new Recipients(null, permission, path, Set.of(), 0, 0, null);
    }

    public static Recipients departments(String permission, String path, Collection<String> departments) {
        return new Recipients(null, permission, path, Set.copyOf(departments), 0, 0, null);
    }

    /** Staff bound to the places above {@code path} from {@code fromDepth} to {@code toDepth} levels down: 1 the city, 2 a district. */
    public static Recipients levels(String permission, String path, int fromDepth, int toDepth) {
        return new Recipients(null, permission, path, Set.of(), fromDepth, toDepth, null);
    }

    public Recipients except(Long accountId) {
        return new Recipients(account, permission, path, departments, fromDepth, toDepth, accountId);
    }
}
