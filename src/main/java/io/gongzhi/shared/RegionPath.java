package io.gongzhi.shared;

import java.io.Serializable;
import java.util.regex.Pattern;

/**
 * A place in the hierarchy as its materialised path, e.g. {@code /5101/510107/510107005}.
 * {@code /} is the root above every city: a jurisdiction holding it sees everything.
 */
public record RegionPath(String value) implements Serializable, Comparable<RegionPath> {

    private static final Pattern SHAPE = Pattern.compile("/|(/[0-9A-Za-z]{1,40})+");

    public static final RegionPath ROOT = new RegionPath("/");

    public RegionPath {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("not a region path: " + value);
        }
    }

    public static RegionPath of(String value) {
        return new RegionPath(value);
    }

    public boolean isRoot() {
        return value.equals("/");
    }

    /** True when {@code path} is this place or lies below it. */
    public boolean covers(String path) {
        return isRoot() || path.equals(value) || path.startsWith(value + "/");
    }

    public boolean covers(RegionPath other) {
        return covers(other.value);
    }

    /** How many codes the path has: 0 for the root, 1 for the city, 2 for a district, and so on. */
    public int depth() {
        return isRoot() ? 0 : (int) value.chars().filter(c -> c == '/').count();
    }

    /** The path of this place's ancestor at {@code depth} (itself at its own depth); null when the place lies higher. */
    public String ancestor(int depth) {
        if (depth <= 0) {
            return ROOT.value;
        }
        int end = 0;
        for (int i = 0; i < depth; i++) {
            end = value.indexOf('/', end + 1);
            if (end < 0) {
                return i == depth - 1 ? value : null;
            }
        }
        return value.substring(0, end);
    }

    /** The last code of the path, i.e. the unit it names; empty for the root. */
    public String code() {
        return value.substring(value.lastIndexOf('/') + 1);
    }

    @Override
    public int compareTo(RegionPath o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
