package io.gongzhi.emergency.web;

import io.gongzhi.emergency.internal.DirectiveProgress;
import io.gongzhi.platform.HomePanel;
import io.gongzhi.shared.Actor;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The command inbox on the home: directives still to acknowledge for one's units, first among what
 * waits; the newest of them is the home's first button, before anything else one starts there.
 */
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
        // directives, not units: a grid worker answers for a grid's compounds with one tap
        long toAcknowledge = progress.inbox(actor, 50).stream().filter(i -> i.counts().acknowledged() < i.counts().total()).count();
        return List.of(new Waiting(messages.getMessage("home.wait.directives", null, LocaleContextHolder.getLocale()), toAcknowledge,
                "/emergency/directives", 1));
    }

    @Override
    public List<Start> startsFor(Actor actor) {
        if (!actor.may("directive.acknowledge")) {
            return List.of();
        }
        return progress.inbox(actor, 50).stream().filter(i -> i.counts().acknowledged() < i.counts().total()).findFirst()
                .map(i -> List.of(new Start(messages.getMessage("home.start.directive", new Object[] {i.directive().title()},
                        LocaleContextHolder.getLocale()), "/emergency/directives/" + i.directive().id(), 0)))
                .orElse(List.of());
    }
}
