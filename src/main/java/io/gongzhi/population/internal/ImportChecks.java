package io.gongzhi.population.internal;

import io.gongzhi.shared.Actor;
import io.gongzhi.shared.Violation;
import io.gongzhi.population.internal.ImportRows.Entry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** An import's rows checked before anything is written: each row's own checks, its place, and its person not twice (in the file or the registry). */
@Component
class ImportChecks {

    private final Registry registry;
    private final Households households;
    private final CareGroups careGroups;
    private final JdbcClient jdbc;

    ImportChecks(Registry registry, Households households, CareGroups careGroups, JdbcClient jdbc) {
        this.registry = registry;
        this.households = households;
        this.careGroups = careGroups;
        this.jdbc = jdbc;
    }

    /** Every problem of the rows from {@code from} on: the form's own checks, the place, duplicates in the file and in the registry. */
    List<Violation> check(List<List<String>> table, List<Entry> entries, int from, Actor actor) {
        var names = careGroups.names();
        LocalDate today = registry.today();
        Map<String, String> headers = ImportRows.headers(table);
        var problems = new ArrayList<Violation>();
        var seen = new HashMap<String, Integer>();
        var lookups = new LinkedHashMap<String, Entry>();
        var places = new HashMap<String, Boolean>();
        for (Entry e : entries.subList(Math.min(from, entries.size()), entries.size())) {
            var rowProblems = ownProblems(e, today, names, places, actor);
            if (rowProblems.stream().noneMatch(v -> "idNumber".equals(v.where()) || "idKind".equals(v.where()))) {
                String number = e.form().kind().orElseThrow().name() + ":" + e.form().idNumber();
                Integer first = seen.putIfAbsent(number, e.line());
                if (first != null) {
                    rowProblems.add(Violation.of("idNumber", "person.import.duplicate-in-file", first));
                } else {
                    lookups.put(households.lookupOf(e.form()), e);
                }
            }
            for (Violation v : rowProblems) {
                problems.add(new Violation(e.line(), headers.getOrDefault(v.where(), v.where()), v.code(), v.args()));
            }
        }
        for (Entry e : alreadyRegistered(lookups)) {
            problems.add(new Violation(e.line(), headers.getOrDefault("idNumber", "idNumber"), "person.id-registered", List.of()));
        }
        problems.sort(java.util.Comparator.comparing(Violation::line));
        return problems;
    }

    /** The row's address and form checks, and whether its compound is one the importer may register in. */
    private List<Violation> ownProblems(Entry e, LocalDate today, Map<String, String> careGroupNames, Map<String, Boolean> places, Actor actor) {
        var rowProblems = new ArrayList<Violation>(e.address().problems());
        if (e.form().idNumber().startsWith(Sheets.LOST_DIGITS)) {
            rowProblems.add(Violation.of("idNumber", "person.import.id-as-number"));
        } else {
            rowProblems.addAll(e.form().problems(today, careGroupNames));
        }
        if (!e.address().compoundCode().isEmpty() && !places.computeIfAbsent(e.address().compoundCode(),
                c -> households.compoundIn(c, actor.jurisdiction(), new ArrayList<>()) != null)) {
            rowProblems.add(Violation.of("compound", "person.compound-unknown", e.address().compoundCode()));
        }
        return rowProblems;
    }

    /** The rows whose person the registry has already (by the ID's lookup hash), 500 to a query. */
    private List<Entry> alreadyRegistered(Map<String, Entry> lookups) {
        var keys = new ArrayList<>(lookups.keySet());
        Set<String> registered = new HashSet<>();
        for (int i = 0; i < keys.size(); i += 500) {
            registered.addAll(jdbc.sql("select id_lookup from population_resident where id_lookup in (:l)")
                    .param("l", keys.subList(i, Math.min(keys.size(), i + 500))).query(String.class).list());
        }
        return registered.stream().map(lookups::get).toList();
    }
}
