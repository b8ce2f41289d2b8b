package io.gongzhi.population.internal;

import io.gongzhi.shared.Violation;

import java.util.ArrayList;
import java.util.List;

/** Where a household lives: a compound (by its code), a building, an optional unit (单元) and a room. */
public record Address(String compoundCode, String building, String unitNo, String room) {

    public Address {
        compoundCode = trim(compoundCode);
        building = trim(building);
        unitNo = trim(unitNo);
        room = trim(room);
    }

    public List<Violation> problems() {
        var problems = new ArrayList<Violation>();
        if (compoundCode.isEmpty()) {
            problems.add(Violation.of("compound", "person.required"));
        }
        if (building.isEmpty()) {
            problems.add(Violation.of("building", "person.required"));
        } else if (building.length() > 20) {
            problems.add(Violation.of("building", "person.too-long", 20));
        }
        if (unitNo.length() > 10) {
            problems.add(Violation.of("unitNo", "person.too-long", 10));
        }
        if (room.isEmpty()) {
            problems.add(Violation.of("room", "person.required"));
        } else if (room.length() > 20) {
            problems.add(Violation.of("room", "person.too-long", 20));
        }
        return problems;
    }

    /** As people write it: 3栋2单元1502. */
    public String text() {
        return building + "栋" + (unitNo.isEmpty() ? "" : unitNo + "单元") + room;
    }

    private static String trim(String s) {
        return s == null ? "" : s.strip();
    }
}
