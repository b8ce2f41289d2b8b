package io.gongzhi.emergency.internal;

import io.gongzhi.emergency.DirectiveEscalated;
import io.gongzhi.identity.Notices;
import io.gongzhi.identity.Recipients;
import io.gongzhi.shared.RegionPath;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Tells the staff of the place silent units were raised to (those who read the command's progress
 * and are bound to that very place) how many below them are silent, with a link to that place's
 * progress; once per event, however often it is delivered.
 */
@Component
class EscalationNotices {

    private final Notices notices;

    EscalationNotices(Notices notices) {
        this.notices = notices;
    }

    @ApplicationModuleListener(id = "emergency.escalation-notices")
    void on(DirectiveEscalated event) {
        int depth = RegionPath.of(event.path()).depth();
        notices.notify(event.id().toString(), Recipients.levels("emergency.read", event.path(), depth, depth),
                event.tier() == 1 ? "notice.directive.silent" : "notice.directive.silent-below", List.of(event.title(), String.valueOf(event.silent())),
                "/emergency/directives/" + event.directiveId() + "?unit=" + event.unitCode());
    }
}
