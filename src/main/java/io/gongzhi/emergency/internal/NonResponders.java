package io.gongzhi.emergency.internal;

import io.gongzhi.audit.Audit;
import io.gongzhi.audit.Outcome;
import io.gongzhi.geography.Hierarchy;
import io.gongzhi.geography.Level;
import io.gongzhi.shared.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * The units below a place that have not yet acknowledged a directive, each with the places above
 * it by name and the first on its duty roster (the phone masked): the list a command centre works
 * through by phone. Handed out as a whole, so each export is audited.
 */
@Component
public class NonResponders {

    /** A silent unit: its name and level, its district, sub-district, community and grid by name (those it lies in), whom to call. */
    public record Silent(String unit, String name, Level level, List<String> above, DutyRosters.Contact contact) {
    }

    static final int MAX_ROWS = 250_000;

    private final JdbcClient jdbc;
    private final Directives directives;
    private final Hierarchy hierarchy;
    private final DutyRosters rosters;
    private final Audit audit;
    private final DirectiveProgress progress;

    NonResponders(JdbcClient jdbc, Directives directives, Hierarchy hierarchy, DutyRosters rosters, Audit audit, DirectiveProgress progress) {
        this.progress = progress;
        this.jdbc = jdbc;
        this.directives = directives;
        this.hierarchy = hierarchy;
        this.rosters = rosters;
        this.audit = audit;
    }

    /** The silent units below {@code unitCode} (none: the issuer, or the reader's own place), in path order. */
    public List<Silent> below(long id, String unitCode, Actor actor) {
        String path = progress.place(directives.visible(id, actor), unitCode, actor).path();
        var rows = jdbc.sql("select unit_code, path from emergency_recipient where directive_id = :id and path like :prefix"
                        + " and acknowledged_at is null order by path limit " + MAX_ROWS)
                .param("id", id).param("prefix", path + "/%").query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
        var codes = new HashSet<String>();
        for (String[] r : rows) {
            String[] seg = r[1].split("/");
            for (int i = 2; i < seg.length; i++) {
                codes.add(seg[i]);
            }
        }
        Map<String, String> names = hierarchy.displayNames(codes);
        var contacts = rosters.first(rows.stream().map(r -> r[0]).toList());
        var silent = new ArrayList<Silent>();
        for (String[] r : rows) {
            String[] seg = r[1].split("/");
            var above = new ArrayList<String>();
            for (int i = 2; i < seg.length - 1; i++) {
                above.add(names.getOrDefault(seg[i], seg[i]));
            }
            silent.add(new Silent(r[0], names.getOrDefault(r[0], r[0]), Level.values()[seg.length - 2], above, contacts.get(r[0])));
        }
        audit.record(actor, "emergency.export-silent", "directive:" + id, Outcome.SUCCESS, "below=" + path + " rows=" + silent.size());
        return silent;
    }
}
