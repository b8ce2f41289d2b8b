package io.gongzhi.identity.internal;

import java.time.Instant;
import java.util.List;

/** A notice to one account: a message code with its arguments (shown in the reader's language), where it leads, and whether it was read. */
public record Notice(long id, String code, List<String> args, String link, Instant createdAt, Instant readAt) {

    public boolean unread() {
        return readAt == null;
    }
}
