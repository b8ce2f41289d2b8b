package io.gongzhi.emergency.internal;

import io.gongzhi.emergency.DirectiveAmended;
import io.gongzhi.emergency.DirectiveIssued;
import io.gongzhi.geography.Hierarchy;
import io.gongzhi.geography.Level;
import io.gongzhi.geography.Unit;
import io.gongzhi.identity.Notices;
import io.gongzhi.identity.Recipients;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Tells the people who answer for a directive's units that it has come, and that it was amended:
 * the accounts that acknowledge, bound to the units it reached. Once per event, however often it
 * is delivered.
 */
@Component
class DirectiveNotices {

    static final String PERMISSION = "directive.acknowledge";
    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    private final Notices notices;
    private final Directives directives;
    private final Hierarchy hierarchy;
    private final JdbcClient jdbc;

    DirectiveNotices(Notices notices, Directives directives, Hierarchy hierarchy, JdbcClient jdbc) {
        this.notices = notices;
        this.directives = directives;
        this.hierarchy = hierarchy;
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener(id = "emergency.directive-notices")
    void on(DirectiveIssued event) {
        directives.find(event.directiveId()).ifPresent(d -> notices.notify(event.id().toString(), reached(d), "notice.directive.issued",
                List.of(d.title(), due(d.ackDue())), link(d.id())));
    }

    @ApplicationModuleListener(id = "emergency.amendment-notices")
    void on(DirectiveAmended event) {
        directives.find(event.directiveId()).ifPresent(d -> notices.notify(event.id().toString(), reached(d), "notice.directive.amended",
                List.of(d.title(), event.reason(), due(d.ackDue())), link(d.id())));
    }

    static String due(Instant at) {
        return DUE.format(at);
    }

    static String link(long id) {
        return "/emergency/directives/" + id;
    }

    /**
     * Who answers for the units a directive reached: sent to everything below its places down to
     * the compounds, those bound below those places (one read); otherwise those bound at the units themselves.
     */
    private Recipients reached(Directives.Directive d) {
        if (d.follows() == null && d.downTo() == Level.COMPOUND) {
            var places = d.scope().isEmpty() ? hierarchy.children(d.issuerUnit()).stream().map(Unit::path).toList()
                    : d.scope().stream().map(code -> hierarchy.unit(code).path()).toList();
            return Recipients.at(PERMISSION, places, true);
        }
        return Recipients.at(PERMISSION, jdbc.sql("select path from emergency_recipient where directive_id = ?").param(d.id()).query(String.class).list(),
                false);
    }
}
