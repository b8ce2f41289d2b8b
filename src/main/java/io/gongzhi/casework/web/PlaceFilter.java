package io.gongzhi.casework.web;

import io.gongzhi.geography.Hierarchy;
import io.gongzhi.geography.Unit;
import io.gongzhi.shared.InvalidInput;
import io.gongzhi.shared.Jurisdiction;
import io.gongzhi.shared.NotFound;
import io.gongzhi.shared.Violation;

import java.util.ArrayList;
import java.util.List;

/**
 * The queue's "where" filter: the places one and two levels below each of the caller's places,
 * as a tree a phone's select can show (a district's sub-districts, each followed by its
 * communities; a community's grids, each followed by its compounds), and a chosen place's code
 * turned into its path, refused by name when it is not one of the caller's places.
 */
final class PlaceFilter {

    /** A place to offer: its code, its name and how far below the caller's place it lies (1 or 2). */
    record Option(String code, String name, int depth) {
    }

    /** The most places offered: past it the second level is left out (the first is always there). */
    static final int LIMIT = 600;

    private PlaceFilter() {
    }

    static List<Option> options(Hierarchy hierarchy, Jurisdiction j) {
        if (j.isEmpty()) {
            return List.of();
        }
        var first = new ArrayList<Unit>();
        for (Unit root : hierarchy.roots(j)) {
            if (j.covers(root.path())) {
                first.addAll(hierarchy.children(root.code()).stream().filter(Unit::current).toList());
            }
        }
        var options = new ArrayList<Option>();
        int room = LIMIT - first.size();
        for (Unit unit : first) {
            options.add(new Option(unit.code(), unit.displayName(), 1));
            if (room > 0) {
                var below = hierarchy.children(unit.code()).stream().filter(Unit::current).limit(room).toList();
                below.forEach(u -> options.add(new Option(u.code(), u.displayName(), 2)));
                room -= below.size();
            }
        }
        return options;
    }

    /** The path of the place with this code, or null for none; a code that is not one of the caller's places is refused. */
    static String path(Hierarchy hierarchy, Jurisdiction j, String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        try {
            Unit unit = hierarchy.unit(code.strip(), j);
            if (j.covers(unit.path())) {
                return unit.path();
            }
        } catch (NotFound absent) {
            // answered below, like a place outside
        }
        throw new InvalidInput(Violation.of("within", "casework.place-unknown", code.strip()));
    }
}
