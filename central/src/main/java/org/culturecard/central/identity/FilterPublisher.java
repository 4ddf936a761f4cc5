package org.culturecard.central.identity;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import org.culturecard.central.store.EnrolledTokens;
import org.culturecard.core.enrolment.EnrolledFilter;
import org.culturecard.core.wire.FilterChunk;
import org.culturecard.core.wire.FilterChunks;
import org.culturecard.core.wire.FilterScope;
import org.culturecard.core.wire.Topics;
import org.culturecard.core.wire.WireCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the scheme-wide enrolled-card filter (issue 13 item 5): the {@link EnrolledFilter} over
 * every token of a person with a valid enrolment today, not lost, as retained chunks on
 * {@link Topics#filterChunk} with a new generation, then clears the retained chunks above them that
 * an earlier, larger generation left (an empty retained payload).
 *
 * <p>{@link #tick()} is run by a schedule every N seconds (and once at start): it publishes only
 * while this process holds the publisher lock ({@link EnrolledTokens#lead()}: one central publishes,
 * however many run), and only when something changed since its last publish: an identity change
 * committed by any process (the {@linkplain EnrolledTokens#stamp() stamp}), the UTC day (validity
 * ends at midnight), a {@link #changed()} from the enrolment worker, or a publish that failed. So the
 * filter goes out at most once every N seconds, and within N seconds of a change. Generations are
 * the publish time in milliseconds (at least one more than the last), so a process that takes over
 * after another continues the sequence. Not thread-safe apart from {@link #changed()}: one schedule
 * thread runs it.
 */
public final class FilterPublisher implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(FilterPublisher.class);

    /** Publishes one retained message at QoS 1 and waits for the broker's ack; false when it did not. */
    @FunctionalInterface
    public interface RetainedPublisher {
        boolean publish(String topic, byte[] payload);
    }

    /** What the last publish covered: the identity stamp and the UTC day. */
    private record Basis(long stamp, LocalDate day) {
    }

    /** One publish: its generation, chunks, the tokens it covers, and the time it took to build. */
    public record Published(long generation, int chunks, int tokens, int bytes, long buildMillis) {
    }

    private final EnrolledTokens store;
    private final RetainedPublisher broker;
    private final WireCodec codec;
    private final Clock clock;
    private volatile boolean dirty = true;
    private Basis published;
    private long generation;
    /** Chunk indexes below this may hold an earlier generation's retained chunk; -1 until the first publish. */
    private int retainedBound = -1;

    public FilterPublisher(EnrolledTokens store, RetainedPublisher broker, WireCodec codec, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.broker = Objects.requireNonNull(broker, "broker");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The enrolment worker's cue: people changed; the next tick publishes. */
    public void changed() {
        dirty = true;
    }

    @Override
    public void run() {
        tick();
    }

    /**
     * Publishes the filter when this process is the publisher and something changed; returns what
     * it published, or null when it did not.
     */
    public Published tick() {
        if (!store.lead()) {
            published = null;
            retainedBound = -1;
            return null;
        }
        Instant now = clock.instant();
        Basis basis = new Basis(store.stamp(), now.atOffset(ZoneOffset.UTC).toLocalDate());
        if (!dirty && basis.equals(published)) {
            return null;
        }
        dirty = false;
        Published result = publish(basis.day(), now);
        if (result == null) {
            dirty = true;
        } else {
            published = basis;
        }
        return result;
    }

    private Published publish(LocalDate day, Instant now) {
        long started = System.nanoTime();
        EnrolledFilter.Builder builder = EnrolledFilter.builder();
        int tokens = store.validTokens(day, now, builder::add);
        byte[] bytes = builder.build().toBytes();
        long buildMillis = (System.nanoTime() - started) / 1_000_000;
        if (retainedBound < 0) {
            retainedBound = chunkBound(store.everEnrolled());
        }
        generation = Math.max(generation + 1, now.toEpochMilli());
        List<FilterChunk> chunks = FilterChunks.split(bytes, generation, FilterScope.SCHEME);
        for (FilterChunk chunk : chunks) {
            if (!broker.publish(Topics.filterChunk(chunk), codec.encode(chunk))) {
                LOG.warn("enrolled-card filter generation {} not published (broker unreachable); the next tick tries again",
                        generation);
                return null;
            }
        }
        for (int index = chunks.size(); index < retainedBound; index++) {
            if (!broker.publish(Topics.filterChunk(FilterScope.SCHEME, index), new byte[0])) {
                LOG.warn("retained filter chunk {} not cleared; the next tick tries again", index);
                return null;
            }
        }
        retainedBound = chunks.size();
        LOG.info("published enrolled-card filter generation {}: {} tokens, {} bytes in {} chunks, built in {} ms", generation,
                tokens, bytes.length, chunks.size(), buildMillis);
        return new Published(generation, chunks.size(), tokens, bytes.length, buildMillis);
    }

    /**
     * An upper bound on the chunk count of any filter of at most {@code tokens} tokens: a filter is
     * a few dozen bytes of header and about 1.23 bytes a key (at least {@link EnrolledFilter#MIN_KEYS}).
     */
    static int chunkBound(int tokens) {
        long bytes = 64 + 5L * Math.max(tokens, EnrolledFilter.MIN_KEYS) / 4;
        return (int) Math.min(FilterChunk.MAX_CHUNKS, bytes / FilterChunk.MAX_PAYLOAD_BYTES + 1);
    }
}
