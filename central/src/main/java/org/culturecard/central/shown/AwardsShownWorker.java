package org.culturecard.central.shown;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.culturecard.central.deadletter.DeadLetters;
import org.culturecard.central.ingest.KioskMessages;
import org.culturecard.central.ingest.StoreRetry;
import org.culturecard.central.ingest.VenueBinding;
import org.culturecard.central.store.ReasonClass;
import org.culturecard.core.wire.AwardsShown;
import org.culturecard.core.wire.BatchAck;
import org.culturecard.core.wire.Topics;
import org.culturecard.core.wire.WireCodec;
import org.culturecard.mqttlink.BrokerEndpoint;
import org.culturecard.mqttlink.DurableSubscriber;
import org.culturecard.mqttlink.Inbound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Central's "awards shown" ingest (ADR 0037): a member of the shared subscription
 * {@link Topics#SHARED_AWARDS_SHOWN}. Each report is validated like every upward message
 * ({@link KioskMessages}: our topic, a registered kiosk at the topic's venue, a current {@link AwardsShown}
 * naming the topic's kiosk and venue), else dead-lettered whole. Its records set {@code shown_at} once
 * ({@link ShownAwardRows}); a record of an award the token's person does not hold is dead-lettered with the
 * payload. The report is then acked to the kiosk ({@link BatchAck}: {@code inserted} marked now,
 * {@code duplicates} marked before) and completed. A few a minute: handled on the callback thread.
 */
public final class AwardsShownWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AwardsShownWorker.class);
    /** 100 records of about 160 bytes, with room to spare. */
    static final int MAX_BYTES = 32 * 1024;

    private final KioskMessages<AwardsShown> messages;
    private final ShownAwardRows rows;
    private final DeadLetters deadLetters;
    private final WireCodec codec;
    private final Clock clock;
    private final DurableSubscriber subscriber;
    private volatile boolean closed;

    public AwardsShownWorker(BrokerEndpoint broker, String clientId, VenueBinding venues, ShownAwardRows rows,
            DeadLetters deadLetters, WireCodec codec, Clock clock) {
        this.messages = messages(codec, venues);
        this.rows = rows;
        this.deadLetters = deadLetters;
        this.codec = codec;
        this.clock = clock;
        this.subscriber = new DurableSubscriber(broker, clientId, Topics.SHARED_AWARDS_SHOWN, this::handle);
    }

    /** The validation of an {@code up/awards-shown} message. */
    static KioskMessages<AwardsShown> messages(WireCodec codec, VenueBinding venues) {
        return new KioskMessages<>(codec, venues, "up/awards-shown", AwardsShown.class, MAX_BYTES,
                AwardsShown::kioskId, AwardsShown::venueId);
    }

    public AwardsShownWorker start() {
        subscriber.start();
        return this;
    }

    public boolean awaitSubscribed(Duration timeout) throws InterruptedException {
        return subscriber.awaitSubscribed(timeout);
    }

    @Override
    public void close() {
        closed = true;
        subscriber.close();
    }

    /** Handles one message; never throws. */
    void handle(Inbound message) {
        try {
            StoreRetry.untilStored(() -> closed, "for awards shown on " + message.topic(), () -> process(message), () -> { });
        } catch (RuntimeException e) {
            LOG.error("unexpected failure handling awards shown on {}", message.topic(), e);
            refuse(message, ReasonClass.INTERNAL, "internal error: " + e.getClass().getSimpleName());
            message.complete();
        }
    }

    private void process(Inbound message) {
        Optional<KioskMessages.Decoded<AwardsShown>> decoded = messages.decode(message.topic(), message.payload(),
                refused -> refuse(message, refused.reasonClass(), refused.reason()));
        if (decoded.isEmpty()) {
            message.complete();
            return;
        }
        AwardsShown report = decoded.get().message();
        List<ShownAwardRows.Outcome> outcomes = rows.mark(report.shown());
        int marked = 0;
        int already = 0;
        for (int i = 0; i < outcomes.size(); i++) {
            switch (outcomes.get(i)) {
                case MARKED -> marked++;
                case ALREADY -> already++;
                case UNKNOWN -> refuse(message, ReasonClass.INVALID_RECORD, "record " + i
                        + ": the token's person holds no award " + report.shown().get(i).achievementId());
            }
        }
        BatchAck ack = BatchAck.of(report.batchId(), report.kioskId(), marked, already, clock.instant());
        message.replyThenComplete(Topics.acks(decoded.get().topic().venue(), decoded.get().topic().kiosk()),
                codec.encode(ack));
    }

    private void refuse(Inbound message, ReasonClass reasonClass, String reason) {
        try {
            deadLetters.refuse(message.topic(), reasonClass, reason, message.payload());
        } catch (RuntimeException e) {
            LOG.error("could not dead-letter a message on {}: {}", message.topic(), e.getMessage());
        }
    }
}
