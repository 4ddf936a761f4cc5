package org.culturecard.core.wire;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Gathers the chunks of one scope's filter as they arrive on its retained topics, in any order and
 * with repeats (a resubscription delivers every retained chunk again), and hands over each newer
 * generation once it is complete and intact. Chunks of an older generation than the newest seen
 * are dropped (leftovers of a larger filter, or a central that restarted mid-publish: the kiosk
 * keeps the filter it has until the new generation is whole). Not thread-safe: one subscriber
 * thread feeds it.
 */
public final class FilterChunkCollector {
    private final FilterScope scope;
    private long have;
    private long gathering;
    private final Map<Integer, FilterChunk> chunks = new HashMap<>();

    /**
     * @param scope the scope to gather; chunks of another are ignored
     * @param have  the generation already held (0 for none): it and older ones are ignored
     */
    public FilterChunkCollector(FilterScope scope, long have) {
        this.scope = Objects.requireNonNull(scope, "scope");
        if (have < 0) {
            throw new IllegalArgumentException("have is a generation or 0, not " + have);
        }
        this.have = have;
    }

    /**
     * Takes one chunk. Empty while the newest generation is incomplete (or the chunk was ignored);
     * when it completes, the {@link FilterChunks.Reassembly}: {@code Whole}, which this collector then
     * holds as its generation, or {@code Refused} (a corrupted or mismatched set, which is dropped
     * so that a republished generation can be gathered afresh).
     */
    public Optional<FilterChunks.Reassembly> accept(FilterChunk chunk) {
        if (!chunk.scope().equals(scope) || chunk.generation() <= have || chunk.generation() < gathering) {
            return Optional.empty();
        }
        if (chunk.generation() > gathering) {
            gathering = chunk.generation();
            chunks.clear();
        }
        FilterChunk earlier = chunks.put(chunk.index(), chunk);
        if (chunk.equals(earlier) || chunks.size() < chunk.count()) {
            return Optional.empty();
        }
        FilterChunks.Reassembly result = FilterChunks.reassemble(chunks.values());
        chunks.clear();
        if (result instanceof FilterChunks.Reassembly.Whole whole) {
            have = whole.generation();
        } else {
            gathering = 0;
        }
        return Optional.of(result);
    }

    /** The newest generation handed over (or given at construction), 0 for none. */
    public long generation() {
        return have;
    }
}
