package io.gongzhi.emergency.internal;

import io.gongzhi.emergency.DirectiveEscalated;
import io.gongzhi.identity.Accounts;
import io.gongzhi.identity.Messenger;
import io.gongzhi.identity.Notices;
import io.gongzhi.identity.Recipients;
import io.gongzhi.shared.RegionPath;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * Tells the place silent units were raised to how many below it are silent, with a link to that
 * place's progress: the accounts on its duty roster, or where the roster names none, the staff bound
 * to that very place who read the command's progress, and the first on the roster (a duty officer
 * reached by phone only) by SMS. Once per event, however often it is delivered.
 */
@Component
class EscalationNotices {

    private final Notices notices;
    private final DutyRosters rosters;
    private final Accounts accounts;

    EscalationNotices(Notices notices, DutyRosters rosters, Accounts accounts) {
        this.notices = notices;
        this.rosters = rosters;
        this.accounts = accounts;
    }

    @ApplicationModuleListener(id = "emergency.escalation-notices")
    void on(DirectiveEscalated event) {
        String code = event.tier() == 1 ? "notice.directive.silent" : "notice.directive.silent-below";
        var args = List.of(event.title(), String.valueOf(event.silent()));
        String link = "/emergency/directives/" + event.directiveId() + "?unit=" + event.unitCode();
        var onDuty = rosters.usernames(event.unitCode()).stream().map(accounts::find).flatMap(Optional::stream).toList();
        for (var account : onDuty) {
            notices.notify(event.id().toString(), Recipients.account(account.id()), code, args, link);
        }
        if (!onDuty.isEmpty()) {
            return;
        }
        int depth = RegionPath.of(event.path()).depth();
        notices.notify(event.id().toString(), Recipients.levels("emergency.read", event.path(), depth, depth), code, args, link);
        rosters.firstPhone(event.unitCode()).ifPresent(phone -> notices.text(event.id() + ":" + phone.entry(), Messenger.Channel.SMS,
                phone.number(), code, args, link));
    }
}
