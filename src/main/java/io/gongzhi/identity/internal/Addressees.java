package io.gongzhi.identity.internal;

import io.gongzhi.identity.AccountChanged;
import io.gongzhi.identity.Recipients;
import io.gongzhi.shared.KeptReads;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.context.event.EventListener;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

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

    /** An account a notice goes to, and how it asked to hear of notices beyond the app (sealed mobile number, e-mail, channels). */
    public record Addressee(long id, String sealedPhone, String email, String by) {
    }

    private final JdbcClient jdbc;
    private final KeptReads<Recipients, List<Addressee>> kept;

    Addressees(JdbcClient jdbc, @Value("${gongzhi.notices.recipients-keep:PT5S}") Duration keep) {
        this.jdbc = jdbc;
        this.kept = new KeptReads<>(keep, 10_000);
    }

    /** Who {@code who} names, ordered by account id; {@code who.except()} is not applied. */
    public List<Addressee> of(Recipients who) {
        return kept.get(who.except(null), this::read);
    }

    /**
     * Roles, places, departments, enabled or how the account hears of notices changed: whoever they
     * name is read again. An in-process listener within identity, not a reaction: a node's memory,
     * with nothing to keep in the event publication registry.
     */
    @EventListener
    void forget(AccountChanged changed) {
        kept.forgetAll();
    }

    private List<Addressee> read(Recipients who) {
        String columns = "a.id, a.notify_phone, a.notify_email, a.notify_by";
        RowMapper<Addressee> addressee = (rs, n) -> new Addressee(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4));
        if (who.account() != null) {
            return jdbc.sql("select " + columns + " from identity_account a where a.id = :id and a.enabled = true").param("id", who.account())
                    .query(addressee).list();
        }
        var roles = Permission.byAuthority(who.permission()).map(p -> p.roles().stream().map(Enum::name).toList()).orElse(List.of());
        if (!who.places().isEmpty()) {
            return roles.isEmpty() ? List.of() : at(who, roles, columns, addressee);
        }
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

    /** Those bound at {@code who.places()} (or below them), read a thousand places at a time. */
    private List<Addressee> at(Recipients who, List<String> roles, String columns, RowMapper<Addressee> addressee) {
        var found = new java.util.TreeMap<Long, Addressee>();
        var places = who.places();
        for (int from = 0; from < places.size(); from += Recipients.PLACES_AT_ONCE) {
            var chunk = places.subList(from, Math.min(places.size(), from + Recipients.PLACES_AT_ONCE));
            var sql = new StringBuilder("select distinct " + columns + " from identity_account_unit u "
                    + "join identity_account a on a.id = u.account_id and a.enabled = true "
                    + "join identity_account_role r on r.account_id = u.account_id and r.role in (:roles) where (u.path in (:places)");
            var params = new java.util.HashMap<String, Object>();
            if (who.below()) {
                for (int i = 0; i < chunk.size(); i++) {
                    sql.append(" or u.path like :below").append(i);
                    params.put("below" + i, chunk.get(i) + "/%");
                }
            }
            sql.append(')');
            jdbc.sql(sql.toString()).param("roles", roles).param("places", chunk).params(params).query(addressee).list()
                    .forEach(a -> found.putIfAbsent(a.id(), a));
        }
        return List.copyOf(found.values());
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
