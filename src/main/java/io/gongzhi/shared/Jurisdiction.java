package io.gongzhi.shared;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What an account may see: a set of places in the hierarchy (each with everything below
 * it) and, for department staff, a set of departments. Every query of scoped data applies
 * it as a bound predicate ({@link #where(String)}); ids outside it answer like ids that do
 * not exist ({@link #require(String, String, String)}).
 */
public record Jurisdiction(Set<RegionPath> paths, Set<String> departments) implements Serializable {

    /** Sees nothing: the answer for anyone not signed in, and for residents' staff-only data. */
    public static final Jurisdiction NONE = new Jurisdiction(Set.of(), Set.of());

    /** Sees every place (not departments' work unless also bound to them). */
    public static final Jurisdiction EVERYWHERE = new Jurisdiction(Set.of(RegionPath.ROOT), Set.of());

    public Jurisdiction {
        paths = normalise(paths);
        departments = departments == null ? Set.of() : Set.copyOf(departments);
    }

    public static Jurisdiction of(RegionPath... paths) {
        return new Jurisdiction(Set.of(paths), Set.of());
    }

    /** Keeps only the outermost paths: a place below another adds nothing. */
    private static Set<RegionPath> normalise(Set<RegionPath> paths) {
        if (paths == null || paths.isEmpty()) {
            return Set.of();
        }
        var sorted = new TreeSet<>(paths);
        var kept = new ArrayList<RegionPath>();
        for (RegionPath path : sorted) {
            if (kept.stream().noneMatch(k -> k.covers(path))) {
                kept.add(path);
            }
        }
        return Set.copyOf(kept);
    }

    public boolean isEmpty() {
        return paths.isEmpty();
    }

    public boolean isEverywhere() {
        return paths.contains(RegionPath.ROOT);
    }

    /** True when the place at {@code path} lies inside the jurisdiction. */
    public boolean covers(String path) {
        return path != null && paths.stream().anyMatch(p -> p.covers(path));
    }

    /**
     * True when the place is inside, or is an ancestor of a place inside: enough to show its
     * name on the way down to one's own area, never its contents.
     */
    public boolean leadsTo(String path) {
        return covers(path) || paths.stream().anyMatch(p -> RegionPath.of(path).covers(p));
    }

    public boolean coversDepartment(String department) {
        return department != null && departments.contains(department);
    }

    /**
     * The part of this jurisdiction that lies at or below {@code node}: the node itself when
     * covered, else the covered places beneath it (possibly none).
     */
    public Jurisdiction narrowTo(RegionPath node) {
        if (covers(node.value())) {
            return new Jurisdiction(Set.of(node), departments);
        }
        return new Jurisdiction(paths.stream().filter(node::covers).collect(Collectors.toSet()), departments);
    }

    /** Throws {@link NotFound} unless {@code path} is inside, so an out-of-scope id answers like a missing one. */
    public void require(String path, String code, String what) {
        if (!covers(path)) {
            throw new NotFound(code, what);
        }
    }

    /**
     * A SQL condition on {@code column} (a path column) with named parameters, for
     * {@code JdbcClient}: {@code ((col like :jx0 and (col = :jp0 or col like :jl0)) or ...)};
     * {@code 1 = 0} when empty. The leading {@code like :jx0} (the path followed by anything) is
     * implied by the exact test beside it; it is there because a database can turn it into a
     * range of a path index (or of an index's second column), which the exact test alone is not.
     */
    public Clause where(String column) {
        if (isEverywhere()) {
            return new Clause("1 = 1", Map.of());
        }
        if (paths.isEmpty()) {
            return new Clause("1 = 0", Map.of());
        }
        var params = new LinkedHashMap<String, Object>();
        var terms = new ArrayList<String>();
        for (Clause place : eachPlace(column, Map.of())) {
            terms.add(place.sql());
            params.putAll(place.params());
        }
        return new Clause("(" + String.join(" or ", terms) + ")", params);
    }

    /**
     * One condition per place (the root's is {@code 1 = 1}), named apart so that they can stand
     * in one statement. For a place at a depth named in {@code levelColumns} (columns holding
     * each row's ancestor path at that depth), the equality of that column and of every such
     * column above it (a community's rows are also its sub-district's), so that whichever of them
     * is indexed with the rows' order serves "the newest rows of this place" as a short index
     * range; otherwise the path prefix test of {@link #where(String)}. Empty with no place.
     */
    public List<Clause> eachPlace(String column, Map<Integer, String> levelColumns) {
        var clauses = new ArrayList<Clause>();
        int i = 0;
        for (RegionPath path : new TreeSet<>(paths)) {
            if (path.isRoot()) {
                clauses.add(new Clause("1 = 1", Map.of()));
            } else if (levelColumns.containsKey(path.depth())) {
                var terms = new ArrayList<String>();
                var params = new LinkedHashMap<String, Object>();
                for (var level : new java.util.TreeMap<>(levelColumns).headMap(path.depth(), true).entrySet()) {
                    String name = "ja" + i + "_" + level.getKey();
                    terms.add(level.getValue() + " = :" + name);
                    params.put(name, path.ancestor(level.getKey()));
                }
                clauses.add(new Clause("(" + String.join(" and ", terms) + ")", params));
            } else {
                clauses.add(new Clause("(" + column + " like :jx" + i + " and (" + column + " = :jp" + i + " or " + column + " like :jl" + i + "))",
                        Map.of("jx" + i, path.value() + "%", "jp" + i, path.value(), "jl" + i, path.value() + "/%")));
            }
            i++;
        }
        return clauses;
    }

    /** A condition on a department column: {@code col in (:jd0, ...)}; {@code 1 = 0} when none. */
    public Clause whereDepartment(String column) {
        if (departments.isEmpty()) {
            return new Clause("1 = 0", Map.of());
        }
        var params = new LinkedHashMap<String, Object>();
        List<String> names = new ArrayList<>();
        int i = 0;
        for (String department : new TreeSet<>(departments)) {
            names.add(":jd" + i);
            params.put("jd" + i, department);
            i++;
        }
        return new Clause(column + " in (" + String.join(", ", names) + ")", params);
    }

    /** A piece of SQL and the values of its named parameters. */
    public record Clause(String sql, Map<String, Object> params) {
        public Clause {
            params = Map.copyOf(params);
        }
    }

    @Override
    public String toString() {
        var text = paths.stream().map(RegionPath::value).sorted().collect(Collectors.joining(","));
        return departments.isEmpty() ? text : text + " dept:" + departments.stream().sorted().collect(Collectors.joining(","));
    }
}
