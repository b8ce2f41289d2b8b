package io.gongzhi.audit;

import io.gongzhi.audit.internal.AuditStore;
import io.gongzhi.shared.Actor;
import io.gongzhi.shared.BeforeCommit;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes the operation log. A row is written in the caller's transaction, so it exists
 * exactly when the audited change does; with no transaction it gets its own. Objects and
 * details name things by id and never carry personal information. Reads that must be
 * audited (a personal record shown, unmasked or exported) run in a read-write transaction,
 * since the audit row is a write.
 */
@Service
public class Audit {

    /** The running transaction's chain, bound on its first row (package-visible for the tamper tests). */
    static final String CHAIN_KEY = Audit.class.getName() + ".chain";
    private static final String WAITING_KEY = Audit.class.getName() + ".waiting";

    private final AuditStore store;
    private final Clock clock;

    private final TransactionTemplate transactions;

    Audit(AuditStore store, Clock clock, PlatformTransactionManager transactionManager) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.store = store;
        this.clock = clock;
    }

    /** Records what the current actor did. */
    @Transactional
    public AuditRecord record(String action, String object, Outcome outcome) {
        return record(currentActor(), action, object, outcome, "");
    }

    @Transactional
    public AuditRecord record(String action, String object, Outcome outcome, String detail) {
        return record(currentActor(), action, object, outcome, detail);
    }

    /** Nobody signed in and no request: the platform itself (start-up work such as loading demo data). */
    private static Actor currentActor() {
        Actor actor = Actor.current();
        if (actor == Actor.ANONYMOUS && RequestContextHolder.getRequestAttributes() == null) {
            return SYSTEM;
        }
        return actor;
    }

    private static final Actor SYSTEM = new Actor(null, "system", java.util.Set.of(), java.util.Set.of(), io.gongzhi.shared.Jurisdiction.NONE);

    /** Records what {@code actor} did, for events where nobody is signed in yet (a sign-in attempt). */
    @Transactional
    public AuditRecord record(Actor actor, String action, String object, Outcome outcome, String detail) {
        int chain = chainForThisTransaction();
        return store.append(chain, entry(actor, action, object, outcome, detail));
    }

    /**
     * Records what {@code actor} did on {@code connection}, in the transaction it is in: bulk work
     * that writes through a connection of its own (a COPY, a load that sets indexes aside) keeps
     * its audit row in the same commit as its data. Write it just before that commit: the row
     * holds its chain's head until then.
     */
    public AuditRecord recordOn(Connection connection, Actor actor, String action, String object, Outcome outcome, String detail) {
        var single = new SingleConnectionDataSource(connection, true);
        return store.appendAll(JdbcClient.create(single), new JdbcTemplate(single), ThreadLocalRandom.current().nextInt(AuditStore.CHAINS),
                List.of(entry(actor, action, object, outcome, detail))).get(0);
    }

    /**
     * Records what {@code actor} did as part of the running transaction, written just before it
     * commits together with every other row the transaction recorded this way: one lock of the
     * chain's head, held only for the commit, and one batch of rows, however many steps a
     * transaction carries (the case loop's shared commits). The row exists exactly when the
     * transaction's changes do, as with {@link #record}; outside a transaction it is {@link #record}.
     */
    public void recordAtCommit(Actor actor, String action, String object, Outcome outcome, String detail) {
        int chain = chainForThisTransaction();
        List<AuditStore.Entry> waiting = BeforeCommit.rows(WAITING_KEY, rows -> store.appendAll(chain, rows));
        if (waiting == null) {
            transactions.executeWithoutResult(status -> record(actor, action, object, outcome, detail));
            return;
        }
        waiting.add(entry(actor, action, object, outcome, detail));
    }

    private AuditStore.Entry entry(Actor actor, String action, String object, Outcome outcome, String detail) {
        // timestamptz keeps microseconds: hash what the database will give back
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return new AuditStore.Entry(at, cut(actor.username(), 80), actor.accountId(), cut(actor.roleList(), 400),
                cut(actor.jurisdiction().toString(), 2000), action, cut(object == null ? "" : object, 200), outcome,
                cut(clientAddress(), 64), cut(detail == null ? "" : detail, 1000));
    }

    /**
     * One chain per transaction: two rows in one transaction never lock two chains, so two
     * transactions can never wait for each other's chains.
     */
    private static int chainForThisTransaction() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            Object chain = TransactionSynchronizationManager.getResource(CHAIN_KEY);
            if (chain == null) {
                chain = ThreadLocalRandom.current().nextInt(AuditStore.CHAINS);
                TransactionSynchronizationManager.bindResource(CHAIN_KEY, chain);
                TransactionSynchronizationManager.registerSynchronization(new org.springframework.transaction.support.TransactionSynchronization() {
                    @Override
                    public void afterCompletion(int status) {
                        TransactionSynchronizationManager.unbindResourceIfPossible(CHAIN_KEY);
                    }
                });
            }
            return (Integer) chain;
        }
        return ThreadLocalRandom.current().nextInt(AuditStore.CHAINS);
    }

    private static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return "console";
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
