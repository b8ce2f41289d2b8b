package io.gongzhi.platform.internal;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.modulith.events.core.Staleness;
import org.springframework.modulith.events.core.TargetEventPublication;

import java.time.Duration;
import java.util.Collection;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The event publication registry, marking a reaction started and completed without a transaction
 * of its own. Spring Modulith's registry opens a new transaction for each mark (a connection taken
 * from the pool and given back, twice per reaction, on the reaction's thread); here the store
 * writes neither in it ({@link PublicationBatches}: nothing for a start, a completion queued and
 * deleted in batches on a thread of its own), so the transactions held nothing. Everything else,
 * the marking of a failure among it, goes to the registry as Spring Modulith configured it.
 */
final class PublicationMarks implements EventPublicationRegistry, CompletedEventPublications, DisposableBean {

    private final EventPublicationRegistry registry;
    private final EventPublicationRegistry untransacted;

    /** {@code registry} as configured, and the same registry without its transactions ({@code untransacted}). */
    PublicationMarks(EventPublicationRegistry registry, EventPublicationRegistry untransacted) {
        this.registry = registry;
        this.untransacted = untransacted;
    }

    @Override
    public void markProcessing(Object event, PublicationTargetIdentifier identifier) {
        untransacted.markProcessing(event, identifier);
    }

    @Override
    public void markCompleted(Object event, PublicationTargetIdentifier identifier) {
        untransacted.markCompleted(event, identifier);
    }

    @Override
    public Collection<TargetEventPublication> store(Object event, Stream<PublicationTargetIdentifier> listeners) {
        return registry.store(event, listeners);
    }

    @Override
    public Collection<TargetEventPublication> findIncompletePublications() {
        return registry.findIncompletePublications();
    }

    @Override
    public Collection<TargetEventPublication> findIncompletePublicationsOlderThan(Duration duration) {
        return registry.findIncompletePublicationsOlderThan(duration);
    }

    @Override
    public void markFailed(Object event, PublicationTargetIdentifier identifier) {
        registry.markFailed(event, identifier);
    }

    @Override
    public void deleteCompletedPublicationsOlderThan(Duration duration) {
        registry.deleteCompletedPublicationsOlderThan(duration);
    }

    @Override
    public void processIncompletePublications(Predicate<EventPublication> filter, Consumer<TargetEventPublication> consumer,
                                              Duration duration) {
        registry.processIncompletePublications(filter, consumer, duration);
    }

    @Override
    public void processFailedPublications(ResubmissionOptions options, Consumer<TargetEventPublication> consumer) {
        registry.processFailedPublications(options, consumer);
    }

    @Override
    public void markStalePublicationsFailed(Staleness staleness) {
        registry.markStalePublicationsFailed(staleness);
    }

    @Override
    public Collection<? extends EventPublication> findAll() {
        return ((CompletedEventPublications) registry).findAll();
    }

    @Override
    public void deletePublications(Predicate<EventPublication> filter) {
        ((CompletedEventPublications) registry).deletePublications(filter);
    }

    @Override
    public void deletePublicationsOlderThan(Duration duration) {
        ((CompletedEventPublications) registry).deletePublicationsOlderThan(duration);
    }

    /** What the registry says on shutdown (the reactions left unfinished). */
    @Override
    public void destroy() throws Exception {
        if (untransacted instanceof DisposableBean registryItself) {
            registryItself.destroy();
        }
    }
}
