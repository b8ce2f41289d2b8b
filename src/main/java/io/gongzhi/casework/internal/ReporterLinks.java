package io.gongzhi.casework.internal;

import io.gongzhi.casework.Case;
import io.gongzhi.casework.CaseFacts;

import io.gongzhi.identity.Messenger;
import io.gongzhi.identity.Notices;
import io.gongzhi.platform.Sealing;
import io.gongzhi.shared.Actor;
import io.gongzhi.shared.BeforeCommit;
import io.gongzhi.shared.Digests;
import io.gongzhi.shared.Jurisdiction;
import io.gongzhi.shared.Phone;
import io.gongzhi.shared.Violation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The reporter without an account (回访): someone who raised a problem through their grid worker
 * or the hotline leaves a mobile number (sealed at rest); when the case is closed an SMS brings
 * them a link that lets them, and only for that case, do what a reporter does: rate the result or
 * reopen it. The link works for {@code gongzhi.casework.reporter-link-days} (30) after closing;
 * only its SHA-256 is kept, and closing again sends a new one.
 */
@Component
public class ReporterLinks {

    private static final String HOLDS = "case.reporter-link:";

    private final JdbcClient jdbc;
    private final CaseWrites writes;
    private final Sealing sealing;
    private final Notices notices;
    private final Clock clock;
    private final Duration valid;

    ReporterLinks(JdbcClient jdbc, CaseWrites writes, Sealing sealing, Notices notices, Clock clock,
                  @Value("${gongzhi.casework.reporter-link-days:30}") int days) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.sealing = sealing;
        this.notices = notices;
        this.clock = clock;
        this.valid = Duration.ofDays(days);
    }

    /** The mobile number given with a report, without spaces or dashes; null when none was given. */
    public static String mobile(String raw, List<Violation> problems) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        var phone = Phone.parse(raw).filter(Phone::mobile);
        if (phone.isEmpty()) {
            problems.add(Violation.of("contactPhone", "casework.contact-phone-invalid"));
        }
        return phone.map(Phone::value).orElse(null);
    }

    public void keepContact(long caseId, String phone) {
        if (phone != null) {
            writes.keepContact(caseId, sealing.seal(phone, context(caseId)));
        }
    }

    /** The number left for the case, masked (staff call back through the hotline, not from the screen). */
    public Optional<String> maskedContact(long caseId) {
        return contact(caseId).map(p -> new Phone(p).masked());
    }

    private Optional<String> contact(long caseId) {
        return jdbc.sql("select contact_phone from casework_case where id = :id and contact_phone is not null").param("id", caseId)
                .query(String.class).optional().map(sealed -> sealing.open(sealed, context(caseId)));
    }

    /**
     * At closing: a new link for the person who left a number, sent by SMS after the commit. In a
     * transaction the numbers of all the cases it closes are read together just before it commits.
     */
    public void sendOnClosing(Case closed) {
        BeforeCommit.add(CLOSING, closed, this::sendLinks);
    }

    private static final String CLOSING = "casework.closing-links";

    private void sendLinks(List<Case> closed) {
        var sealed = new HashMap<Long, String>();
        jdbc.sql("select id, contact_phone from casework_case where id in (:ids) and contact_phone is not null")
                .param("ids", closed.stream().map(Case::id).distinct().toList())
                .query(rs -> {
                    sealed.put(rs.getLong(1), rs.getString(2));
                });
        for (Case c : closed) {
            if (!sealed.containsKey(c.id())) {
                continue;
            }
            String phone = sealing.open(sealed.get(c.id()), context(c.id()));
            String token = Digests.newToken();
            writes.keepReporterLink(c.id(), Digests.sha256Hex(token), clock.instant().plus(valid));
            notices.text(Messenger.Channel.SMS, phone, "notice.case.reporter-link", List.of(String.valueOf(c.id()), CaseFacts.about(c.description())),
                    "/r/" + token);
        }
    }

    /** The case a link is for, while it is valid. */
    public Optional<Long> caseOf(String token) {
        if (token == null || token.length() != 43) {
            return Optional.empty();
        }
        return jdbc.sql("select id from casework_case where reporter_link = :h and reporter_link_until > :now")
                .param("h", Digests.sha256Hex(token)).param("now", Timestamp.from(clock.instant())).query(Long.class).optional();
    }

    /** Whoever holds the link of {@code caseId}: the case's reporter for that case and nothing else. */
    public static Actor holder(long caseId) {
        return new Actor(null, "sms-link", Set.of(), Set.of(HOLDS + caseId), Jurisdiction.NONE);
    }

    static boolean holds(Actor actor, long caseId) {
        return actor.permissions().contains(HOLDS + caseId);
    }

    /** The case a link holder may see, if the actor is one. */
    public static Optional<Long> heldCase(Actor actor) {
        return actor.permissions().stream().filter(p -> p.startsWith(HOLDS)).findFirst().map(p -> Long.parseLong(p.substring(HOLDS.length())));
    }

    private static String context(long caseId) {
        return "casework.contact:" + caseId;
    }
}
