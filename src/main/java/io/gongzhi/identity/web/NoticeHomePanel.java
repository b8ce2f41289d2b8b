package io.gongzhi.identity.web;

import io.gongzhi.identity.Notices;
import io.gongzhi.platform.HomePanel;
import io.gongzhi.shared.Actor;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.util.List;

/** The unread notices on the home page, leading to the list of notices. */
@Component
class NoticeHomePanel implements HomePanel {

    private final Notices notices;
    private final MessageSource messages;

    NoticeHomePanel(Notices notices, MessageSource messages) {
        this.notices = notices;
        this.messages = messages;
    }

    @Override
    public List<Waiting> waitingFor(Actor actor) {
        if (actor.accountId() == null) {
            return List.of();
        }
        int unread = notices.unread(actor.accountId());
        return unread == 0 ? List.of() : List.of(new Waiting(messages.getMessage("home.wait.notices", null, LocaleContextHolder.getLocale()),
                unread, "/notices", 90));
    }
}
