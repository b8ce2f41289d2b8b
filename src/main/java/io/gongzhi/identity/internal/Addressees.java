package io.gongzhi.identity.internal;

import io.gongzhi.identity.AccountChanged;
import io.gongzhi.identity.Recipients;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The accounts a {@link Recipients} names (its {@code except} left to the caller), with how each
 * wants to hear of notices, read in one query and kept for a few seconds
 * ({@code gongzhi.notices.recipients-keep}, 5 s): a busy minute's notices go to the same
 * departments and dispatchers again and again. What is kept is forgotten on this node as soon as
 * an account's change commits ({@link AccountChanged}); on other nodes, and for a place moved in
 * the hierarchy, within those seconds.
 */
@Component
public class Addressees {

    private static final int MAX_KEPT = 10_000;

    /** An account a notice goes to, and how it asked to hear of notices beyond the app (sealed mobile number, e-mail, channels). */
    public record Addressee(long id, String sealedPhone, String email, String by) {
    }

    /** What was read, when, and how many changes had been seen before the read began. */
    private record Kept(List<Addressee> addressees, long at, long changes) {
    }

    private final JdbcClient jdbc;
    private final long keepNanos;
    private final ConcurrentHashMap<Recipients, Kept> kept = new ConcurrentHashMap<>();
    /** Counts the changes seen: a read that began before one is not kept (it may hold what the change undid). */
    private final AtomicLong changes = new AtomicLong();

    Addressees(JdbcClient jdbc, @Value("${gongzhi.notices.recipients-keep:PT5S}") Duration keep) {
        this.jdbc = jdbc;
        this.keepNanos = keep.toNanos();
    }

    /** Who {@code who} names, ordered by account id; {@code who.except()} is not applied. */
    public List<Addressee> of(Recipients who) {
        Recipients key = who.except(null);
        long now = System.nanoTime();
        long seen = changes.get();
        Kept hit = kept.get(key);
        // an answer read before a change is never served after it, even if it was kept just after the change cleared the rest
        if (hit != null && now - hit.at() < keepNanos && hit.changes() == seen) {
            return hit.addressees();
        }
        List<Addressee> read = read(key);
        if (keepNanos > 0 && changes.get() == seen) {
            if (kept.size() >= MAX_KEPT) {
                kept.clear();
            }
            kept.put(key, new Kept(read, now, seen));
        }
        return read;
    }

    /**
     * Roles, places, departments, enabled or how the account hears of notices changed: whoever they
     * name is read again. Counted at once (a read already running is not kept) and again after the
     * change's commit (a read between the two saw the change uncommitted, that is, not at all). An
     * in-process listener, not a reaction: nothing to keep in the event publication registry.
     */
    @EventListener
    void forget(AccountChanged changed) {
        forget();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    forget();
                }
            });
        }
    }

    private void forget() {
        changes.incrementAndGet();
        kept.clear();
    }

    private List<Addressee> read(Recipients who) {
        String columns = "a.id, a.notify_phone, a.notify_email, a.notify_by";
        RowMapper<Addressee> addressee = (rs, n) -> new Addressee(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4));
        if (who.account() != null) {
            return jdbc.sql("select " + columns + " from identity_account a where a.id = :id and a.enabled = true").param("id", who.account())
                    .query(addressee).list();
        }
        var roles = Permission.byAuthority(who.permission()).map(p -> p.roles().stream().map(Enum::name).toList()).orElse(List.of());
        var places = ancestors(who.path(), who.fromDepth(), who.toDepth());
        if (roles.isEmpty() || places.isEmpty()) {
            return List.of();
        }
        var sql = new StringBuilder("select distinct " + columns + " from identity_account_unit u "
                + "join identity_account a on a.id = u.account_id and a.enabled = true "
                + "join identity_account_role r on r.account_id = u.account_id and r.role in (:roles) where u.path in (:places)");
        if (!who.departments().isEmpty()) {
            sql.append(" and exists (select 1 from identity_account_department d where d.account_id = a.id and d.department in (:departments))");
        }
        var spec = jdbc.sql(sql.toString()).param("roles", roles).param("places", places);
        if (!who.departments().isEmpty()) {
            spec = spec.param("departments", who.departments());
        }
        return spec.query(addressee).list().stream().sorted(Comparator.comparingLong(Addressee::id)).toList();
    }

    /** The path and every place above it ("/" at depth 0), kept between the depths asked (0: no bound). */
    static List<String> ancestors(String path, int fromDepth, int toDepth) {
        if (path == null || !path.startsWith("/")) {
            return List.of();
        }
        var places = new ArrayList<String>();
        if (fromDepth <= 0) {
            places.add("/");
        }
        String[] codes = path.substring(1).split("/");
        var prefix = new StringBuilder();
        for (int depth = 1; depth <= codes.length && (toDepth <= 0 || depth <= toDepth); depth++) {
            prefix.append('/').append(codes[depth - 1]);
            if (depth >= fromDepth) {
                places.add(prefix.toString());
            }
        }
        return places;
    }
}
