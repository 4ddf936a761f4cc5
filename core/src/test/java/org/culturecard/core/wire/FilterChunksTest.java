package org.culturecard.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.culturecard.core.ids.VenueId;
import org.culturecard.core.wire.FilterChunks.Problem;
import org.culturecard.core.wire.FilterChunks.Reassembly;
import org.junit.jupiter.api.Test;
import org.culturecard.core.wire.golden.IdentityGoldens;

/**
 * Splitting a filter into chunks for retained topics and putting it back: every chunk fits the
 * broker's packet limit, any order works, and a missing, duplicate, mixed-generation, mismatched or
 * corrupted chunk is refused, never made into a filter.
 */
class FilterChunksTest {
    private static final FilterScope SCHEME = FilterScope.SCHEME;
    private final WireCodec codec = new WireCodec();

    @Property(tries = 200)
    void anySplitReassemblesInAnyOrderToTheSameBytes(@ForAll @IntRange(min = 1, max = 3000) int length,
            @ForAll @IntRange(min = 6, max = 700) int chunkBytes, @ForAll long seed) {
        byte[] whole = new byte[length];
        new Random(seed).nextBytes(whole);
        List<FilterChunk> chunks = new ArrayList<>(FilterChunks.split(whole, 3, SCHEME, chunkBytes));
        Collections.shuffle(chunks, new Random(~seed));

        assertThat(FilterChunks.reassemble(chunks)).isEqualTo(new Reassembly.Whole(SCHEME, 3, whole));
    }

    @Test
    void everyChunkOfALargeFilterIsAtMostAQuarterMebibyteOnTheWireAndDecodesBack() throws Exception {
        byte[] whole = new byte[3 * FilterChunk.MAX_PAYLOAD_BYTES + 5];
        new Random(1).nextBytes(whole);
        List<FilterChunk> chunks = FilterChunks.split(whole, Long.MAX_VALUE, FilterScope.of(VenueId.of("v".repeat(64))));

        assertThat(chunks).hasSize(4);
        List<FilterChunk> decoded = new ArrayList<>();
        for (FilterChunk chunk : chunks) {
            byte[] json = codec.encode(chunk);
            assertThat(json.length).as("chunk %s", chunk.index()).isLessThanOrEqualTo(FilterChunk.MAX_MESSAGE_BYTES);
            decoded.add(codec.decode(json, FilterChunk.class));
        }
        assertThat(decoded).isEqualTo(chunks);
        assertThat(((Reassembly.Whole) FilterChunks.reassemble(decoded)).bytes()).isEqualTo(whole);
    }

    @Test
    void theWidestLegalChunkFitsAQuarterMebibyteAndTheBrokersPacketLimitWithRoomToSpare() {
        FilterChunk widest = new FilterChunk(Schemas.FILTER_CHUNK, Long.MAX_VALUE, FilterScope.of(VenueId.of("v".repeat(64))),
                FilterChunk.MAX_CHUNKS - 1, FilterChunk.MAX_CHUNKS, FilterChunk.MAX_CHUNKS * FilterChunk.MAX_PAYLOAD_BYTES,
                "f".repeat(64), Base64.getEncoder().encodeToString(new byte[FilterChunk.MAX_PAYLOAD_BYTES]));
        int brokerMaxPacketSize = 671_744; // ADR 0007
        int longestTopic = Topics.filterChunk(widest).length();

        assertThat(codec.encode(widest).length).isLessThanOrEqualTo(FilterChunk.MAX_MESSAGE_BYTES);
        assertThat(FilterChunk.MAX_MESSAGE_BYTES + longestTopic + 1024).isLessThan(brokerMaxPacketSize);
    }

    @Test
    void refusesAMissingChunk() {
        List<FilterChunk> chunks = new ArrayList<>(chunksOf("a filter in four chunks of eight", 7));
        chunks.remove(2);

        assertThat(FilterChunks.reassemble(chunks)).isEqualTo(new Reassembly.Refused(Problem.MISSING,
                "1 of 4 chunks missing, the first is 2"));
        assertThat(FilterChunks.reassemble(List.of())).isInstanceOf(Reassembly.Refused.class)
                .extracting(r -> ((Reassembly.Refused) r).problem()).isEqualTo(Problem.MISSING);
    }

    @Test
    void refusesADuplicateChunk() {
        List<FilterChunk> chunks = new ArrayList<>(chunksOf("a filter in four chunks of eight", 7));
        chunks.set(3, chunks.get(1));

        assertThat(problemOf(chunks)).isEqualTo(Problem.DUPLICATE);
    }

    @Test
    void refusesChunksOfTwoGenerations() {
        List<FilterChunk> chunks = new ArrayList<>(chunksOf("a filter in four chunks of eight", 7));
        chunks.set(2, chunksOf("a filter in four chunks of eight", 8).get(2));

        assertThat(problemOf(chunks)).isEqualTo(Problem.MIXED_GENERATIONS);
    }

    @Test
    void refusesChunksOfOneGenerationThatDisagree() {
        List<FilterChunk> chunks = new ArrayList<>(chunksOf("a filter in four chunks of eight", 7));
        chunks.set(2, chunksOf("another filter,  four chunks too", 7).get(2));

        assertThat(problemOf(chunks)).as("a different SHA-256").isEqualTo(Problem.MISMATCHED);
        List<FilterChunk> otherScope = new ArrayList<>(chunksOf("a filter in four chunks of eight", 7));
        FilterChunk c = otherScope.get(0);
        otherScope.set(0, new FilterChunk(c.schema(), c.generation(), FilterScope.of(VenueId.of("museum")), c.index(),
                c.count(), c.totalLength(), c.sha256(), c.payload()));
        assertThat(problemOf(otherScope)).isEqualTo(Problem.MISMATCHED);
    }

    @Test
    void refusesACorruptedChunk() {
        List<FilterChunk> chunks = new ArrayList<>(chunksOf("a filter in four chunks of eight", 7));
        FilterChunk c = chunks.get(1);
        String flipped = Base64.getEncoder().encodeToString("in foUr ".getBytes(StandardCharsets.US_ASCII));
        chunks.set(1, new FilterChunk(c.schema(), c.generation(), c.scope(), c.index(), c.count(), c.totalLength(),
                c.sha256(), flipped));

        assertThat(FilterChunks.reassemble(chunks)).isEqualTo(new Reassembly.Refused(Problem.CORRUPTED,
                "the joined bytes do not have the announced SHA-256"));
        String shorter = Base64.getEncoder().encodeToString("in four".getBytes(StandardCharsets.US_ASCII));
        chunks.set(1, new FilterChunk(c.schema(), c.generation(), c.scope(), c.index(), c.count(), c.totalLength(),
                c.sha256(), shorter));
        assertThat(problemOf(chunks)).as("a chunk a byte short").isEqualTo(Problem.CORRUPTED);
    }

    @Test
    void aChunkIsValidatedFieldByField() {
        String sha = "0".repeat(64);
        String payload = Base64.getEncoder().encodeToString(new byte[] {1, 2, 3});

        assertThatThrownBy(() -> new FilterChunk("culturecard.filter-chunk.v2", 1, SCHEME, 0, 1, 3, sha, payload))
                .hasMessageContaining("schema");
        assertThatThrownBy(() -> FilterChunk.of(0, SCHEME, 0, 1, 3, sha, new byte[3])).hasMessageContaining("generation");
        assertThatThrownBy(() -> FilterChunk.of(1, SCHEME, 1, 1, 3, sha, new byte[3])).hasMessageContaining("index");
        assertThatThrownBy(() -> FilterChunk.of(1, SCHEME, 0, FilterChunk.MAX_CHUNKS + 1, 3, sha, new byte[3]))
                .hasMessageContaining("count");
        assertThatThrownBy(() -> FilterChunk.of(1, SCHEME, 0, 2, 1, sha, new byte[1])).hasMessageContaining("totalLength");
        assertThatThrownBy(() -> FilterChunk.of(1, SCHEME, 0, 1, 2, sha, new byte[3])).hasMessageContaining("more than totalLength");
        assertThatThrownBy(() -> FilterChunk.of(1, SCHEME, 0, 1, 3, "F".repeat(64), new byte[3])).hasMessageContaining("sha256");
        assertThatThrownBy(() -> FilterChunk.of(1, SCHEME, 0, 1, 3, sha, new byte[0])).hasMessageContaining("payload");
        assertThatThrownBy(() -> new FilterChunk(Schemas.FILTER_CHUNK, 1, SCHEME, 0, 1, 3, sha, "AQID!"))
                .hasMessageContaining("Base64");
        assertThatThrownBy(() -> FilterScope.of("Museum")).hasMessageContaining("scope");
        assertThat(FilterChunk.of(1, SCHEME, 0, 1, 3, sha, new byte[] {1, 2, 3}).toString())
                .doesNotContain(payload).contains("_scheme generation 1");
    }

    @Test
    void aChunkFromALaterCentralWithFieldsThisVersionDoesNotKnowIsStillRead() throws Exception {
        FilterChunk chunk = chunksOf("a filter in four chunks of eight", 7).get(0);
        String json = new String(codec.encode(chunk), StandardCharsets.UTF_8)
                .replace("\"index\":", "\"compression\":\"none\",\"index\":");

        assertThat(codec.decode(json.getBytes(StandardCharsets.UTF_8), FilterChunk.class)).isEqualTo(chunk);
    }

    @Test
    void otherMessagesKeepTheShortStringLimit() {
        String json = new String(codec.encode(IdentityGoldens.enrolmentBatch()), StandardCharsets.UTF_8)
                .replace("\"kind\":\"ENROL\"", "\"kind\":\"" + "E".repeat(WireCodec.MAX_STRING_LENGTH + 1) + "\"");

        assertThatThrownBy(() -> codec.decode(json.getBytes(StandardCharsets.UTF_8), EnrolmentBatch.class))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("String value length");
    }

    @Test
    void eachChunkHasItsOwnRetainedTopicUnderItsScope() {
        assertThat(Topics.filterChunk(SCHEME, 0)).isEqualTo("culturecard/v1/_scheme/down/filter/enrolled/0");
        assertThat(Topics.filterChunk(FilterScope.of(VenueId.of("museum")), 12))
                .isEqualTo("culturecard/v1/museum/down/filter/enrolled/12");
        assertThat(Topics.filterChunks(SCHEME)).isEqualTo("culturecard/v1/_scheme/down/filter/enrolled/+");
        assertThat(Topics.filterChunk(chunksOf("a filter in four chunks of eight", 7).get(3)))
                .isEqualTo("culturecard/v1/_scheme/down/filter/enrolled/3");
        assertThat(Topics.parseKioskTopic(Topics.filterChunk(SCHEME, 0))).isEmpty();
        assertThatThrownBy(() -> Topics.filterChunk(SCHEME, FilterChunk.MAX_CHUNKS)).hasMessageContaining("index");
        assertThat(FilterScope.SCHEME.venue()).isEmpty();
        assertThat(FilterScope.of("museum").venue()).contains(VenueId.of("museum"));
    }

    /** {@code text} split into chunks of 8 bytes. */
    static List<FilterChunk> chunksOf(String text, long generation) {
        return FilterChunks.split(text.getBytes(StandardCharsets.US_ASCII), generation, SCHEME, 8);
    }

    private static Problem problemOf(List<FilterChunk> chunks) {
        Reassembly result = FilterChunks.reassemble(chunks);
        assertThat(result).isInstanceOf(Reassembly.Refused.class);
        return ((Reassembly.Refused) result).problem();
    }
}
