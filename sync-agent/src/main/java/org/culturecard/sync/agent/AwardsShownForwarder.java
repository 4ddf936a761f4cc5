package org.culturecard.sync.agent;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.culturecard.core.wire.AwardsShown;
import org.culturecard.core.wire.Topics;
import org.culturecard.sync.config.SyncConfig;

/**
 * Tells central which awards this kiosk has shown (ADR 0037): the rows of kiosk-db's
 * {@code awards_shown_outbox} go on {@code up/awards-shown} as {@link AwardsShown} batches and are marked
 * reported only on central's ack ({@link AckedForwarder}'s rules). Central sets {@code shown_at} once, so a
 * redelivery changes nothing. Confined to the agent's worker.
 */
final class AwardsShownForwarder {

    /** The kiosk's shown-awards outbox as the forwarder uses it (kiosk-db's {@code AwardsToShow} in production). */
    interface ShownOutbox {
        /** At most {@code limit} shown awards central has not acknowledged, oldest first. */
        List<AwardsShown.Shown> unreported(int limit);

        /** Central acked these; returns how many became reported now. */
        int reported(List<AwardsShown.Shown> shown, Instant at);
    }

    private final AckedForwarder<AwardsShown.Shown> forwarder;

    AwardsShownForwarder(SyncConfig config, ShownOutbox shown, Link link, Clock clock, Supplier<UUID> ids) {
        AckedForwarder.Outbox<AwardsShown.Shown> outbox = new AckedForwarder.Outbox<>() {
            @Override
            public List<AwardsShown.Shown> pending(int limit) {
                return shown.unreported(limit);
            }

            @Override
            public int markDelivered(List<AwardsShown.Shown> records, Instant at) {
                return shown.reported(records, at);
            }

            @Override
            public Object batch(UUID batchId, Instant sentAt, List<AwardsShown.Shown> records) {
                return AwardsShown.of(batchId, config.kioskId(), config.venueId(), sentAt, records);
            }
        };
        this.forwarder = new AckedForwarder<>(config, outbox, link, clock, ids,
                Topics.awardsShown(config.venueId(), config.kioskId()), "awards-shown", AwardsShown.MAX_SHOWN);
    }

    /** The connection is new or gone: the batch in flight, if any, goes out again. */
    void reset() {
        forwarder.reset();
    }

    /** Sends the oldest unreported awards as one batch, unless one is awaiting its ack. */
    void pump() {
        forwarder.pump();
    }

    /** True when {@code payload} acked the batch in flight (then its awards are reported). */
    boolean ackArrived(byte[] payload) {
        return forwarder.ackArrived(payload);
    }

    /** Forgets a batch central has not acked within the ack timeout: its awards go out again. */
    void expireUnacked(Instant now) {
        forwarder.expireUnacked(now);
    }
}
