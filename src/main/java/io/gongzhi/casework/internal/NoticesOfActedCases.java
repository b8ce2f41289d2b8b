package io.gongzhi.casework.internal;

import io.gongzhi.casework.Case;
import io.gongzhi.identity.Notices;
import io.gongzhi.shared.Actor;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.List;

/**
 * A person who takes a step on a case has seen what its notices told them: their notices that
 * lead to the case are marked read. Done where people act (the pages and the API), not on the
 * step's own path, so the case writers never wait for it.
 */
@Component
public class NoticesOfActedCases {

    private final Notices notices;

    NoticesOfActedCases(Notices notices) {
        this.notices = notices;
    }

    public Case read(Actor actor, Case after) {
        read(actor, List.of(after.id()));
        return after;
    }

    public void read(Actor actor, Collection<Long> caseIds) {
        read(actor.accountId(), caseIds);
    }

    /** As {@link #read(Actor, Collection)}, for an account. */
    public void read(Long accountId, Collection<Long> caseIds) {
        if (accountId == null || caseIds.isEmpty()) {
            return;
        }
        notices.readAbout(accountId, caseIds.stream()
                .flatMap(id -> java.util.stream.Stream.of("/cases/" + id, "/my/cases/" + id)).toList());
    }
}
