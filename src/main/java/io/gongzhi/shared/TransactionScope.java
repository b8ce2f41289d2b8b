package io.gongzhi.shared;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Values kept for the running transaction only (rows waiting for its commit, cases read ahead for its steps), forgotten when it ends. */
public final class TransactionScope {

    private TransactionScope() {
    }

    /** Keeps {@code value} under {@code key} until the running transaction ends (replacing any); false, and nothing kept, outside one. */
    public static boolean keep(Object key, Object value) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return false;
        }
        TransactionSynchronizationManager.unbindResourceIfPossible(key);
        TransactionSynchronizationManager.bindResource(key, value);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(key);
            }
        });
        return true;
    }

    /** Runs {@code action} when the running transaction ends, committed or not; false, and nothing to run, outside one. */
    public static boolean whenEnded(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return false;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                action.run();
            }
        });
        return true;
    }

    /** What the running transaction keeps under {@code key}; null when nothing (or outside a transaction). */
    @SuppressWarnings("unchecked")
    public static <T> T kept(Object key) {
        return (T) TransactionSynchronizationManager.getResource(key);
    }
}
