package org.culturecard.sync.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.culturecard.sync.agent.FilterChunksForTests.chunks;
import static org.culturecard.sync.agent.FilterChunksForTests.filter;
import static org.culturecard.sync.agent.FilterChunksForTests.token;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.culturecard.core.wire.FilterChunk;
import org.culturecard.core.wire.FilterScope;
import org.culturecard.core.wire.Topics;
import org.culturecard.core.wire.WireCodec;
import org.culturecard.kioskdb.EnrolledFilterFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilterSyncTest {
    private static final Instant NOW = Instant.parse("2026-12-02T09:00:00Z");
    private final WireCodec codec = new WireCodec();
    @TempDir
    Path dir;

    private EnrolledFilterFile file() {
        return EnrolledFilterFile.beside(dir.resolve("kiosk.db"));
    }

    private FilterSync sync() {
        return new FilterSync(file(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private void send(FilterSync sync, FilterChunk chunk) {
        sync.chunkArrived(Topics.filterChunk(chunk), codec.encode(chunk));
    }

    @Test
    void aCompleteSetInAnyOrderIsStoredWithItsGeneration() {
        FilterSync sync = sync();
        List<FilterChunk> chunks = chunks(filter(1, 50), 3, 3);
        send(sync, chunks.get(2));
        send(sync, chunks.get(0));
        assertThat(file().read()).isEmpty();

        send(sync, chunks.get(1));

        EnrolledFilterFile.Stored stored = file().read().orElseThrow();
        assertThat(stored.generation()).isEqualTo(3);
        assertThat(stored.receivedAt()).isEqualTo(NOW);
        assertThat(stored.filter().mayContain(token(1, 49))).isTrue();
        assertThat(sync.generation()).isEqualTo(3);
    }

    @Test
    void aCorruptSetKeepsThePreviousFilter() {
        FilterSync sync = sync();
        chunks(filter(1, 10), 1, 2).forEach(chunk -> send(sync, chunk));
        List<FilterChunk> next = chunks(filter(2, 10), 2, 2);
        FilterChunk bad = next.get(1);
        FilterChunk damaged = FilterChunk.of(2, FilterScope.SCHEME, 1, 2, bad.totalLength(), bad.sha256(),
                "x".repeat(bad.bytes().length).getBytes(StandardCharsets.US_ASCII));

        send(sync, next.get(0));
        send(sync, damaged);

        assertThat(file().generation()).isEqualTo(1);
        assertThat(file().read().orElseThrow().filter().mayContain(token(1, 3))).isTrue();

        next.forEach(chunk -> send(sync, chunk)); // republished intact: taken
        assertThat(file().generation()).isEqualTo(2);
    }

    @Test
    void bytesThatAreNoFilterAreNotStored() {
        FilterSync sync = sync();
        chunks(filter(1, 10), 1, 1).forEach(chunk -> send(sync, chunk));

        chunks("not an enrolled-card filter".getBytes(StandardCharsets.US_ASCII), 5, 2).forEach(chunk -> send(sync, chunk));

        assertThat(file().generation()).isEqualTo(1);
    }

    @Test
    void aPartialSetStoresNothingAndAnOlderGenerationIsIgnored() {
        FilterSync sync = sync();
        chunks(filter(1, 10), 4, 1).forEach(chunk -> send(sync, chunk));
        List<FilterChunk> partial = chunks(filter(2, 10), 5, 3);
        send(sync, partial.get(0));
        send(sync, partial.get(1));
        chunks(filter(3, 10), 2, 1).forEach(chunk -> send(sync, chunk)); // older than the one stored

        assertThat(file().generation()).isEqualTo(4);
        assertThat(file().read().orElseThrow().filter().mayContain(token(1, 0))).isTrue();
    }

    @Test
    void aShrunkFilterIsTakenAndTheClearedChunksIgnored() {
        FilterSync sync = sync();
        chunks(filter(1, 10), 1, 3).forEach(chunk -> send(sync, chunk));
        chunks(filter(2, 10), 2, 1).forEach(chunk -> send(sync, chunk));
        sync.chunkArrived(Topics.filterChunk(FilterScope.SCHEME, 1), new byte[0]);
        sync.chunkArrived(Topics.filterChunk(FilterScope.SCHEME, 2), new byte[0]);

        assertThat(file().read().orElseThrow().generation()).isEqualTo(2);
        assertThat(file().read().orElseThrow().filter().mayContain(token(2, 9))).isTrue();
    }

    @Test
    void aRestartedAgentStartsFromTheStoredGenerationAndUnreadableChunksAreIgnored() {
        FilterSync first = sync();
        chunks(filter(1, 10), 6, 2).forEach(chunk -> send(first, chunk));
        assertThat(file().generation()).isEqualTo(6);

        FilterSync restarted = sync();
        restarted.chunkArrived(Topics.filterChunk(FilterScope.SCHEME, 0), "{not json".getBytes(StandardCharsets.UTF_8));
        FilterChunk misplaced = chunks(filter(3, 10), 9, 2).get(0);
        restarted.chunkArrived(Topics.filterChunk(FilterScope.SCHEME, 1), codec.encode(misplaced));

        assertThat(restarted.generation()).isEqualTo(6);
        assertThat(file().generation()).isEqualTo(6);
        assertThat(FilterSync.isChunkTopic(Topics.filterChunk(FilterScope.SCHEME, 7))).isTrue();
        assertThat(FilterSync.isChunkTopic(Topics.config(TestAgentConfig.VENUE))).isFalse();
    }
}
