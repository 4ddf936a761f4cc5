package org.culturecard.sync.agent;

import java.time.Clock;
import org.culturecard.core.wire.FilterChunk;
import org.culturecard.core.wire.FilterChunkCollector;
import org.culturecard.core.wire.FilterChunks;
import org.culturecard.core.wire.FilterScope;
import org.culturecard.core.wire.Topics;
import org.culturecard.core.wire.WireCodec;
import org.culturecard.core.wire.WireFormatException;
import org.culturecard.kioskdb.EnrolledFilterFile;
import org.culturecard.kioskdb.KioskDbException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The enrolled-card filter's way down: gathers the retained chunks central publishes on
 * {@link Topics#filterChunks} for the scheme ({@link FilterChunkCollector}) and stores each newer
 * generation that arrives complete and intact in the kiosk's {@link EnrolledFilterFile}, where the
 * kiosk reads it. A corrupt, mismatched or unreadable set is logged and dropped: the kiosk keeps the
 * filter it has. An empty payload (central clearing a chunk a larger, older filter left) is ignored.
 * Retained chunks come again on every (clean-start) subscription; the generation already stored and
 * older ones are ignored. Confined to the agent's worker.
 */
final class FilterSync {
    private static final Logger log = LoggerFactory.getLogger(MqttSyncAgent.class); // the agent's one log
    static final FilterScope SCOPE = FilterScope.SCHEME;
    /** The subscription, and the prefix of every chunk's topic. */
    static final String TOPICS = Topics.filterChunks(SCOPE);
    private static final String PREFIX = TOPICS.substring(0, TOPICS.length() - 1);

    private final EnrolledFilterFile file;
    private final Clock clock;
    private final WireCodec codec = new WireCodec();
    private FilterChunkCollector collector;

    FilterSync(EnrolledFilterFile file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    /** True for a topic this class takes. */
    static boolean isChunkTopic(String topic) {
        return topic.startsWith(PREFIX);
    }

    /** One retained chunk (or an empty payload clearing one). */
    void chunkArrived(String topic, byte[] payload) {
        if (payload.length == 0) {
            return;
        }
        FilterChunk chunk;
        try {
            chunk = codec.decode(payload, FilterChunk.class);
        } catch (WireFormatException e) {
            log.warn("ignoring an unreadable enrolled-card filter chunk on {}: {}", topic, e.getMessage());
            return;
        }
        if (!Topics.filterChunk(chunk).equals(topic)) {
            log.warn("ignoring {}: it arrived on {}", chunk, topic);
            return;
        }
        collector().accept(chunk).ifPresent(this::assembled);
    }

    /** The generation stored, as this agent knows it (0 for none). */
    long generation() {
        return collector().generation();
    }

    private FilterChunkCollector collector() {
        if (collector == null) {
            collector = new FilterChunkCollector(SCOPE, file.generation());
        }
        return collector;
    }

    private void assembled(FilterChunks.Reassembly reassembly) {
        if (reassembly instanceof FilterChunks.Reassembly.Whole whole) {
            store(whole);
        } else if (reassembly instanceof FilterChunks.Reassembly.Refused refused) {
            log.warn("the enrolled-card filter's chunks do not make a filter ({}: {}); the kiosk keeps generation {}",
                    refused.problem(), refused.detail(), file.generation());
        }
    }

    private void store(FilterChunks.Reassembly.Whole whole) {
        long kept = file.generation();
        try {
            file.store(whole.generation(), clock.instant(), whole.bytes());
            log.info("stored enrolled-card filter generation {} ({} bytes) for the kiosk", whole.generation(),
                    whole.bytes().length);
        } catch (IllegalArgumentException | KioskDbException e) {
            // The collector holds this generation now; a later one is gathered afresh. Forget it so a
            // republished copy of this generation is tried again.
            collector = new FilterChunkCollector(SCOPE, kept);
            log.warn("enrolled-card filter generation {} was not stored ({}); the kiosk keeps generation {}",
                    whole.generation(), e.getMessage(), kept);
        }
    }
}
