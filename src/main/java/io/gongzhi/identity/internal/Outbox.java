package io.gongzhi.identity.internal;

import io.gongzhi.identity.Messenger;
import io.gongzhi.platform.Sealing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import jakarta.annotation.PreDestroy;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What leaves by SMS or e-mail: queued in the transaction that raised it (so it goes exactly when
 * that commits, and survives a crash), sent by the {@link Messenger} after the commit, tried again
 * with a pause that doubles each time ({@code gongzhi.notices.retry-pause}, 30 s, at most an hour)
 * and set aside as undelivered after {@code gongzhi.notices.attempts} (8) tries, for an
 * administrator to see and send again. A message is queued once per {@code source} (the event and
 * the recipient), however often it is raised. Several nodes may send at once: each message is
 * claimed for {@code gongzhi.notices.claim} (2 minutes) before it is sent, and a node that went
 * down holding it leaves it to the others after that.
 */
@Component
public class Outbox {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);
    private static final int BATCH = 200;

    /** A message to queue: {@code code} and {@code subject} say what it is about in the administrator's list. */
    public record Message(String source, Messenger.Channel channel, String address, String text, String code, String subject) {
    }

    /** A message that has not gone out yet after at least one try, or was given up on. */
    public record Undelivered(long id, Messenger.Channel channel, String maskedAddress, String code, String subject, boolean givenUp,
                              int attempts, String lastError, Instant createdAt, Instant nextAt) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final Sealing sealing;
    private final Messenger messenger;
    private final Clock clock;
    private final Duration pause;
    private final int attempts;
    /** How long a claimed message is left to its sender before another may try it (a gateway answers within seconds). */
    private final Duration claim;
    private final AtomicBoolean woken = new AtomicBoolean();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "notice-outbox");
        t.setDaemon(true);
        return t;
    });

    Outbox(JdbcClient jdbc, JdbcTemplate batches, Sealing sealing, ObjectProvider<Messenger> messengers, Clock clock,
           @Value("${gongzhi.notices.retry-pause:PT30S}") Duration pause, @Value("${gongzhi.notices.attempts:8}") int attempts,
           @Value("${gongzhi.notices.claim:PT2M}") Duration claim) {
        this.claim = claim;
        this.jdbc = jdbc;
        this.batches = batches;
        this.sealing = sealing;
        this.messenger = messengers.getIfUnique(LoggingMessenger::new);
        this.clock = clock;
        this.pause = pause;
        this.attempts = Math.max(1, attempts);
    }

    @PreDestroy
    void stop() {
        sender.shutdownNow();
    }

    /**
     * Queues the messages in the running transaction (callers gather theirs into one call: notices
     * are raised just before a commit, when nothing new can wait for it) and sends them once it
     * has committed; outside a transaction, at once.
     */
    public void add(List<Message> messages) {
        if (messages.isEmpty()) {
            return;
        }
        insert(messages);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wake();
                }
            });
        } else {
            wake();
        }
    }

    private void insert(List<Message> messages) {
        Timestamp now = Timestamp.from(clock.instant());
        var rows = new ArrayList<Object[]>();
        for (Message m : messages) {
            rows.add(new Object[] {m.source(), m.channel().name(), sealing.seal(m.address(), context(m.source())),
                    sealing.seal(m.text(), context(m.source())), m.code(), m.subject(), now, now, m.source()});
        }
        // a message raised again (its event delivered twice) is already here: kept once
        batches.batchUpdate("insert into identity_outbox (source, channel, address, body, code, subject, state, attempts, next_at, created_at) "
                + "select ?, ?, ?, ?, ?, ?, 'WAITING', 0, ?, ? where not exists (select 1 from identity_outbox where source = ?)", rows);
    }

    private static String context(String source) {
        return "identity.outbox:" + source;
    }

    /** Sends what is due on the sender's thread, soon; several wake-ups before it runs are one run. */
    private void wake() {
        if (woken.compareAndSet(false, true)) {
            try {
                sender.execute(() -> {
                    woken.set(false);
                    try {
                        sendDue();
                    } catch (RuntimeException failed) {
                        // the database went away (or the node is stopping): what is queued waits for the next check
                        if (!sender.isShutdown()) {
                            log.warn("Queued notices could not be sent now, they wait for the next check: {}", failed.toString());
                        }
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                woken.set(false);
            }
        }
    }

    @Scheduled(fixedDelayString = "${gongzhi.notices.outbox-check:PT10S}", initialDelayString = "${gongzhi.notices.outbox-check:PT10S}")
    void sendOnSchedule() {
        wake();
    }

    /** A message due for sending, as read ({@code seen}: when it was due, to claim it by). */
    private record Due(long id, String source, Messenger.Channel channel, String address, String body, int attempts, Timestamp seen) {
    }

    /** Sends every message that is due, oldest first; answers how many went out. */
    public synchronized int sendDue() {
        int sent = 0;
        List<Due> due;
        do {
            Instant now = clock.instant();
            due = jdbc.sql("select id, source, channel, address, body, attempts, next_at from identity_outbox "
                            + "where state = 'WAITING' and next_at <= :now order by next_at, id limit " + BATCH)
                    .param("now", Timestamp.from(now))
                    .query((rs, n) -> new Due(rs.getLong(1), rs.getString(2), Messenger.Channel.valueOf(rs.getString(3)), rs.getString(4),
                            rs.getString(5), rs.getInt(6), rs.getTimestamp(7)))
                    .list();
            for (Due d : due) {
                if (claim(d.id(), d.seen(), now) && send(d)) {
                    sent++;
                }
            }
        } while (due.size() == BATCH);
        return sent;
    }

    /** Takes the message for this sender for a while; false when another took it first. */
    private boolean claim(long id, Timestamp seen, Instant now) {
        return jdbc.sql("update identity_outbox set next_at = :until where id = :id and state = 'WAITING' and next_at = :seen")
                .param("until", Timestamp.from(now.plus(claim))).param("id", id).param("seen", seen).update() == 1;
    }

    private boolean send(Due d) {
        try {
            messenger.send(d.channel(), sealing.open(d.address(), context(d.source())), sealing.open(d.body(), context(d.source())));
        } catch (RuntimeException failed) {
            int tried = d.attempts() + 1;
            boolean givenUp = tried >= attempts;
            // a gateway's error may quote the message, and with it a link that acts for someone
            String error = LoggingMessenger.withoutSecrets(failed.getMessage() == null ? failed.getClass().getSimpleName() : failed.getMessage());
            log.warn("A notice could not be sent by {} (try {} of {}{}): {}", d.channel(), tried, attempts, givenUp ? ", given up" : "", error);
            jdbc.sql("update identity_outbox set attempts = :a, state = :s, next_at = :next, last_error = :e where id = :id")
                    .param("a", tried).param("s", givenUp ? "DEAD" : "WAITING").param("next", Timestamp.from(clock.instant().plus(pauseAfter(tried))))
                    .param("e", error.length() > 300 ? error.substring(0, 300) : error).param("id", d.id()).update();
            return false;
        }
        jdbc.sql("update identity_outbox set attempts = attempts + 1, state = 'SENT', sent_at = :now where id = :id")
                .param("now", Timestamp.from(clock.instant())).param("id", d.id()).update();
        return true;
    }

    /** The pause after the {@code tried}-th failed try: the configured pause, doubled each time, at most an hour. */
    Duration pauseAfter(int tried) {
        Duration next = pause.multipliedBy(1L << Math.min(tried - 1, 20));
        return next.compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : next;
    }

    /** The messages given up on and those still being tried after a failure, newest first. */
    public List<Undelivered> undelivered(int limit) {
        return jdbc.sql("select id, channel, address, source, code, subject, state, attempts, last_error, created_at, next_at from identity_outbox "
                        + "where state = 'DEAD' or (state = 'WAITING' and attempts > 0) order by id desc limit :n")
                .param("n", Math.max(1, Math.min(limit, 500)))
                .query((rs, n) -> {
                    var channel = Messenger.Channel.valueOf(rs.getString(2));
                    String address = sealing.open(rs.getString(3), context(rs.getString(4)));
                    return new Undelivered(rs.getLong(1), channel, LoggingMessenger.mask(channel, address), rs.getString(5), rs.getString(6),
                            "DEAD".equals(rs.getString(7)), rs.getInt(8), rs.getString(9), rs.getTimestamp(10).toInstant(),
                            rs.getTimestamp(11).toInstant());
                }).list();
    }

    /** How many messages were given up on. */
    public int givenUp() {
        return jdbc.sql("select count(*) from identity_outbox where state = 'DEAD'").query(Integer.class).single();
    }

    /** Tries a message given up on again, at once and with all its tries; false when it is not one given up on. */
    public boolean resend(long id) {
        int updated = jdbc.sql("update identity_outbox set state = 'WAITING', attempts = 0, next_at = :now where id = :id and state = 'DEAD'")
                .param("now", Timestamp.from(clock.instant())).param("id", id).update();
        if (updated == 1) {
            wake();
        }
        return updated == 1;
    }
}
