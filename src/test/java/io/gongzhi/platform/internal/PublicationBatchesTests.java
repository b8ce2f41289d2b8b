package io.gongzhi.platform.internal;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.events.core.EventPublicationRepository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/** What a completed reaction leaves behind: removed from the registry in batches, none lost, none twice. */
class PublicationBatchesTests {

    private final EventPublicationRepository store = mock(EventPublicationRepository.class);
    private final List<List<UUID>> deletes = new CopyOnWriteArrayList<>();

    @Test
    void reactionsCompletingTogetherAreRemovedInFewStatementsAndEachOnce() throws Exception {
        doAnswer(call -> deletes.add(new ArrayList<>(call.<List<UUID>>getArgument(0)))).when(store).deletePublications(anyList());
        var ids = IntStream.range(0, 2_000).mapToObj(i -> UUID.randomUUID()).toList();
        try (var completions = new PublicationBatches(store, () -> null, () -> null)) {
            ids.parallelStream().forEach(id -> completions.markCompleted(id, Instant.now()));
            completions.flush();

            Set<UUID> deleted = new HashSet<>();
            deletes.forEach(deleted::addAll);
            assertThat(deleted).containsExactlyInAnyOrderElementsOf(ids);
            assertThat(deletes.stream().mapToInt(List::size).sum()).isEqualTo(ids.size());
            assertThat(deletes).hasSizeLessThan(ids.size() / 4);
            verify(store, never()).markCompleted(any(UUID.class), any(Instant.class));
        }
    }

    @Test
    void aBatchTheDatabaseRefusedDoesNotStopTheNext() throws Exception {
        var refused = UUID.randomUUID();
        var next = UUID.randomUUID();
        doAnswer(call -> {
            List<UUID> batch = call.getArgument(0);
            if (batch.contains(refused)) {
                throw new IllegalStateException("database away");
            }
            return deletes.add(new ArrayList<>(batch));
        }).when(store).deletePublications(anyList());
        try (var completions = new PublicationBatches(store, () -> null, () -> null)) {
            completions.markCompleted(refused, Instant.now());
            completions.flush();
            completions.markCompleted(next, Instant.now());
            completions.flush();
        }
        assertThat(deletes).containsExactly(List.of(next));
    }

    @Test
    void whatIsHandedInBeforeStoppingIsWrittenAndWhatComesAfterGoesStraightToTheStore() throws Exception {
        doAnswer(call -> deletes.add(new ArrayList<>(call.<List<UUID>>getArgument(0)))).when(store).deletePublications(anyList());
        var before = UUID.randomUUID();
        var after = UUID.randomUUID();
        var completions = new PublicationBatches(store, () -> null, () -> null);
        completions.markCompleted(before, Instant.now());
        completions.close();
        completions.markCompleted(after, Instant.EPOCH);

        assertThat(deletes).containsExactly(List.of(before));
        verify(store).markCompleted(after, Instant.EPOCH);
    }
}
