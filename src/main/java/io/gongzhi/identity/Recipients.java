package io.gongzhi.identity;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Who a notice is for: {@code account} alone (while it is enabled), or every enabled account
 * with {@code permission} bound to a place that covers {@code path} and lies between
 * {@code fromDepth} and {@code toDepth} levels below the root (0: no bound), working for one
 * of {@code departments} when any are named; or every enabled account with {@code permission}
 * bound to one of {@code places} (and, when {@code below}, to a place under one of them); never
 * {@code except}.
 */
public record Recipients(Long account, String permission, String path, Set<String> departments, int fromDepth, int toDepth,
                         Long except, List<String> places, boolean below) {

    /** Places named in one read of those bound at them (more are read in turns). */
    public static final int PLACES_AT_ONCE = 1000;

    public Recipients {
        places = places == null ? List.of() : List.copyOf(places);
    }

    public static Recipients account(long id) {
        return new Recipients(id, null, null, Set.of(), 0, 0, null, null, false);
    }

    public static Recipients staff(String permission, String path) {
        return new Recipients(null, permission, path, Set.of(), 0, 0, null, null, false);
    }

    public static Recipients departments(String permission, String path, Collection<String> departments) {
        return new Recipients(null, permission, path, Set.copyOf(departments), 0, 0, null, null, false);
    }

    /** Staff bound to the places above {@code path} from {@code fromDepth} to {@code toDepth} levels down: 1 the city, 2 a district. */
    public static Recipients levels(String permission, String path, int fromDepth, int toDepth) {
        return new Recipients(null, permission, path, Set.of(), fromDepth, toDepth, null, null, false);
    }

    /** Staff bound at one of {@code places} (such as the units a directive is waiting on), or also below them when {@code below}. */
    public static Recipients at(String permission, Collection<String> places, boolean below) {
        return new Recipients(null, permission, null, Set.of(), 0, 0, null, List.copyOf(places), below);
    }

    public Recipients except(Long accountId) {
        return new Recipients(account, permission, path, departments, fromDepth, toDepth, accountId, places, below);
    }
}
