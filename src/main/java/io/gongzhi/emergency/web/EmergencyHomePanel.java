package io.gongzhi.emergency.web;

import io.gongzhi.emergency.internal.DirectiveProgress;
import io.gongzhi.platform.HomePanel;
import io.gongzhi.shared.Actor;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.util.List;

/** The command inbox on the home: directives still to acknowledge or report for one's units, first among what waits. */
@Component
class EmergencyHomePanel implements HomePanel {

    private final DirectiveProgress progress;
    private final MessageSource messages;

    EmergencyHomePanel(DirectiveProgress progress, MessageSource messages) {
        this.progress = progress;
        this.messages = messages;
    }

    @Override
    public List<Waiting> waitingFor(Actor actor) {
        if (!actor.may("directive.acknowledge")) {
            return List.of();
        }
        long toAcknowledge = 0;
        for (var item : progress.inbox(actor, 50)) {
            toAcknowledge += item.counts().total() - item.counts().acknowledged();
        }
        return List.of(new Waiting(messages.getMessage("home.wait.directives", null, LocaleContextHolder.getLocale()), toAcknowledge,
                "/emergency/directives", 1));
    }
}
