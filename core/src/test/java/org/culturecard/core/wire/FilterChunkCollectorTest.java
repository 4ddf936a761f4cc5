package org.culturecard.core.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.culturecard.core.ids.VenueId;
import org.culturecard.core.wire.FilterChunks.Problem;
import org.culturecard.core.wire.FilterChunks.Reassembly;
import org.junit.jupiter.api.Test;

/** Gathering chunks as a kiosk's subscription receives them: out of order, repeated, across generations. */
class FilterChunkCollectorTest {
    private static final String OLD = "the older filter, in four chunks";
    private static final String NEW = "the newer filter: five chunks of eight bytes";

    @Test
    void handsOverAGenerationOnceWhenItsLastChunkArrivesInAnyOrderWithRepeats() {
        FilterChunkCollector collector = new FilterChunkCollector(FilterScope.SCHEME, 0);
        List<FilterChunk> chunks = FilterChunksTest.chunksOf(OLD, 4);

        assertThat(collector.accept(chunks.get(2))).isEmpty();
        assertThat(collector.accept(chunks.get(0))).isEmpty();
        assertThat(collector.accept(chunks.get(2))).as("a repeat").isEmpty();
        assertThat(collector.accept(chunks.get(3))).isEmpty();
        assertThat(collector.accept(chunks.get(1))).contains(whole(OLD, 4));
        assertThat(collector.generation()).isEqualTo(4);
        for (FilterChunk again : chunks) {
            assertThat(collector.accept(again)).as("a resubscription's retained chunks").isEmpty();
        }
    }

    @Test
    void aNewerGenerationReplacesAPartlyGatheredOneAndLeftoversOfTheOlderAreDropped() {
        FilterChunkCollector collector = new FilterChunkCollector(FilterScope.SCHEME, 0);
        List<FilterChunk> older = FilterChunksTest.chunksOf(OLD, 4);
        List<FilterChunk> newer = FilterChunksTest.chunksOf(NEW, 5);
        List<Optional<Reassembly>> results = new ArrayList<>();

        results.add(collector.accept(older.get(0)));
        for (int i = 0; i < newer.size() - 1; i++) {
            results.add(collector.accept(newer.get(i)));
        }
        results.add(collector.accept(older.get(3)));
        results.add(collector.accept(newer.get(newer.size() - 1)));

        assertThat(results.subList(0, results.size() - 1)).allMatch(Optional::isEmpty);
        assertThat(results.get(results.size() - 1)).contains(whole(NEW, 5));
    }

    @Test
    void ignoresTheGenerationItAlreadyHasOlderOnesAndOtherScopes() {
        FilterChunkCollector collector = new FilterChunkCollector(FilterScope.SCHEME, 5);
        FilterChunk otherScope = FilterChunks.split(NEW.getBytes(StandardCharsets.US_ASCII), 6,
                FilterScope.of(VenueId.of("museum")), 100).get(0);

        for (FilterChunk chunk : FilterChunksTest.chunksOf(NEW, 5)) {
            assertThat(collector.accept(chunk)).isEmpty();
        }
        assertThat(collector.accept(otherScope)).isEmpty();
        assertThat(collector.generation()).isEqualTo(5);
    }

    @Test
    void aCorruptedGenerationIsRefusedOnceAndCanBeGatheredAgainWhenRepublished() {
        FilterChunkCollector collector = new FilterChunkCollector(FilterScope.SCHEME, 0);
        List<FilterChunk> chunks = FilterChunksTest.chunksOf(OLD, 4);
        FilterChunk c = chunks.get(1);
        FilterChunk damaged = new FilterChunk(c.schema(), c.generation(), c.scope(), c.index(), c.count(),
                c.totalLength(), c.sha256(), chunks.get(2).payload());

        collector.accept(chunks.get(0));
        collector.accept(damaged);
        collector.accept(chunks.get(2));
        Optional<Reassembly> refused = collector.accept(chunks.get(3));

        assertThat(refused).get().isInstanceOf(Reassembly.Refused.class)
                .extracting(r -> ((Reassembly.Refused) r).problem()).isEqualTo(Problem.CORRUPTED);
        assertThat(collector.generation()).isZero();
        Optional<Reassembly> last = Optional.empty();
        for (FilterChunk chunk : chunks) {
            last = collector.accept(chunk);
        }
        assertThat(last).contains(whole(OLD, 4));
    }

    private static Reassembly whole(String text, long generation) {
        return new Reassembly.Whole(FilterScope.SCHEME, generation, text.getBytes(StandardCharsets.US_ASCII));
    }
}
