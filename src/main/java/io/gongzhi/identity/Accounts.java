package io.gongzhi.identity;

import io.gongzhi.identity.internal.AccountForm;

import io.gongzhi.audit.Audit;
import io.gongzhi.audit.Outcome;
import io.gongzhi.geography.Hierarchy;
import io.gongzhi.identity.internal.AccountStore;
import io.gongzhi.identity.internal.PasswordRules;
import io.gongzhi.identity.internal.Passwords;
import io.gongzhi.shared.Actor;
import io.gongzhi.shared.InvalidInput;
import io.gongzhi.shared.Jurisdiction;
import io.gongzhi.shared.NotFound;
import io.gongzhi.shared.RegionPath;
import io.gongzhi.shared.Violation;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The accounts API: create and change accounts, their roles and jurisdiction, lock state and
 * passwords. Pages, the REST API and commands all call this; every change is audited in the
 * same transaction.
 */
@Service
public class Accounts {

    private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{2,63}");
    private static final Pattern DEPARTMENT = Pattern.compile("[a-z0-9][a-z0-9-]{1,39}");
    /** More places than any one person looks after: a list this long is a mistake, not a jurisdiction. */
    static final int MAX_UNITS = 200;

    private final AccountStore store;
    private final PasswordEncoder encoder;
    private final Hierarchy hierarchy;
    private final Audit audit;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final org.springframework.beans.factory.ObjectProvider<DepartmentDirectory> departments;

    Accounts(AccountStore store, PasswordEncoder encoder, Hierarchy hierarchy, Audit audit, Clock clock,
             org.springframework.context.ApplicationEventPublisher events,
             org.springframework.beans.factory.ObjectProvider<DepartmentDirectory> departments) {
        this.departments = departments;
        this.store = store;
        this.encoder = encoder;
        this.hierarchy = hierarchy;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
    }

    /** A new account; answers every problem with the input at once. */
    @Transactional
    public Account create(AccountForm form, String password) {
        var problems = new ArrayList<Violation>();
        if (form.username() == null || !USERNAME.matcher(form.username()).matches()) {
            problems.add(Violation.of("username", "account.username-invalid"));
        } else if (store.findByUsername(form.username()).isPresent()) {
            problems.add(Violation.of("username", "account.username-taken", form.username()));
        }
        Map<String, String> paths = checkGrants(form, problems);
        problems.addAll(PasswordRules.check("password", password, form.username(), form.displayName()));
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        long id = store.insert(form, paths, encoder.encode(password), clock.instant());
        audit.record("account.create", "account:" + id, Outcome.SUCCESS, grants(form));
        events.publishEvent(new AccountChanged(id));
        return store.findById(id).orElseThrow();
    }

    /**
     * A new account with a password the administrator hands over: its owner must replace it
     * at the first sign-in.
     */
    @Transactional
    public Account createWithHandedOverPassword(AccountForm form, String password) {
        Account account = create(form, password);
        store.setPasswordChangeRequired(account.id(), true);
        return byId(account.id());
    }

    /** New display name, roles, places and departments; the username never changes. */
    @Transactional
    public Account update(long id, AccountForm form) {
        Account account = byId(id);
        var problems = new ArrayList<Violation>();
        Map<String, String> paths = checkGrants(form, problems);
        Long me = Actor.current().accountId();
        if (me != null && me == id && !account.roles().equals(form.roles())) {
            problems.add(Violation.of("roles", "account.own-roles"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        store.update(id, form, paths);
        audit.record("account.update", "account:" + id, Outcome.SUCCESS, grants(form));
        events.publishEvent(new AccountChanged(id));
        return byId(id);
    }

    @Transactional
    public Account setEnabled(long id, boolean enabled) {
        byId(id);
        Long me = Actor.current().accountId();
        if (!enabled && me != null && me == id) {
            throw new InvalidInput(Violation.of("enabled", "account.own-disable"));
        }
        store.setEnabled(id, enabled);
        audit.record(enabled ? "account.enable" : "account.disable", "account:" + id, Outcome.SUCCESS);
        events.publishEvent(new AccountChanged(id));
        return byId(id);
    }

    @Transactional
    public Account unlock(long id) {
        byId(id);
        store.unlock(id);
        audit.record("account.unlock", "account:" + id, Outcome.SUCCESS);
        return byId(id);
    }

    /** Demands (or stops demanding) that the account sets up a second factor at its next sign-in. */
    @Transactional
    public Account requireSecondFactor(long id, boolean required) {
        byId(id);
        store.setSecondFactorRequired(id, required);
        audit.record("account.second-factor-required", "account:" + id, Outcome.SUCCESS, String.valueOf(required));
        return byId(id);
    }

    /** Sets a new random password and answers it, for the one person who will pass it on; its owner replaces it at sign-in. */
    @Transactional
    public String resetPassword(String username) {
        var account = store.findByUsername(username)
                .orElseThrow(() -> new InvalidInput(Violation.of("username", "account.unknown", username)));
        String password = Passwords.generate();
        store.updatePassword(account.id(), encoder.encode(password), clock.instant(), true);
        store.unlock(account.id());
        audit.record("account.password-reset", "account:" + account.id(), Outcome.SUCCESS);
        return password;
    }

    /** The account holder changes their own password, proving the current one. */
    @Transactional(noRollbackFor = InvalidInput.class)
    public void changePassword(long id, String current, String next) {
        Account account = byId(id);
        if (current == null || !encoder.matches(current, store.passwordHashOf(id))) {
            audit.record("account.password-change", "account:" + id, Outcome.FAILURE, "current password wrong");
            throw new InvalidInput(Violation.of("current", "account.password-current-wrong"));
        }
        var problems = new ArrayList<>(PasswordRules.check("password", next, account.username(), account.displayName()));
        if (problems.isEmpty() && encoder.matches(next, store.passwordHashOf(id))) {
            problems.add(Violation.of("password", "account.password-same"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        store.updatePassword(id, encoder.encode(next), clock.instant(), false);
        audit.record("account.password-change", "account:" + id, Outcome.SUCCESS);
    }

    public Optional<Account> find(String username) {
        return store.findByUsername(username);
    }

    public Account byId(long id) {
        return store.findById(id).orElseThrow(() -> new NotFound("account.not-found", "account " + id));
    }

    public long count() {
        return store.count();
    }

    public List<Account> all() {
        return store.findAll();
    }

    public List<Account> search(String text, int limit) {
        return store.search(text == null ? "" : text.strip(), limit);
    }

    /** Staff accounts bound to a place inside {@code jurisdiction}: the people one works with. */
    public List<Account> team(Jurisdiction jurisdiction, int limit) {
        return store.findByIds(store.idsWithin(jurisdiction, Math.max(1, Math.min(limit, 1000)))).stream()
                .filter(a -> a.roles().stream().anyMatch(Role::needsJurisdiction)).toList();
    }

    /**
     * The account's jurisdiction now: its units' current paths (a unit that no longer
     * exists gives nothing) and its departments.
     */
    public Jurisdiction jurisdictionOf(Account account) {
        var paths = new HashSet<RegionPath>();
        for (String unit : account.units()) {
            if (Account.EVERY_PLACE.equals(unit)) {
                paths.add(RegionPath.ROOT);
                continue;
            }
            try {
                String path = hierarchy.unit(unit).path();
                paths.add(RegionPath.of(path));
                store.updateUnitPath(account.id(), unit, path);
            } catch (NotFound gone) {
                // the unit was removed from the hierarchy: it grants nothing any more
            }
        }
        return new Jurisdiction(paths, account.departments());
    }

    private Map<String, String> checkGrants(AccountForm form, List<Violation> problems) {
        if (form.displayName() == null || form.displayName().isBlank() || form.displayName().strip().length() > 100) {
            problems.add(Violation.of("displayName", "account.display-name-invalid"));
        }
        if (form.roles().isEmpty()) {
            problems.add(Violation.of("roles", "account.roles-empty"));
        } else if (form.roles().size() > 1 && form.roles().stream().anyMatch(Role::administrative)) {
            problems.add(Violation.of("roles", "account.roles-exclusive"));
        }
        var paths = new LinkedHashMap<String, String>();
        if (form.units().size() > MAX_UNITS) {
            problems.add(Violation.of("units", "account.units-too-many", MAX_UNITS));
            return paths;
        }
        for (String unit : form.units()) {
            if (Account.EVERY_PLACE.equals(unit)) {
                paths.put(unit, RegionPath.ROOT.value());
                continue;
            }
            try {
                var found = hierarchy.unit(unit);
                if (!found.current()) {
                    problems.add(Violation.of("units", "account.unit-retired", unit));
                }
                if (form.roles().contains(Role.COMPOUND_CONTACT) && found.level() != io.gongzhi.geography.Level.COMPOUND) {
                    problems.add(Violation.of("units", "account.units-compounds-only", found.name()));
                }
                paths.put(unit, found.path());
            } catch (NotFound e) {
                problems.add(Violation.of("units", "account.unit-unknown", unit));
            }
        }
        if (form.units().isEmpty() && form.roles().stream().anyMatch(Role::needsJurisdiction)) {
            problems.add(Violation.of("units", "account.units-empty"));
        }
        var known = departments.stream().flatMap(d -> d.departments(java.util.Locale.ROOT).stream())
                .map(DepartmentDirectory.Department::code).collect(java.util.stream.Collectors.toSet());
        for (String department : form.departments()) {
            if (!DEPARTMENT.matcher(department).matches()) {
                problems.add(Violation.of("departments", "account.department-invalid", department));
            } else if (!known.isEmpty() && !known.contains(department)) {
                problems.add(Violation.of("departments", "account.department-unknown", department));
            }
        }
        if (form.departments().isEmpty() && form.roles().contains(Role.DEPARTMENT_STAFF)) {
            problems.add(Violation.of("departments", "account.departments-empty"));
        }
        if (!form.departments().isEmpty() && !form.roles().contains(Role.DEPARTMENT_STAFF)) {
            problems.add(Violation.of("departments", "account.departments-not-for-role"));
        }
        return paths;
    }

    private static String grants(AccountForm form) {
        return "roles=" + form.roles().stream().map(Enum::name).sorted().toList()
                + " units=" + form.units().stream().sorted().toList()
                + " departments=" + form.departments().stream().sorted().toList();
    }
}
