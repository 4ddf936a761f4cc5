package org.culturecard.central.ingest;

import java.time.Clock;
import java.time.Duration;
import org.culturecard.central.deadletter.DeadLetters;
import org.culturecard.central.store.CheckInStore;
import org.culturecard.central.store.ReasonClass;
import org.culturecard.core.wire.BatchAck;
import org.culturecard.core.wire.Topics;
import org.culturecard.core.wire.WireCodec;
import org.culturecard.mqttlink.BrokerEndpoint;
import org.culturecard.mqttlink.DurableSubscriber;
import org.culturecard.mqttlink.Inbound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One ingest worker: a member of the MQTT 5 shared subscription {@link Topics#SHARED_CHECKINS}, so
 * N workers on any MQTT 5 broker split the kiosks' batches between them.
 *
 * <p>Each message is validated on Paho's callback thread; an accepted batch queues for the
 * worker's store thread ({@link GroupCommitter}), which commits every batch waiting in one
 * transaction, then sends each kiosk its {@link BatchAck} and acknowledges the message to the
 * broker only once the broker has that ack (manual acks): a worker that dies before the commit, or
 * between commit and ack, leaves the message with the broker for redelivery, stored once by
 * {@code ON CONFLICT}. Invalid messages go to the dead-letter table ({@link DeadLetters}) and are
 * acknowledged to the broker, so they are not redelivered forever, but never to the kiosk, which
 * keeps them and sends them again; records refused one by one inside a stored batch are kept whole
 * by the store. The connection, with its persistent session, manual acks and reconnect loop, is
 * mqtt-link's {@link DurableSubscriber}; the figures are {@link IngestCounters}.
 */
public final class IngestWorker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IngestWorker.class);

    private final String clientId;
    private final BatchValidator validator;
    private final DeadLetters deadLetters;
    private final IngestCounters counters;
    private final GroupCommitter committer;
    private final DurableSubscriber subscriber;
    private volatile boolean closed;

    public IngestWorker(BrokerEndpoint broker, String clientId, CheckInStore store, BatchValidator validator,
            DeadLetters deadLetters, WireCodec codec, Clock clock) {
        this(broker, clientId, store, validator, deadLetters, codec, clock, PendingAwards.NONE);
    }

    /** A worker whose acks carry the pending awards of each batch's people (ADR 0037). */
    public IngestWorker(BrokerEndpoint broker, String clientId, CheckInStore store, BatchValidator validator,
            DeadLetters deadLetters, WireCodec codec, Clock clock, PendingAwards awards) {
        this.clientId = clientId;
        this.validator = validator;
        this.deadLetters = deadLetters;
        this.counters = new IngestCounters(clock);
        this.committer = new GroupCommitter(clientId, store, deadLetters, counters, codec, clock, awards);
        this.subscriber = new DurableSubscriber(broker, clientId, Topics.SHARED_CHECKINS, this::handle);
    }

    /** Starts connecting in the background; returns at once. */
    public IngestWorker start() {
        committer.start();
        subscriber.start();
        return this;
    }

    /** True once connected and subscribed (and until the connection drops). */
    public boolean isSubscribed() {
        return subscriber.isSubscribed();
    }

    /** Waits until subscribed; false if the time ran out. */
    public boolean awaitSubscribed(Duration timeout) throws InterruptedException {
        return subscriber.awaitSubscribed(timeout);
    }

    /** The MQTT client id, stable across reconnects so the broker session resumes. */
    public String clientId() {
        return clientId;
    }

    /** Totals since start. */
    public IngestStats stats() {
        return counters.stats(subscriber.connects());
    }

    /** Epoch millis of the newest tap in any stored batch, or {@code Long.MIN_VALUE} before the first. */
    public long latestTapMillis() {
        return counters.latestTapMillis();
    }

    /** From the kiosk's {@code sentAt} to the commit of the last stored batch, in ms (clocks permitting). */
    public long commitLagMillis() {
        return counters.commitLagMillis();
    }

    /** Disconnects and stops reconnecting; unacknowledged messages stay with the broker. */
    @Override
    public void close() {
        closed = true;
        committer.stop();
        subscriber.close();
        LOG.info("ingest worker {} closed: {}", clientId, stats());
    }

    /**
     * Simulates a crash, for tests: the connection is dropped without a DISCONNECT and nothing is
     * handled or acknowledged from here on. Messages in flight stay in the broker session until a
     * worker with the same client id resumes it.
     */
    void abandon() {
        closed = true;
        subscriber.abandon();
        committer.stop();
    }

    /** Handles one message; never throws, so Paho's callback thread survives anything. */
    void handle(Inbound message) {
        try {
            StoreRetry.untilStored(() -> closed, "while handling a message on " + message.topic(), () -> process(message),
                    counters::storeRetried);
        } catch (RuntimeException e) {
            LOG.error("unexpected failure handling a message on {}", message.topic(), e);
            committer.deadLetterAndComplete(message, ReasonClass.INTERNAL, "internal error: " + e.getClass().getSimpleName());
        }
    }

    private void process(Inbound message) {
        byte[] payload = message.payload();
        Verdict verdict = validator.validate(message.topic(), payload);
        if (verdict instanceof Verdict.Refused refused) {
            deadLetters.refuse(message.topic(), refused.reasonClass(), refused.reason(), payload);
            counters.deadLettered();
            message.complete();
            return;
        }
        Verdict.Accepted accepted = (Verdict.Accepted) verdict;
        MDC.put("kioskId", accepted.topic().kiosk().value());
        MDC.put("venueId", accepted.topic().venue().value());
        try {
            committer.add(message, accepted);
        } finally {
            MDC.remove("kioskId");
            MDC.remove("venueId");
        }
    }
}
