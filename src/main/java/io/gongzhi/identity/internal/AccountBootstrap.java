package io.gongzhi.identity.internal;

import io.gongzhi.identity.Account;
import io.gongzhi.identity.Role;

import io.gongzhi.identity.Accounts;
import io.gongzhi.platform.DemoMode;
import io.gongzhi.shared.InvalidInput;
import io.gongzhi.shared.Violation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * On an empty database creates the first accounts and prints their passwords once: in
 * demo mode one account per role, otherwise only {@code admin}. Passwords go to the
 * console, never to the log.
 */
/* After the demo geography, whose places the demo accounts are bound to. */
@Component
@org.springframework.core.annotation.Order(20)
class AccountBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AccountBootstrap.class);

    /**
     * One demo person per role, placed in Chengdu's Wuhou district (510107), Yulin sub-district
     * (510107005) and Yulin North Road community (510107005001). The names are common Chinese
     * names, not real people.
     */
    static final List<DemoPerson> DEMO = List.of(
            new DemoPerson("city", "王敏", Role.CITY_COMMITTEE, Set.of("5101"), Set.of()),
            new DemoPerson("district", "李强", Role.DISTRICT_COMMITTEE, Set.of("510107"), Set.of()),
            new DemoPerson("dispatcher", "张伟", Role.SUBDISTRICT_DISPATCHER, Set.of("510107005"), Set.of()),
            new DemoPerson("community", "刘洋", Role.COMMUNITY_WORKER, Set.of("510107005001"), Set.of()),
            new DemoPerson("grid", "陈静", Role.GRID_WORKER, Set.of("510107005001"), Set.of()),
            new DemoPerson("compound", "黄磊", Role.COMPOUND_CONTACT, Set.of("510107005001"), Set.of()),
            new DemoPerson("department", "杨帆", Role.DEPARTMENT_STAFF, Set.of("510107"), Set.of("city-management")),
            new DemoPerson("resident", "赵丽", Role.RESIDENT, Set.of(), Set.of()),
            new DemoPerson("socialorg", "周杰", Role.SOCIAL_ORGANISATION, Set.of("510107005"), Set.of()),
            new DemoPerson("auditor", "吴芳", Role.AUDITOR, Set.of(Account.EVERY_PLACE), Set.of()),
            new DemoPerson("secadmin", "郑浩", Role.SECURITY_ADMIN, Set.of(Account.EVERY_PLACE), Set.of()),
            new DemoPerson("admin", "系统管理员", Role.SYSTEM_ADMIN, Set.of(Account.EVERY_PLACE), Set.of()));

    record DemoPerson(String username, String displayName, Role role, Set<String> units, Set<String> departments) {
        AccountForm form() {
            return new AccountForm(username, displayName, Set.of(role), units, departments);
        }
    }

    private final Accounts accounts;
    private final Environment environment;
    private final io.gongzhi.geography.Hierarchy hierarchy;
    private final PrintStream console;

    private final io.gongzhi.platform.StartupProgress startup;

    AccountBootstrap(Accounts accounts, Environment environment, io.gongzhi.geography.Hierarchy hierarchy, io.gongzhi.platform.StartupProgress startup) {
        this.startup = startup;
        this.accounts = accounts;
        this.environment = environment;
        this.hierarchy = hierarchy;
        this.console = System.out;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.count() > 0) {
            return;
        }
        boolean demo = DemoMode.isOn(environment);
        startup.stage("startup.stage.accounts", 32);
        List<DemoPerson> people = demo ? DEMO : List.of(DEMO.get(DEMO.size() - 1));
        String fixed = environment.getProperty(demo ? "gongzhi.demo-password" : "gongzhi.admin-password", "");
        var created = new ArrayList<String[]>();
        try {
            for (DemoPerson person : people) {
                AccountForm form = onFirstGrid(person);
                if (form == null) {
                    continue;
                }
                String password = fixed.isBlank() ? Passwords.generate() : fixed;
                accounts.create(form, password);
                created.add(new String[] {person.role().name(), person.username(), fixed.isBlank() ? password : "(GONGZHI_" + (demo ? "DEMO" : "ADMIN") + "_PASSWORD)"});
            }
        } catch (DuplicateKeyException anotherNode) {
            log.info("Another node created the first accounts at the same time; keeping theirs.");
            return;
        } catch (InvalidInput invalid) {
            if (invalid.violations().stream().allMatch(v -> v.code().equals("account.username-taken"))) {
                log.info("Another node created the first accounts at the same time; keeping theirs.");
                return;
            }
            // Only the configured password can be wrong here: name the setting, not the form field.
            String setting = demo ? "GONGZHI_DEMO_PASSWORD" : "GONGZHI_ADMIN_PASSWORD";
            throw new InvalidInput(invalid.violations().stream()
                    .map(v -> "password".equals(v.where()) ? new Violation(setting, v.code(), v.args()) : v)
                    .toList());
        }
        print(demo, created);
    }

    /**
     * Once the demo district has grids, the demo grid worker works the community's first grid and
     * the demo compound contact receives for that grid's first compound.
     */
    private AccountForm onFirstGrid(DemoPerson person) {
        int down = person.role() == Role.GRID_WORKER ? 1 : person.role() == Role.COMPOUND_CONTACT ? 2 : 0;
        if (down == 0) {
            return person.form();
        }
        var units = person.units();
        for (int i = 0; i < down && !units.isEmpty(); i++) {
            units = units.stream().flatMap(code -> {
                try {
                    return hierarchy.children(code).stream().limit(1);
                } catch (io.gongzhi.shared.NotFound e) {
                    return java.util.stream.Stream.empty();
                }
            }).map(io.gongzhi.geography.Unit::code).collect(java.util.stream.Collectors.toSet());
        }
        if (units.isEmpty()) {
            // without grids there is no compound to receive for: the contact is left out
            return person.role() == Role.COMPOUND_CONTACT ? null : person.form();
        }
        return new AccountForm(person.username(), person.displayName(), Set.of(person.role()), units, person.departments());
    }

    private void print(boolean demo, List<String[]> created) {
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        console.println();
        console.println("================================================================");
        console.println(demo ? " Gongzhi demo accounts (演示账号) - shown once, note them now"
                : " Gongzhi administrator account (管理员账号) - shown once, note it now");
        console.println("----------------------------------------------------------------");
        console.println(String.format(Locale.ROOT, " %-24s %-12s %s", "role", "username", "password"));
        for (String[] row : created) {
            console.println(String.format(Locale.ROOT, " %-24s %-12s %s", row[0], row[1], row[2]));
        }
        console.println("----------------------------------------------------------------");
        console.println(" Sign in at http://localhost:" + port + "/ once the line '共治已就绪 Gongzhi is ready' appears.");
        console.println(" Lost a password? mvn -q spring-boot:run -Dspring-boot.run.arguments=\"account reset-password USERNAME\"");
        console.println("   (or, with the jar built: java -jar target/gongzhi.jar account reset-password USERNAME)");
        console.println("================================================================");
        console.println();
    }
}
