package io.gongzhi.identity;

import io.gongzhi.identity.internal.Addressees;
import io.gongzhi.identity.internal.Addressees.Addressee;
import io.gongzhi.identity.internal.Notice;

import io.gongzhi.identity.internal.Outbox;
import io.gongzhi.platform.PublicUrl;
import io.gongzhi.platform.Sealing;
import io.gongzhi.shared.BeforeCommit;
import io.gongzhi.shared.InvalidInput;
import io.gongzhi.shared.Phone;
import io.gongzhi.shared.Violation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Notices to accounts (通知): kept in the app for the reader (in their language, unread until
 * opened) and, where the account asked for it, sent by SMS or e-mail through the {@link Outbox}
 * once the transaction that raised them has committed. Who gets a notice is said as
 * {@link Recipients}: one account, or the staff holding a permission whose places cover a path
 * (and, for department staff, who work for one of the departments). A notice is raised for a
 * {@code source} (the event it tells of): raised again for the same source, nobody hears twice.
 */
@Service
public class Notices {

    private static final String SEPARATOR = "\u001F";
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /** How an account wants notices beyond the app; the mobile number only ever leaves masked. */
    public record Delivery(String maskedPhone, String email, boolean sms, boolean byEmail) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final Sealing sealing;
    private final MessageSource messages;
    private final Outbox outbox;
    private final Clock clock;
    private final PublicUrl publicUrl;
    private final int keepDays;
    private final Addressees addressees;
    private final ApplicationEventPublisher events;

    Notices(JdbcClient jdbc, JdbcTemplate batches, Sealing sealing, MessageSource messages, Outbox outbox, Clock clock,
            PublicUrl publicUrl, @Value("${gongzhi.notices.keep-days:90}") int keepDays, Addressees addressees,
            ApplicationEventPublisher events) {
        this.keepDays = keepDays;
        this.addressees = addressees;
        this.events = events;
        this.jdbc = jdbc;
        this.batches = batches;
        this.sealing = sealing;
        this.messages = messages;
        this.outbox = outbox;
        this.clock = clock;
        this.publicUrl = publicUrl;
    }

    /**
     * Raises a notice for every account {@code who} names, once per {@code source}. In a
     * transaction the notice is raised just before it commits, with the transaction's other
     * notices, their rows in one batch; outside one, at once. The SMS and e-mails are queued with
     * it and go out after the commit.
     */
    public void notify(String source, Recipients who, String code, List<String> args, String link) {
        BeforeCommit.add(WAITING, new Raised(source, who, code, args, link, Timestamp.from(clock.instant())), this::raise);
    }

    /** A notice to raise: for what, to whom, what, and when it was asked for. */
    private record Raised(String source, Recipients who, String code, List<String> args, String link, Timestamp at) {
    }

    private static final String WAITING = "identity.notices";

    private void raise(List<Raised> notices) {
        var rows = new ArrayList<Object[]>();
        var sends = new ArrayList<Outbox.Message>();
        // a batch's notices often go to the same people (steps on cases of one place and department): one read each
        var read = new java.util.HashMap<Recipients, List<Addressee>>();
        for (Raised n : notices) {
            String joined = n.args().stream().map(a -> a == null ? "" : a.replace(SEPARATOR, " ")).collect(Collectors.joining(SEPARATOR));
            Long except = n.who().except();
            List<Addressee> to = read.computeIfAbsent(n.who().except(null), addressees::of).stream()
                    .filter(r -> !Long.valueOf(r.id()).equals(except)).toList();
            to.forEach(r -> rows.add(new Object[] {r.id(), n.code(), joined, n.link(), n.at(), n.source(), r.id(), n.source()}));
            sends.addAll(outgoing(n, to));
        }
        if (!rows.isEmpty()) {
            // raised again for the same source (its event delivered twice): the account has it already
            batches.batchUpdate("insert into identity_notice (account_id, code, args, link, created_at, source) select ?, ?, ?, ?, ?, ? "
                    + "where not exists (select 1 from identity_notice where account_id = ? and source = ?)", rows);
        }
        outbox.add(sends);
    }

    /**
     * Sends a message to someone without an account (a resident who raised a problem by phone) by
     * SMS or e-mail, queued with the caller's transaction and sent once it commits; nothing is kept
     * in the app.
     */
    public void text(Messenger.Channel channel, String address, String code, List<String> args, String link) {
        text("text:" + java.util.UUID.randomUUID(), channel, address, code, args, link);
    }

    /** As {@link #text(Messenger.Channel, String, String, List, String)}, sent once for {@code source} however often it is asked. */
    public void text(String source, Messenger.Channel channel, String address, String code, List<String> args, String link) {
        outbox.add(List.of(new Outbox.Message(source, channel, address, render(code, args, link), code, args.isEmpty() ? "" : args.get(0))));
    }

    /** A notice as sent beyond the app: in Chinese (the platform's language), signed, with the full link. */
    private String render(String code, List<String> args, String link) {
        return messages.getMessage("notice.signature", null, Locale.SIMPLIFIED_CHINESE)
                + messages.getMessage(code, args.toArray(), Locale.SIMPLIFIED_CHINESE) + (link.isEmpty() ? "" : " " + publicUrl.of(link));
    }

    /** The SMS and e-mails the recipients of {@code n} asked for, each keyed by the notice's source, the account and the channel. */
    private List<Outbox.Message> outgoing(Raised n, List<Addressee> to) {
        var wanting = to.stream().filter(r -> r.by() != null && !r.by().isEmpty()).toList();
        if (wanting.isEmpty()) {
            return List.of();
        }
        String text = render(n.code(), n.args(), n.link());
        String subject = n.args().isEmpty() || n.args().get(0) == null ? "" : n.args().get(0);
        var sends = new ArrayList<Outbox.Message>();
        for (Addressee w : wanting) {
            var by = Arrays.asList(w.by().split(","));
            String source = n.source() + ":" + w.id() + ":";
            if (by.contains("SMS") && w.sealedPhone() != null) {
                String phone = sealing.open(w.sealedPhone(), "identity.notify-phone:" + w.id());
                sends.add(new Outbox.Message(source + "SMS", Messenger.Channel.SMS, phone, text, n.code(), subject));
            }
            if (by.contains("EMAIL") && w.email() != null) {
                sends.add(new Outbox.Message(source + "EMAIL", Messenger.Channel.EMAIL, w.email(), text, n.code(), subject));
            }
        }
        return sends;
    }

    /** The account's notices, newest first. */
    public List<Notice> of(long accountId, boolean unreadOnly, int limit) {
        return of(accountId, unreadOnly, limit, null);
    }

    /** The account's notices older than the notice {@code before} (the next page), newest first. */
    public List<Notice> of(long accountId, boolean unreadOnly, int limit, Long before) {
        return jdbc.sql("select id, code, args, link, created_at, read_at from identity_notice where account_id = :a"
                        + (unreadOnly ? " and read_at is null" : "") + (before == null ? "" : " and id < :before")
                        + " order by id desc limit :n")
                .param("a", accountId).param("n", Math.max(1, Math.min(limit, 200))).param("before", before == null ? 0L : before)
                .query((rs, n) -> new Notice(rs.getLong(1), rs.getString(2),
                        rs.getString(3).isEmpty() ? List.of() : List.of(rs.getString(3).split(SEPARATOR, -1)), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant()))
                .list();
    }

    public int unread(long accountId) {
        return jdbc.sql("select count(*) from identity_notice where account_id = :a and read_at is null").param("a", accountId)
                .query(Integer.class).single();
    }

    /** Marks one of the account's notices read and answers where it leads; empty when it is not theirs. */
    public java.util.Optional<String> open(long accountId, long id) {
        jdbc.sql("update identity_notice set read_at = :now where id = :id and account_id = :a and read_at is null")
                .param("now", Timestamp.from(clock.instant())).param("id", id).param("a", accountId).update();
        return jdbc.sql("select link from identity_notice where id = :id and account_id = :a").param("id", id).param("a", accountId)
                .query(String.class).optional();
    }

    /**
     * Forgets notices older than {@code gongzhi.notices.keep-days} (90): they told of steps long
     * taken, and the case timelines keep the record. A city raises hundreds of thousands a day.
     */
    @Scheduled(cron = "${gongzhi.notices.cleanup:0 30 3 * * *}", zone = "Asia/Shanghai")
    public int forgetOld() {
        return jdbc.sql("delete from identity_notice where created_at < :before")
                .param("before", Timestamp.from(clock.instant().minus(Duration.ofDays(keepDays)))).update();
    }

    /** Marks read the account's notices that lead to one of {@code links}: what they asked for is being done. */
    public int readAbout(long accountId, List<String> links) {
        return jdbc.sql("update identity_notice set read_at = :now where account_id = :a and read_at is null and link in (:links)")
                .param("now", Timestamp.from(clock.instant())).param("a", accountId).param("links", links).update();
    }

    public int readAll(long accountId) {
        return jdbc.sql("update identity_notice set read_at = :now where account_id = :a and read_at is null")
                .param("now", Timestamp.from(clock.instant())).param("a", accountId).update();
    }

    public Delivery delivery(long accountId) {
        return jdbc.sql("select notify_phone, notify_email, notify_by from identity_account where id = :a").param("a", accountId)
                .query((rs, n) -> {
                    String phone = rs.getString(1) == null ? null : sealing.open(rs.getString(1), "identity.notify-phone:" + accountId);
                    var by = Arrays.asList(rs.getString(3).split(","));
                    return new Delivery(phone == null ? "" : new Phone(phone).masked(),
                            rs.getString(2) == null ? "" : rs.getString(2), by.contains("SMS"), by.contains("EMAIL"));
                }).single();
    }

    /**
     * Sets how the account wants notices beyond the app. A blank {@code phone} keeps the number
     * given before; a blank {@code email} removes the address.
     */
    public Delivery setDelivery(long accountId, String phone, String email, boolean sms, boolean byEmail) {
        boolean phoneGiven = phone != null && !phone.isBlank();
        String newPhone = phoneGiven ? Phone.parse(phone).filter(Phone::mobile).map(Phone::value).orElse("") : "";
        String newEmail = email == null ? "" : email.strip();
        var problems = new ArrayList<Violation>();
        if (phoneGiven && newPhone.isEmpty()) {
            problems.add(Violation.of("phone", "notice.phone-invalid"));
        }
        if (!newEmail.isEmpty() && (newEmail.length() > 200 || !EMAIL.matcher(newEmail).matches())) {
            problems.add(Violation.of("email", "notice.email-invalid"));
        }
        boolean hadPhone = !delivery(accountId).maskedPhone().isEmpty();
        if (sms && !phoneGiven && !hadPhone) {
            problems.add(Violation.of("phone", "notice.sms-needs-phone"));
        }
        if (byEmail && newEmail.isEmpty()) {
            problems.add(Violation.of("email", "notice.email-needs-address"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        var by = new ArrayList<String>();
        if (sms) {
            by.add("SMS");
        }
        if (byEmail) {
            by.add("EMAIL");
        }
        if (!newPhone.isEmpty()) {
            jdbc.sql("update identity_account set notify_phone = :p where id = :a")
                    .param("p", sealing.seal(newPhone, "identity.notify-phone:" + accountId)).param("a", accountId).update();
        }
        jdbc.sql("update identity_account set notify_email = :e, notify_by = :by where id = :a")
                .param("e", newEmail.isEmpty() ? null : newEmail).param("by", String.join(",", by)).param("a", accountId).update();
        events.publishEvent(new AccountChanged(accountId));
        return delivery(accountId);
    }
}
