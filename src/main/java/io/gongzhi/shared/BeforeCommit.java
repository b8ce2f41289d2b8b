package io.gongzhi.shared;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Rows a transaction gathers to write in one batch just before it commits (several steps
 * sharing a commit each add theirs): they exist exactly when the transaction's other changes do,
 * and cost one round trip together instead of one each.
 */
public final class BeforeCommit {

    private BeforeCommit() {
    }

    /**
     * The running transaction's rows under {@code key}, to add to; the first call registers
     * {@code send} to write them before the commit. Null outside a transaction (write at once).
     */
    public static <T> List<T> rows(String key, Consumer<List<T>> send) {
        List<T> rows = TransactionScope.kept(key);
        if (rows == null) {
            var gathered = new ArrayList<T>();
            if (!TransactionScope.keep(key, gathered)) {
                return null;
            }
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    List<T> all = take(key);
                    if (!all.isEmpty()) {
                        send.accept(all);
                    }
                }
            });
            rows = gathered;
        }
        return rows;
    }

    /**
     * Adds {@code row} to the running transaction's rows under {@code key}, for {@code send} to
     * write with the others just before the commit; outside a transaction, writes it at once.
     */
    public static <T> void add(String key, T row, Consumer<List<T>> send) {
        List<T> rows = rows(key, send);
        if (rows != null) {
            rows.add(row);
        } else {
            send.accept(List.of(row));
        }
    }

    /** Writes the rows gathered under {@code key} so far now, ahead of a statement that must see them. */
    public static <T> void sendNow(String key, Consumer<List<T>> send) {
        List<T> rows = take(key);
        if (!rows.isEmpty()) {
            send.accept(rows);
        }
    }

    /** The rows gathered under {@code key} so far, taken out (to write them now, ahead of a row that cannot wait). */
    @SuppressWarnings("unchecked")
    public static <T> List<T> take(String key) {
        if (TransactionScope.kept(key) instanceof List<?> rows && !rows.isEmpty()) {
            var taken = new ArrayList<>((List<T>) rows);
            rows.clear();
            return taken;
        }
        return List.of();
    }
}
