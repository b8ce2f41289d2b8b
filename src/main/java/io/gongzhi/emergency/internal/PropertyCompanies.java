package io.gongzhi.emergency.internal;

import io.gongzhi.audit.Audit;
import io.gongzhi.audit.Outcome;
import io.gongzhi.geography.Hierarchy;
import io.gongzhi.geography.Level;
import io.gongzhi.geography.Unit;
import io.gongzhi.shared.Actor;
import io.gongzhi.shared.InvalidInput;
import io.gongzhi.shared.NotFound;
import io.gongzhi.shared.Violation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * The property companies (物业服务企业) that serve residential compounds, registered by the staff of
 * a place with their unified social credit code and bound to the compounds they serve there; their
 * staff go on those compounds' rosters. A company is seen by the staff of the places it is
 * registered in or serves.
 */
@Component
public class PropertyCompanies {

    /** A company with how many compounds it serves inside the reader's places and how many of its staff are on rosters there. */
    public record Company(long id, String name, String creditCode, String placePath, int compounds, int staff) {
    }

    static final int MAX_COMPOUNDS_AT_ONCE = 2000;

    private final JdbcClient jdbc;
    private final Hierarchy hierarchy;
    private final Audit audit;
    private final Clock clock;

    PropertyCompanies(JdbcClient jdbc, Hierarchy hierarchy, Audit audit, Clock clock) {
        this.jdbc = jdbc;
        this.hierarchy = hierarchy;
        this.audit = audit;
        this.clock = clock;
    }

    /** The companies registered in, above or serving the reader's places, by name. */
    public List<Company> visible(Actor actor) {
        var registered = actor.jurisdiction().where("c.place_path");
        var serving = actor.jurisdiction().where("b.path");
        var onDuty = actor.jurisdiction().where("d.path");
        var params = new java.util.HashMap<String, Object>(registered.params());
        params.putAll(serving.params());
        params.putAll(onDuty.params());
        // and those registered at the places above the reader's, which the reader may bind to its own compounds
        var above = new java.util.TreeSet<String>();
        for (var place : actor.jurisdiction().paths()) {
            for (int depth = 1; depth < place.depth(); depth++) {
                above.add(place.ancestor(depth));
            }
        }
        params.put("above", above.isEmpty() ? List.of("") : List.copyOf(above));
        return jdbc.sql("select c.id, c.name, c.credit_code, c.place_path,"
                        + " (select count(*) from emergency_company_compound b where b.company_id = c.id and " + serving.sql() + "),"
                        + " (select count(*) from emergency_duty d where d.company_id = c.id and " + onDuty.sql() + ")"
                        + " from emergency_company c where " + registered.sql() + " or c.place_path in (:above)"
                        + " or exists (select 1 from emergency_company_compound b where b.company_id = c.id and " + serving.sql() + ")"
                        + " order by c.name, c.id")
                .params(params)
                .query((rs, n) -> new Company(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5), rs.getInt(6)))
                .list();
    }

    /** The companies serving a compound. */
    public List<Company> serving(String compoundCode) {
        return jdbc.sql("select c.id, c.name, c.credit_code, c.place_path, 1, 0 from emergency_company c"
                        + " join emergency_company_compound b on b.company_id = c.id where b.compound_code = ? order by c.name")
                .param(compoundCode)
                .query((rs, n) -> new Company(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5), rs.getInt(6)))
                .list();
    }

    /** Registers a company in one of the reader's places (their own place when they have one). */
    @Transactional
    public Company register(String name, String creditCode, String placeCode, Actor actor) {
        DutyRosters.requireManager(actor);
        var problems = new ArrayList<Violation>();
        String clean = name == null ? "" : name.strip();
        if (clean.length() < 2 || clean.length() > 100) {
            problems.add(Violation.of("name", "emergency.company-name", 2, 100));
        }
        String code = creditCode == null ? "" : creditCode.strip().toUpperCase(Locale.ROOT);
        if (!CreditCode.valid(code)) {
            problems.add(Violation.of("creditCode", "emergency.company-credit-code"));
        } else if (jdbc.sql("select count(*) from emergency_company where credit_code = ?").param(code).query(Integer.class).single() > 0) {
            problems.add(Violation.of("creditCode", "emergency.company-registered"));
        }
        Unit place = null;
        try {
            place = placeCode == null || placeCode.isBlank() ? null : hierarchy.unit(placeCode.strip(), actor.jurisdiction());
        } catch (NotFound outside) {
            // a field error, like a place that does not exist
        }
        if (place == null || !actor.jurisdiction().covers(place.path()) || !place.level().isDivision()) {
            problems.add(Violation.of("place", "emergency.company-place"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into emergency_company (name, credit_code, place_path, created_by, created_at) values (?, ?, ?, ?, ?)")
                .params(clean, code, place.path(), actor.username(), Timestamp.from(clock.instant())).update(keys, "id");
        long id = keys.getKey().longValue();
        audit.record(actor, "emergency.company-register", "company:" + id, Outcome.SUCCESS, code);
        return new Company(id, clean, code, place.path(), 0, 0);
    }

    /** Binds the company to compounds inside the reader's places; answers how many were new. */
    @Transactional
    public int bind(long companyId, List<String> compounds, Actor actor) {
        DutyRosters.requireManager(actor);
        Company company = visible(actor).stream().filter(c -> c.id() == companyId).findFirst()
                .orElseThrow(() -> new NotFound("emergency.company-not-found", "company " + companyId));
        if (compounds.isEmpty() || compounds.size() > MAX_COMPOUNDS_AT_ONCE) {
            throw new InvalidInput(Violation.of("compounds", "emergency.company-compounds", MAX_COMPOUNDS_AT_ONCE));
        }
        var units = new ArrayList<Unit>();
        var problems = new ArrayList<Violation>();
        for (String code : new LinkedHashSet<>(compounds)) {
            try {
                Unit unit = hierarchy.unit(code == null ? "" : code.strip(), actor.jurisdiction());
                if (unit.level() != Level.COMPOUND || !actor.jurisdiction().covers(unit.path())) {
                    problems.add(Violation.of("compounds", "emergency.company-not-compound", code));
                } else {
                    units.add(unit);
                }
            } catch (NotFound unknown) {
                problems.add(Violation.of("compounds", "emergency.company-not-compound", code));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        int added = 0;
        for (Unit unit : units) {
            if (!serves(jdbc, company.id(), unit.code())) {
                jdbc.sql("insert into emergency_company_compound (company_id, compound_code, path) values (?, ?, ?)")
                        .params(company.id(), unit.code(), unit.path()).update();
                added++;
            }
        }
        audit.record(actor, "emergency.company-bind", "company:" + company.id(), Outcome.SUCCESS, "compounds=" + added);
        return added;
    }

    static boolean serves(JdbcClient jdbc, long companyId, String compoundCode) {
        return jdbc.sql("select count(*) from emergency_company_compound where company_id = ? and compound_code = ?")
                .params(companyId, compoundCode).query(Integer.class).single() > 0;
    }

}
