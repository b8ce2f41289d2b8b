package io.gongzhi.identity;

import io.gongzhi.identity.internal.AccountStore;
import io.gongzhi.identity.internal.Passwords;
import io.gongzhi.shared.InvalidInput;
import io.gongzhi.shared.Violation;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The accounts API: create accounts, look them up, reset a password. Pages and commands both call this. */
@Service
public class Accounts {

    private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{2,63}");

    private final AccountStore store;
    private final PasswordEncoder encoder;
    private final Clock clock;

    Accounts(AccountStore store, PasswordEncoder encoder, Clock clock) {
        this.store = store;
        this.encoder = encoder;
        this.clock = clock;
    }

    /** A new account; answers every problem with the input at once. */
    @Transactional
    public Account create(String username, String displayName, Set<Role> roles, String password) {
        var problems = new ArrayList<Violation>();
        if (username == null || !USERNAME.matcher(username).matches()) {
            problems.add(Violation.of("username", "account.username-invalid"));
        } else if (store.findByUsername(username).isPresent()) {
            problems.add(Violation.of("username", "account.username-taken", username));
        }
        if (displayName == null || displayName.isBlank() || displayName.length() > 100) {
            problems.add(Violation.of("displayName", "account.display-name-invalid"));
        }
        if (roles == null || roles.isEmpty()) {
            problems.add(Violation.of("roles", "account.roles-empty"));
        }
        if (password == null || password.length() < Passwords.MINIMUM_LENGTH) {
            problems.add(Violation.of("password", "account.password-too-short", Passwords.MINIMUM_LENGTH));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        Instant now = clock.instant();
        long id = store.insert(username, displayName.strip(), encoder.encode(password), roles, now);
        return store.findById(id).orElseThrow();
    }

    public Optional<Account> find(String username) {
        return store.findByUsername(username);
    }

    public long count() {
        return store.count();
    }

    public List<Account> all() {
        return store.findAll();
    }

    /** Sets a new random password and answers it, for the one person who will pass it on. */
    @Transactional
    public String resetPassword(String username) {
        var account = store.findByUsername(username)
                .orElseThrow(() -> new InvalidInput(Violation.of("username", "account.unknown", username)));
        String password = Passwords.generate();
        store.updatePassword(account.id(), encoder.encode(password), clock.instant());
        return password;
    }
}
