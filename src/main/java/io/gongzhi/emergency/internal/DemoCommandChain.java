package io.gongzhi.emergency.internal;

import io.gongzhi.audit.Audit;
import io.gongzhi.audit.Outcome;
import io.gongzhi.emergency.internal.DutyRosters.Duty;
import io.gongzhi.emergency.internal.DutyRosters.Row;
import io.gongzhi.geography.Hierarchy;
import io.gongzhi.geography.Level;
import io.gongzhi.geography.Unit;
import io.gongzhi.identity.Account;
import io.gongzhi.identity.Accounts;
import io.gongzhi.identity.Role;
import io.gongzhi.platform.DemoMode;
import io.gongzhi.shared.Actor;
import io.gongzhi.shared.ChineseNames;
import io.gongzhi.shared.NotFound;
import io.gongzhi.shared.Phone;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The demo district's command chain, once, on a demo database with grids: three property
 * companies serving its compounds, and a roster for every unit from the city down to each
 * compound (the demo accounts where one works the unit, made-up people elsewhere), so that a
 * directive from the city has someone to reach everywhere and a silent compound has a number to call.
 */
@Component
@Order(45)
class DemoCommandChain implements ApplicationRunner {

    static final String DISTRICT = "510107";
    private static final Actor SEED = new Actor(null, "demo-seed", Set.of(), Set.of("roster.manage"),
            io.gongzhi.shared.Jurisdiction.EVERYWHERE);
    private static final Set<Role> RECEIVING = Set.of(Role.CITY_COMMITTEE, Role.DISTRICT_COMMITTEE, Role.SUBDISTRICT_DISPATCHER,
            Role.COMMUNITY_WORKER, Role.GRID_WORKER, Role.COMPOUND_CONTACT);
    private static final String[] COMPANIES = {"锦城物业服务有限公司", "蜀安物业管理有限公司", "天府和悦物业服务有限公司"};

    private final Environment environment;
    private final JdbcClient jdbc;
    private final Hierarchy hierarchy;
    private final Accounts accounts;
    private final DutyRosters rosters;
    private final PropertyCompanies companies;
    private final Audit audit;
    private final TransactionTemplate transaction;

    DemoCommandChain(Environment environment, JdbcClient jdbc, Hierarchy hierarchy, Accounts accounts, DutyRosters rosters,
                     PropertyCompanies companies, Audit audit, TransactionTemplate transaction) {
        this.environment = environment;
        this.jdbc = jdbc;
        this.hierarchy = hierarchy;
        this.accounts = accounts;
        this.rosters = rosters;
        this.companies = companies;
        this.audit = audit;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!DemoMode.isOn(environment) || !environment.getProperty("gongzhi.demo-rosters", Boolean.class, true) || jdbc.sql("select count(*) from emergency_duty").query(Integer.class).single() > 0) {
            return;
        }
        List<Unit> compounds;
        try {
            compounds = hierarchy.under(DISTRICT, Level.COMPOUND);
        } catch (NotFound noDemoDistrict) {
            return;
        }
        if (compounds.isEmpty()) {
            return;
        }
        transaction.executeWithoutResult(status -> seed(compounds));
    }

    private void seed(List<Unit> compounds) {
        var random = new Random(2020);
        var serving = new ArrayList<Long>();
        for (int i = 0; i < COMPANIES.length; i++) {
            serving.add(companies.register(COMPANIES[i], creditCode(random), DISTRICT, SEED).id());
        }
        // which demo account works which unit: the one whose places are exactly that unit
        Map<String, Account> working = new HashMap<>();
        for (Account a : accounts.all()) {
            if (a.units().size() == 1 && a.roles().stream().anyMatch(RECEIVING::contains)) {
                working.putIfAbsent(a.units().iterator().next(), a);
            }
        }
        var rows = new ArrayList<Row>();
        Unit district = hierarchy.unit(DISTRICT);
        var above = new ArrayList<Unit>(hierarchy.chain(DISTRICT));
        above.add(district);
        for (Level level : new Level[] {Level.SUBDISTRICT, Level.COMMUNITY, Level.GRID}) {
            above.addAll(hierarchy.under(DISTRICT, level));
        }
        for (Unit unit : new java.util.LinkedHashSet<>(above)) {
            Duty duty = unit.level() == Level.GRID ? Duty.GRID_WORKER : Duty.DUTY_OFFICER;
            rows.add(person(unit, duty, working.get(unit.code()), null, random));
            if (unit.level() == Level.COMMUNITY) {
                rows.add(person(unit, Duty.SECRETARY, null, null, random));
            }
        }
        var byCompany = new HashMap<Long, List<String>>();
        for (int i = 0; i < compounds.size(); i++) {
            Unit compound = compounds.get(i);
            long company = serving.get(i % serving.size());
            byCompany.computeIfAbsent(company, c -> new ArrayList<>()).add(compound.code());
            rows.add(person(compound, Duty.PROPERTY_STAFF, working.get(compound.code()), company, random));
            if (i % 4 == 0) {
                rows.add(person(compound, Duty.BUILDING_LEADER, null, null, random));
            }
        }
        byCompany.forEach((company, codes) -> {
            for (int i = 0; i < codes.size(); i += PropertyCompanies.MAX_COMPOUNDS_AT_ONCE) {
                companies.bind(company, codes.subList(i, Math.min(codes.size(), i + PropertyCompanies.MAX_COMPOUNDS_AT_ONCE)), SEED);
            }
        });
        rosters.insert(rows, SEED);
        audit.record(SEED, "emergency.roster-add", "unit:" + DISTRICT, Outcome.SUCCESS, "demo rosters: " + rows.size() + " people");
    }

    /** A demo account where one works the unit, a made-up person elsewhere. */
    private static Row person(Unit unit, Duty duty, Account account, Long company, Random random) {
        String name = account != null ? account.displayName()
                : ChineseNames.surname(random) + ChineseNames.given(random, random.nextBoolean(), 1965 + random.nextInt(35));
        var phone = new Phone("1" + "3578".charAt(random.nextInt(4)) + String.format("%09d", random.nextInt(1_000_000_000)));
        return new Row(unit, duty, name, phone, account == null ? null : account.username(), company);
    }

    private static String creditCode(Random random) {
        var first = new StringBuilder("915101");
        first.append("07");
        while (first.length() < 17) {
            first.append(CreditCode.CHARACTERS.charAt(random.nextInt(CreditCode.CHARACTERS.length())));
        }
        return first.toString() + CreditCode.check(first.toString());
    }
}
