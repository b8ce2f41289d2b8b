package io.gongzhi.platform.internal;

import io.gongzhi.shared.BeforeCommit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.EventPublication.Status;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.modulith.events.core.TargetEventPublication;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The event publication registry's store, written in batches. The reactions a transaction raises
 * are recorded in one statement just before it commits (several case steps sharing a commit each
 * add theirs), so they exist exactly when the changes that raised them do. A reaction that has run
 * is deleted from the registry together with those that ran in the same few milliseconds, one
 * statement and one commit for all of them, instead of one commit to say it started and one to say
 * it ended. What a crash in between loses is only that a completed reaction looks incomplete; it
 * then runs again on restart, and reactions are kept once per event, so it does nothing.
 */
final class PublicationBatches implements EventPublicationRepository, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PublicationBatches.class);
    private static final int BATCH = 500;

    private static final String INSERT = "insert into event_publication (id, event_type, listener_id, publication_date, serialized_event, "
            + "status, completion_attempts, last_resubmission_date) values (?, ?, ?, ?, ?, ?, 1, ?)";
    private static final String WAITING_KEY = "platform.event-publications";

    private final EventPublicationRepository store;
    private final Supplier<JdbcTemplate> jdbc;
    private final Supplier<EventSerializer> serializer;
    private final LinkedBlockingQueue<UUID> completed = new LinkedBlockingQueue<>();
    private final Thread writer;
    private final Object flushed = new Object();
    private volatile boolean open = true;
    private long written;
    private long queued;

    PublicationBatches(EventPublicationRepository store, Supplier<JdbcTemplate> jdbc, Supplier<EventSerializer> serializer) {
        this.store = store;
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.writer = new Thread(this::write, "reaction-completions");
        writer.setDaemon(true);
        writer.start();
    }

    /** Recorded with the running transaction's others just before it commits (at once outside a transaction). */
    @Override
    public TargetEventPublication create(TargetEventPublication publication) {
        BeforeCommit.add(WAITING_KEY, publication, this::insert);
        return publication;
    }

    private void insert(List<TargetEventPublication> publications) {
        var events = serializer.get();
        jdbc.get().batchUpdate(INSERT, publications, publications.size(), (statement, publication) -> {
            var at = Timestamp.from(publication.getPublicationDate());
            statement.setObject(1, publication.getIdentifier());
            statement.setString(2, publication.getEvent().getClass().getName());
            statement.setString(3, publication.getTargetIdentifier().getValue());
            statement.setTimestamp(4, at);
            statement.setString(5, events.serialize(publication.getEvent()).toString());
            statement.setString(6, publication.getStatus().name());
            statement.setTimestamp(7, at);
        });
    }

    /**
     * Not written: a reaction cut off while it ran is run again on restart whether it was marked as
     * running or not, and one that failed is marked failed and run again after the retry pause.
     */
    @Override
    public void markProcessing(UUID identifier) {
    }

    @Override
    public void markCompleted(UUID identifier, Instant completionDate) {
        if (!open) {
            store.markCompleted(identifier, completionDate);
            return;
        }
        synchronized (flushed) {
            queued++;
        }
        completed.add(identifier);
    }

    @Override
    public void markCompleted(Object event, PublicationTargetIdentifier identifier, Instant completionDate) {
        store.markCompleted(event, identifier, completionDate);
    }

    /** Waits until every completion handed in so far is written (tests, shutdown). */
    void flush() throws InterruptedException {
        synchronized (flushed) {
            long target = queued;
            while (written < target && writer.isAlive()) {
                flushed.wait(100);
            }
        }
    }

    private void write() {
        var batch = new ArrayList<UUID>(BATCH);
        while (open || !completed.isEmpty()) {
            try {
                UUID first = completed.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                // the reactions finishing alongside join this batch
                Thread.sleep(10);
                completed.drainTo(batch, BATCH - 1);
                delete(batch);
            } catch (InterruptedException e) {
                open = false;
            }
            batch.clear();
        }
    }

    private void delete(List<UUID> batch) {
        try {
            store.deletePublications(batch);
        } catch (RuntimeException e) {
            // left in the registry: they run again on restart and do nothing the second time
            log.warn("{} completed reaction(s) could not be removed from the registry; they run again on restart, doing nothing: {}",
                    batch.size(), e.getMessage());
        }
        synchronized (flushed) {
            written += batch.size();
            flushed.notifyAll();
        }
    }

    /** Writes what was handed in so far (waiting at most five seconds); later completions go straight to the store. */
    @Override
    public void close() {
        open = false;
        try {
            writer.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void markFailed(UUID identifier) {
        store.markFailed(identifier);
    }

    @Override
    public boolean markResubmitted(UUID identifier, Instant resubmissionDate) {
        return store.markResubmitted(identifier, resubmissionDate);
    }

    @Override
    public List<TargetEventPublication> findIncompletePublications() {
        return store.findIncompletePublications();
    }

    @Override
    public List<TargetEventPublication> findIncompletePublicationsPublishedBefore(Instant instant) {
        return store.findIncompletePublicationsPublishedBefore(instant);
    }

    @Override
    public Optional<TargetEventPublication> findIncompletePublicationsByEventAndTargetIdentifier(Object event,
                                                                                              PublicationTargetIdentifier targetIdentifier) {
        return store.findIncompletePublicationsByEventAndTargetIdentifier(event, targetIdentifier);
    }

    @Override
    public List<TargetEventPublication> findCompletedPublications() {
        return store.findCompletedPublications();
    }

    @Override
    public void deletePublications(List<UUID> identifiers) {
        store.deletePublications(identifiers);
    }

    @Override
    public void deleteCompletedPublications() {
        store.deleteCompletedPublications();
    }

    @Override
    public void deleteCompletedPublicationsBefore(Instant instant) {
        store.deleteCompletedPublicationsBefore(instant);
    }

    @Override
    public List<TargetEventPublication> findFailedPublications(FailedCriteria criteria) {
        return store.findFailedPublications(criteria);
    }

    @Override
    public List<TargetEventPublication> findByStatus(Status status) {
        return store.findByStatus(status);
    }

    @Override
    public int countByStatus(Status status) {
        return store.countByStatus(status);
    }
}
