package org.culturecard.central.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.culturecard.core.enrolment.EnrolledFilter;
import org.culturecard.core.privacy.Token;
import org.culturecard.core.wire.FilterChunk;
import org.culturecard.core.wire.FilterChunkCollector;
import org.culturecard.core.wire.FilterChunks;
import org.culturecard.core.wire.FilterScope;
import org.culturecard.core.wire.Topics;
import org.culturecard.core.wire.WireCodec;
import org.culturecard.testsupport.time.MutableClock;
import org.junit.jupiter.api.Test;

/**
 * The filter publisher's rules against a store in memory and a broker that keeps retained messages
 * in a map: when it publishes, what, with which generation, and which retained chunks it clears.
 */
class FilterPublisherTest {

    private static final WireCodec CODEC = new WireCodec();
    /** Tokens enough for a filter of two chunks (about 1.23 bytes each, 195,840 a chunk). */
    private static final int TWO_CHUNKS = 170_000;

    private final FakeEnrolledTokens store = new FakeEnrolledTokens();
    private final MutableClock clock = MutableClock.at("2026-06-02T09:00:00Z");
    /** The broker's retained messages by topic (an empty payload clears one). */
    private final Map<String, byte[]> retained = new TreeMap<>();
    private final List<String> published = new ArrayList<>();
    private boolean brokerUp = true;
    private final FilterPublisher publisher = new FilterPublisher(store, (topic, payload) -> {
        if (!brokerUp) {
            return false;
        }
        published.add(topic);
        if (payload.length == 0) {
            retained.remove(topic);
        } else {
            retained.put(topic, payload);
        }
        return true;
    }, CODEC, clock);

    private static String token(int n) {
        byte[] bytes = new byte[32];
        for (int i = 0; i < 4; i++) {
            bytes[i] = (byte) (n >>> (24 - 8 * i));
        }
        bytes[31] = 1;
        return HexFormat.of().formatHex(bytes);
    }

    private static List<String> tokens(int from, int count) {
        List<String> tokens = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            tokens.add(token(i));
        }
        return tokens;
    }

    /** What a kiosk subscribing now gets: the retained chunks, collected. */
    private EnrolledFilter kioskView() throws Exception {
        FilterChunkCollector collector = new FilterChunkCollector(FilterScope.SCHEME, 0);
        Optional<FilterChunks.Reassembly> result = Optional.empty();
        for (byte[] payload : retained.values()) {
            Optional<FilterChunks.Reassembly> r = collector.accept(CODEC.decode(payload, FilterChunk.class));
            if (r.isPresent()) {
                result = r;
            }
        }
        assertThat(result).get().isInstanceOf(FilterChunks.Reassembly.Whole.class);
        return EnrolledFilter.fromBytes(((FilterChunks.Reassembly.Whole) result.orElseThrow()).bytes());
    }

    private static boolean containsAll(EnrolledFilter filter, Collection<String> tokens) {
        return tokens.stream().allMatch(t -> filter.mayContain(Token.of(t)));
    }

    @Test
    void theFirstTickPublishesTheValidTokensOfTodayAndAnUnchangedStoreIsNotRepublished() throws Exception {
        store.tokens.addAll(tokens(0, 10));
        store.stamp = 7;

        FilterPublisher.Published first = publisher.tick();

        assertThat(first).isNotNull();
        assertThat(first.tokens()).isEqualTo(10);
        assertThat(first.chunks()).isEqualTo(1);
        assertThat(first.generation()).isEqualTo(clock.instant().toEpochMilli());
        assertThat(store.askedDay).isEqualTo(LocalDate.of(2026, 6, 2));
        assertThat(retained).containsOnlyKeys(Topics.filterChunk(FilterScope.SCHEME, 0));
        EnrolledFilter filter = kioskView();
        assertThat(filter.size()).isEqualTo(10);
        assertThat(containsAll(filter, store.tokens)).isTrue();
        assertThat(filter.mayContain(Token.of(token(999_999)))).as("a stranger, with this fixed set").isFalse();

        clock.advance(Duration.ofSeconds(30));
        assertThat(publisher.tick()).as("nothing changed").isNull();
    }

    @Test
    void aChangeCueAStampChangeAndANewDayEachRepublishWithAHigherGeneration() {
        store.tokens.addAll(tokens(0, 3));
        long g1 = publisher.tick().generation();

        publisher.changed();
        long g2 = publisher.tick().generation();
        assertThat(g2).as("the same millisecond still gets a new generation").isGreaterThan(g1);

        store.stamp = 1;
        clock.advance(Duration.ofSeconds(30));
        long g3 = publisher.tick().generation();
        assertThat(g3).isGreaterThan(g2);

        clock.set(java.time.Instant.parse("2026-06-03T00:00:01Z"));
        FilterPublisher.Published nextDay = publisher.tick();
        assertThat(nextDay).as("validity ends at midnight").isNotNull();
        assertThat(store.askedDay).isEqualTo(LocalDate.of(2026, 6, 3));
        assertThat(nextDay.generation()).isGreaterThan(g3);
    }

    @Test
    void aProcessThatIsNotThePublisherPublishesNothing() {
        store.tokens.addAll(tokens(0, 3));
        store.leader = false;

        assertThat(publisher.tick()).isNull();
        assertThat(published).isEmpty();
    }

    @Test
    void aShrinkClearsTheHigherRetainedChunksAfterPublishingTheNewOnes() throws Exception {
        store.tokens.addAll(tokens(0, TWO_CHUNKS));
        assertThat(publisher.tick().chunks()).isEqualTo(2);
        assertThat(retained).hasSize(2);

        store.tokens.subList(10, TWO_CHUNKS).clear();
        store.stamp = 2;
        published.clear();
        FilterPublisher.Published shrunk = publisher.tick();

        assertThat(shrunk.chunks()).isEqualTo(1);
        assertThat(published).containsExactly(Topics.filterChunk(FilterScope.SCHEME, 0),
                Topics.filterChunk(FilterScope.SCHEME, 1));
        assertThat(retained).containsOnlyKeys(Topics.filterChunk(FilterScope.SCHEME, 0));
        EnrolledFilter filter = kioskView();
        assertThat(filter.size()).isEqualTo(10);
        assertThat(filter.mayContain(Token.of(token(TWO_CHUNKS - 1))))
                .as("a token no longer enrolled (this fixed one is not a false positive)").isFalse();
    }

    @Test
    void aNewPublisherClearsWhatAnEarlierLargerFilterCouldHaveLeft() {
        retained.put(Topics.filterChunk(FilterScope.SCHEME, 1), new byte[] {1});
        store.tokens.addAll(tokens(0, 5));
        store.ever = TWO_CHUNKS;

        publisher.tick();

        assertThat(retained).containsOnlyKeys(Topics.filterChunk(FilterScope.SCHEME, 0));
    }

    @Test
    void aFailedPublishIsRetriedAtTheNextTick() {
        store.tokens.addAll(tokens(0, 3));
        brokerUp = false;
        assertThat(publisher.tick()).isNull();

        brokerUp = true;
        clock.advance(Duration.ofSeconds(30));
        assertThat(publisher.tick()).isNotNull();
        assertThat(retained).hasSize(1);
    }

    @Test
    void theChunkBoundCoversAnyFilterOfThatManyTokens() {
        assertThat(FilterPublisher.chunkBound(0)).isEqualTo(1);
        EnrolledFilter filter = EnrolledFilter.builder().build();
        assertThat(filter.toBytes().length).isLessThan(FilterChunk.MAX_PAYLOAD_BYTES);
        int tokens = 2_000_000;
        long bytes = 21 + 3 + 123L * tokens / 100;
        assertThat((long) FilterPublisher.chunkBound(tokens) * FilterChunk.MAX_PAYLOAD_BYTES).isGreaterThanOrEqualTo(bytes);
    }
}
