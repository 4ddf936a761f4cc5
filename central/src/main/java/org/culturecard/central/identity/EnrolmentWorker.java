package org.culturecard.central.identity;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.culturecard.central.deadletter.DeadLetters;
import org.culturecard.central.ingest.StoreRetry;
import org.culturecard.central.store.IdentityStore;
import org.culturecard.central.store.ReasonClass;
import org.culturecard.central.store.StoreRejectedException;
import org.culturecard.core.enrolment.Enrolment;
import org.culturecard.core.wire.BatchAck;
import org.culturecard.core.wire.Topics;
import org.culturecard.core.wire.WireCodec;
import org.culturecard.mqttlink.BrokerEndpoint;
import org.culturecard.mqttlink.DurableSubscriber;
import org.culturecard.mqttlink.Inbound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Central's enrolment ingest: a member of the shared subscription {@link Topics#SHARED_ENROLMENTS}.
 * Each batch is validated ({@link EnrolmentValidator}), applied in one identity transaction
 * ({@link Identities}, idempotent by record id), then acknowledged to the kiosk like check-ins
 * ({@link BatchAck}: {@code inserted} records applied, {@code duplicates} records stored before;
 * records refused by the trust checks are stored and audited and count in neither) and completed to
 * the broker once the broker has the ack. Malformed messages go to the dead letters. Enrolments are
 * a staff action, a few a minute at most, so each is handled on the callback thread, with no group
 * commit; {@code onChange} runs after a commit that changed people (the filter publisher's cue).
 */
public final class EnrolmentWorker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EnrolmentWorker.class);

    private final EnrolmentValidator validator;
    private final IdentityStore store;
    private final DeadLetters deadLetters;
    private final WireCodec codec;
    private final Clock clock;
    private final Runnable onChange;
    private final Identities identities = new Identities();
    private final DurableSubscriber subscriber;
    private final AtomicLong applied = new AtomicLong();
    private volatile boolean closed;

    public EnrolmentWorker(BrokerEndpoint broker, String clientId, EnrolmentValidator validator, IdentityStore store,
            DeadLetters deadLetters, WireCodec codec, Clock clock, Runnable onChange) {
        this.validator = validator;
        this.store = store;
        this.deadLetters = deadLetters;
        this.codec = codec;
        this.clock = clock;
        this.onChange = onChange;
        this.subscriber = new DurableSubscriber(broker, clientId, Topics.SHARED_ENROLMENTS, this::handle);
    }

    public EnrolmentWorker start() {
        subscriber.start();
        return this;
    }

    public boolean awaitSubscribed(Duration timeout) throws InterruptedException {
        return subscriber.awaitSubscribed(timeout);
    }

    /** Enrolment records applied since start. */
    public long applied() {
        return applied.get();
    }

    @Override
    public void close() {
        closed = true;
        subscriber.close();
    }

    /** Handles one message; never throws. */
    void handle(Inbound message) {
        try {
            StoreRetry.untilStored(() -> closed, "for enrolments on " + message.topic(), () -> process(message), () -> { });
        } catch (StoreRejectedException e) {
            deadLetter(message, ReasonClass.STORE_REFUSED, "store refused: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("unexpected failure handling enrolments on {}", message.topic(), e);
            deadLetter(message, ReasonClass.INTERNAL, "internal error: " + e.getClass().getSimpleName());
        }
    }

    private void process(Inbound message) {
        Optional<EnrolmentValidator.Accepted> accepted = validator.validate(message.topic(), message.payload(),
                refused -> deadLetters.refuse(message.topic(), refused.reasonClass(), refused.reason(), message.payload()));
        if (accepted.isEmpty()) {
            message.complete();
            return;
        }
        EnrolmentValidator.Accepted batch = accepted.get();
        int[] counts = store.inTransaction(tx -> {
            int[] c = new int[2];
            for (Enrolment record : batch.batch().records()) {
                Outcome outcome = identities.apply(tx, record, batch.topic().venue(), batch.topic().kiosk(), clock.instant());
                if (outcome instanceof Outcome.Applied) {
                    c[0]++;
                } else if (outcome instanceof Outcome.Duplicate) {
                    c[1]++;
                } else {
                    LOG.warn("enrolment {} refused: {}", record.id(), ((Outcome.Refused) outcome).reason());
                }
            }
            return c;
        });
        applied.addAndGet(counts[0]);
        BatchAck ack = BatchAck.of(batch.batch().batchId(), batch.batch().kioskId(), counts[0], counts[1], clock.instant());
        message.replyThenComplete(Topics.acks(batch.topic().venue(), batch.topic().kiosk()), codec.encode(ack));
        if (counts[0] > 0) {
            onChange.run();
        }
    }

    private void deadLetter(Inbound message, ReasonClass reasonClass, String reason) {
        try {
            deadLetters.refuse(message.topic(), reasonClass, reason, message.payload());
        } catch (RuntimeException e) {
            LOG.error("could not dead-letter a message on {}: {}", message.topic(), e.getMessage());
        }
        message.complete();
    }
}
