package io.gongzhi.geography;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A small made-up city in the divisions file format, for tests: 1 city, 2 districts,
 * 2 sub-districts each, 3 communities each (19 rows). Each test takes its own city code
 * so tests never see each other's units, on H2 or on a shared PostgreSQL database.
 */
final class CityFile {

    final String city;
    final List<String> lines = new ArrayList<>();

    CityFile(String city, String name) {
        this.city = city;
        lines.add("code,name,level,parent_code");
        lines.add(city + "," + name + ",city,");
        for (int d = 1; d <= 2; d++) {
            String district = city + "0" + d;
            lines.add(district + "," + name.charAt(0) + "区" + d + ",district," + city);
            for (int s = 1; s <= 2; s++) {
                String sub = district + "00" + s;
                lines.add(sub + "," + name.charAt(0) + d + "街道" + s + ",subdistrict," + district);
                for (int c = 1; c <= 3; c++) {
                    lines.add(sub + "00" + c + "," + name.charAt(0) + d + s + c + "社区居民委员会,community," + sub);
                }
            }
        }
    }

    String district(int d) {
        return city + "0" + d;
    }

    String subdistrict(int d, int s) {
        return district(d) + "00" + s;
    }

    String community(int d, int s, int c) {
        return subdistrict(d, s) + "00" + c;
    }

    CityFile replace(String code, String newLine) {
        lines.replaceAll(l -> l.startsWith(code + ",") ? newLine : l);
        return this;
    }

    CityFile remove(String code) {
        lines.removeIf(l -> l.startsWith(code + ","));
        return this;
    }

    CityFile add(String line) {
        lines.add(line);
        return this;
    }

    byte[] bytes() {
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
