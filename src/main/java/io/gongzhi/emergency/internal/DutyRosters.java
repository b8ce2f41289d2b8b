package io.gongzhi.emergency.internal;

import io.gongzhi.audit.Audit;
import io.gongzhi.audit.Outcome;
import io.gongzhi.geography.Hierarchy;
import io.gongzhi.geography.Level;
import io.gongzhi.geography.Unit;
import io.gongzhi.identity.Accounts;
import io.gongzhi.platform.Sealing;
import io.gongzhi.shared.Actor;
import io.gongzhi.shared.InvalidInput;
import io.gongzhi.shared.NotFound;
import io.gongzhi.shared.NotPermitted;
import io.gongzhi.shared.Phone;
import io.gongzhi.shared.Violation;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command chain's people: each unit's duty roster, who receives for it, first on the roster
 * first. A sub-district or community has its duty officer (a community also its secretary), a grid
 * its workers, a compound its contacts (property-company staff, building leaders, volunteers).
 * Phone numbers are sealed and shown masked; in full only to those allowed, with a reason, audited.
 * Rosters are kept by the staff of the places above (or at) the unit.
 */
@Component
public class DutyRosters {

    /** What a person does for the unit; each fits some levels only. */
    public enum Duty {
        DUTY_OFFICER, SECRETARY, GRID_WORKER, PROPERTY_STAFF, BUILDING_LEADER, VOLUNTEER;

        public boolean fits(Level level) {
            return switch (this) {
                case DUTY_OFFICER -> level.isDivision();
                case SECRETARY -> level == Level.COMMUNITY;
                case GRID_WORKER -> level == Level.GRID;
                case PROPERTY_STAFF, BUILDING_LEADER, VOLUNTEER -> level == Level.COMPOUND;
            };
        }
    }

    /** One person on a unit's roster, as anyone who may read it sees them (the phone masked). */
    public record Contact(long id, String unit, Duty duty, String name, String phoneMask, String username, Long companyId,
                          String companyName) {
    }

    /** A person to put on a unit's roster, as typed. */
    public record Entry(String unit, String duty, String name, String phone, String username, Long company) {
    }

    static final int MAX_PER_UNIT = 30;
    static final String PHONE_CONTEXT = "emergency.duty.phone";
    private static final String COLUMNS = "d.id, d.unit_code, d.duty, d.name, d.phone_mask, d.username, d.company_id, c.name";
    private static final String FROM = " from emergency_duty d left join emergency_company c on c.id = d.company_id";
    /** Duty officers and secretaries before grid workers before compound contacts; then the order they were added. */
    private static final String ORDER = " order by case d.duty when 'DUTY_OFFICER' then 0 when 'SECRETARY' then 1 when 'GRID_WORKER' then 2"
            + " when 'PROPERTY_STAFF' then 3 when 'BUILDING_LEADER' then 4 else 5 end, d.id";

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final Hierarchy hierarchy;
    private final Accounts accounts;
    private final Sealing sealing;
    private final Audit audit;
    private final Clock clock;

    DutyRosters(JdbcClient jdbc, JdbcTemplate batches, Hierarchy hierarchy, Accounts accounts, Sealing sealing, Audit audit, Clock clock) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.hierarchy = hierarchy;
        this.accounts = accounts;
        this.sealing = sealing;
        this.audit = audit;
        this.clock = clock;
    }

    /** The roster of a unit inside the reader's places; a unit outside answers as absent. */
    public List<Contact> of(String unitCode, Actor actor) {
        Unit unit = inside(unitCode, actor);
        return jdbc.sql("select " + COLUMNS + FROM + " where d.unit_code = ?" + ORDER).param(unit.code()).query(DutyRosters::contact).list();
    }

    /** The first on each unit's roster, for the units that have one (to call a silent unit). */
    public Map<String, Contact> first(Collection<String> unitCodes) {
        var firsts = new LinkedHashMap<String, Contact>();
        if (unitCodes.isEmpty()) {
            return firsts;
        }
        for (List<String> chunk : chunks(List.copyOf(unitCodes))) {
            jdbc.sql("select " + COLUMNS + FROM + " where d.unit_code in (:codes)" + ORDER).param("codes", chunk)
                    .query(DutyRosters::contact).list().forEach(c -> firsts.putIfAbsent(c.unit(), c));
        }
        return firsts;
    }

    /** How many people each of {@code unitCodes} has on its roster. */
    public Map<String, Integer> sizes(Collection<String> unitCodes) {
        var sizes = new LinkedHashMap<String, Integer>();
        for (List<String> chunk : chunks(List.copyOf(unitCodes))) {
            jdbc.sql("select unit_code, count(*) from emergency_duty where unit_code in (:codes) group by unit_code").param("codes", chunk)
                    .query((rs, n) -> sizes.put(rs.getString(1), rs.getInt(2))).list();
        }
        return sizes;
    }

    /** The accounts that receive for the unit in the platform. */
    public List<String> usernames(String unitCode) {
        return jdbc.sql("select distinct username from emergency_duty where unit_code = ? and username is not null order by username")
                .param(unitCode).query(String.class).list();
    }

    /** A roster entry's phone number, opened for a message the platform sends itself (never shown). */
    public record Reachable(long entry, String number) {
    }

    /** The phone of the first on the unit's roster, to send it a message. */
    public java.util.Optional<Reachable> firstPhone(String unitCode) {
        return jdbc.sql("select d.id, d.phone_sealed" + FROM + " where d.unit_code = ?" + ORDER + " limit 1").param(unitCode)
                .query((rs, n) -> new Reachable(rs.getLong(1), sealing.open(rs.getString(2), PHONE_CONTEXT))).list().stream().findFirst();
    }

    @Transactional
    public Contact add(Entry in, Actor actor) {
        requireManager(actor);
        var problems = new ArrayList<Violation>();
        Unit unit = null;
        try {
            unit = in.unit() == null || in.unit().isBlank() ? null : inside(in.unit().strip(), actor);
        } catch (NotFound outside) {
            // answered as a field error below, like a unit that does not exist
        }
        if (unit == null) {
            problems.add(Violation.of("unit", "emergency.roster-unit-unknown"));
        }
        Duty duty = in.duty() == null ? null : java.util.Arrays.stream(Duty.values())
                .filter(d -> d.name().equalsIgnoreCase(in.duty().strip())).findFirst().orElse(null);
        if (duty == null || unit != null && !duty.fits(unit.level())) {
            problems.add(Violation.of("duty", "emergency.roster-duty-invalid"));
        }
        String name = in.name() == null ? "" : in.name().strip();
        if (name.isEmpty() || name.length() > 50) {
            problems.add(Violation.of("name", "emergency.roster-name", 50));
        }
        var phone = Phone.parse(in.phone());
        if (phone.isEmpty()) {
            problems.add(Violation.of("phone", "person.phone-invalid"));
        }
        String username = in.username() == null || in.username().isBlank() ? null : in.username().strip();
        if (username != null && unit != null && !receivesFor(username, unit)) {
            problems.add(Violation.of("username", "emergency.roster-account-elsewhere"));
        }
        if (in.company() != null && (unit == null || !PropertyCompanies.serves(jdbc, in.company(), unit.code()))) {
            problems.add(Violation.of("company", "emergency.roster-company-not-serving"));
        }
        if (unit != null && jdbc.sql("select count(*) from emergency_duty where unit_code = ?").param(unit.code()).query(Integer.class).single()
                >= MAX_PER_UNIT) {
            problems.add(Violation.of("unit", "emergency.roster-full", MAX_PER_UNIT));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("insert into emergency_duty (unit_code, path, duty, name, phone_sealed, phone_mask, username, company_id, added_by, added_at)"
                        + " values (:unit, :path, :duty, :name, :sealed, :mask, :username, :company, :by, :at)")
                .param("unit", unit.code()).param("path", unit.path()).param("duty", duty.name()).param("name", name)
                .param("sealed", sealing.seal(phone.get().value(), PHONE_CONTEXT)).param("mask", phone.get().masked())
                .param("username", username).param("company", in.company()).param("by", actor.username())
                .param("at", Timestamp.from(clock.instant())).update(keys, "id");
        long id = keys.getKey().longValue();
        audit.record(actor, "emergency.roster-add", "unit:" + unit.code(), Outcome.SUCCESS, "duty=" + duty + " entry=" + id);
        return jdbc.sql("select " + COLUMNS + FROM + " where d.id = ?").param(id).query(DutyRosters::contact).single();
    }

    /** A checked roster row. */
    record Row(Unit unit, Duty duty, String name, Phone phone, String username, Long company) {
    }

    /** Writes checked rows in batches (the demo's rosters). */
    void insert(List<Row> rows, Actor actor) {
        var at = Timestamp.from(clock.instant());
        batches.batchUpdate("insert into emergency_duty (unit_code, path, duty, name, phone_sealed, phone_mask, username, company_id, added_by, added_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows, 1000, (ps, r) -> {
                    ps.setString(1, r.unit().code());
                    ps.setString(2, r.unit().path());
                    ps.setString(3, r.duty().name());
                    ps.setString(4, r.name());
                    ps.setString(5, sealing.seal(r.phone().value(), PHONE_CONTEXT));
                    ps.setString(6, r.phone().masked());
                    ps.setString(7, r.username());
                    ps.setObject(8, r.company());
                    ps.setString(9, actor.username());
                    ps.setTimestamp(10, at);
                });
    }

    @Transactional
    public void remove(long id, Actor actor) {
        requireManager(actor);
        Contact contact = contact(id, actor);
        jdbc.sql("delete from emergency_duty where id = ?").param(id).update();
        audit.record(actor, "emergency.roster-remove", "unit:" + contact.unit(), Outcome.SUCCESS, "duty=" + contact.duty() + " entry=" + id);
    }

    /** The contact's phone number in full, for someone allowed to call, with their reason in the audit log. */
    @Transactional
    public String phone(long id, String reason, Actor actor) {
        if (!actor.may("roster.unmask")) {
            throw new NotPermitted("emergency.roster-not-permitted", "roster.unmask");
        }
        Contact contact = contact(id, actor);
        String why = reason == null ? "" : reason.strip();
        if (why.length() < 2 || why.length() > 200) {
            throw new InvalidInput(Violation.of("reason", "person.unmask-reason", 2, 200));
        }
        String sealed = jdbc.sql("select phone_sealed from emergency_duty where id = ?").param(id).query(String.class).single();
        audit.record(actor, "emergency.roster-unmask", "unit:" + contact.unit(), Outcome.SUCCESS, "entry=" + id + ": " + why);
        return sealing.open(sealed, PHONE_CONTEXT);
    }

    private Contact contact(long id, Actor actor) {
        String path = jdbc.sql("select path from emergency_duty where id = ?").param(id).query(String.class).optional().orElse(null);
        if (path == null || !actor.jurisdiction().covers(path)) {
            throw new NotFound("emergency.roster-entry-not-found", "duty " + id);
        }
        return jdbc.sql("select " + COLUMNS + FROM + " where d.id = ?").param(id).query(DutyRosters::contact).single();
    }

    private Unit inside(String unitCode, Actor actor) {
        Unit unit = hierarchy.unit(unitCode, actor.jurisdiction());
        if (!actor.jurisdiction().covers(unit.path())) {
            throw new NotFound("geography.unit-not-found", "unit " + unitCode);
        }
        return unit;
    }

    /** The account exists, is enabled and looks after the unit (or a place above it). */
    private boolean receivesFor(String username, Unit unit) {
        return accounts.find(username).filter(a -> a.enabled())
                .map(a -> accounts.jurisdictionOf(a).covers(unit.path())).orElse(false);
    }

    /** Rosters and the property companies on them are kept by the same people. */
    static void requireManager(Actor actor) {
        if (!actor.may("roster.manage")) {
            throw new NotPermitted("emergency.roster-not-permitted", "roster.manage");
        }
    }

    static List<List<String>> chunks(List<String> codes) {
        var chunks = new ArrayList<List<String>>();
        for (int i = 0; i < codes.size(); i += 500) {
            chunks.add(codes.subList(i, Math.min(codes.size(), i + 500)));
        }
        return chunks;
    }

    static Contact contact(ResultSet rs, int n) throws SQLException {
        long company = rs.getLong(7);
        Long companyId = rs.wasNull() ? null : company;
        return new Contact(rs.getLong(1), rs.getString(2), Duty.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getString(6),
                companyId, rs.getString(8));
    }
}
