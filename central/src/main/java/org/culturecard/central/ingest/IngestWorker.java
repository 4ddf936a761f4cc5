package org.culturecard.central.ingest;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.culturecard.central.deadletter.DeadLetters;
import org.culturecard.central.store.Admission;
import org.culturecard.central.store.CheckInStore;
import org.culturecard.central.store.IngestResult;
import org.culturecard.central.store.PlacedCheckIn;
import org.culturecard.central.store.ReasonClass;
import org.culturecard.central.store.RecordRefusal;
import org.culturecard.central.store.StoreRejectedException;
import org.culturecard.central.store.StoreUnavailableException;
import org.culturecard.core.wire.BatchAck;
import org.culturecard.core.wire.Topics;
import org.culturecard.core.wire.WireCodec;
import org.culturecard.mqttlink.BrokerEndpoint;
import org.culturecard.mqttlink.Generation;
import org.culturecard.mqttlink.LinkCallback;
import org.culturecard.mqttlink.MqttErrors;
import org.culturecard.mqttlink.Reconnector;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One ingest worker: a member of the MQTT 5 shared subscription {@link Topics#SHARED_CHECKINS}, so
 * N workers on any MQTT 5 broker split the kiosks' batches between them.
 *
 * <p>Each message is validated on Paho's callback thread; an accepted batch queues for the
 * worker's store thread, which commits every batch waiting in one transaction (group commit),
 * then sends each kiosk its {@link BatchAck} and acknowledges the message to the broker only once
 * the broker has that ack (manual acks): a worker that dies before the commit, or between commit
 * and ack, leaves the message with the broker for redelivery, stored once by {@code ON CONFLICT}.
 * Invalid messages go to the dead-letter table ({@link DeadLetters}) and are acknowledged to the
 * broker, so they are not redelivered forever, but never to the kiosk, which keeps them and sends
 * them again; records refused one by one inside a stored batch are kept whole by the store. While the database is unreachable the store thread retries the same group; the
 * broker's receive maximum bounds what waits meanwhile (back-pressure).
 *
 * <p>Messages arrive on Paho's client-wide {@link MqttCallback#messageArrived}: per-subscription
 * listeners never fire for {@code $share} filters (TESTING.md). Paho's automatic reconnect does
 * not retry a failed first connect, so this class owns its reconnect loop with exponential backoff
 * and full jitter, and closes every client it abandons.
 */
public final class IngestWorker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IngestWorker.class);
    private static final int QOS = 1;
    private static final long SESSION_EXPIRY_SECONDS = 120;
    private static final Duration ACTION_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration ACK_WINDOW_WAIT = Duration.ofSeconds(5);
    private static final int MQTT_TOO_MANY_PUBLISHES = 32202;
    private static final int ACK_QUEUE = 10_000;
    /** Batches committed together at most; the broker's receive maximum (100) bounds it anyway. */
    private static final int MAX_GROUP = 100;

    private final BrokerEndpoint broker;
    private final String clientId;
    private final CheckInStore store;
    private final BatchValidator validator;
    private final DeadLetters deadLetterBox;
    private final WireCodec codec;
    private final Clock clock;
    private final Reconnector reconnector;
    private final Generation generation = new Generation();
    private final ThreadPoolExecutor ackSender;
    private final LinkedBlockingQueue<Pending> pending = new LinkedBlockingQueue<>();
    private final Thread storer;

    private final AtomicLong batchesStored = new AtomicLong();
    private final AtomicLong recordsInserted = new AtomicLong();
    private final AtomicLong recordsDuplicated = new AtomicLong();
    private final AtomicLong deadLetters = new AtomicLong();
    private final AtomicLong recordsHeld = new AtomicLong();
    private final AtomicLong recordsRefused = new AtomicLong();
    private final AtomicLong storeRetries = new AtomicLong();
    private final AtomicLong connects = new AtomicLong();
    private final AtomicLong latestTapMillis = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong commitLagMillis = new AtomicLong();

    private volatile MqttAsyncClient client;
    private volatile boolean subscribed;
    private volatile boolean closed;

    public IngestWorker(BrokerEndpoint broker, String clientId, CheckInStore store, BatchValidator validator,
            DeadLetters deadLetters, WireCodec codec, Clock clock) {
        this.broker = broker;
        this.clientId = clientId;
        this.store = store;
        this.validator = validator;
        this.deadLetterBox = deadLetters;
        this.codec = codec;
        this.clock = clock;
        this.ackSender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(ACK_QUEUE),
                r -> {
                    Thread thread = new Thread(r, "ingest-acks-" + clientId);
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.AbortPolicy());
        this.storer = new Thread(this::storeLoop, "ingest-store-" + clientId);
        this.storer.setDaemon(true);
        this.reconnector = new Reconnector(clientId, this::connect);
    }

    /** Starts connecting in the background; returns at once. */
    public IngestWorker start() {
        storer.start();
        reconnector.start();
        return this;
    }

    /** True once connected and subscribed (and until the connection drops). */
    public boolean isSubscribed() {
        return subscribed;
    }

    /** Waits until subscribed; false if the time ran out. */
    public boolean awaitSubscribed(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!subscribed) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    /** The MQTT client id, stable across reconnects so the broker session resumes. */
    public String clientId() {
        return clientId;
    }

    /** Totals since start. */
    public IngestStats stats() {
        return new IngestStats(batchesStored.get(), recordsInserted.get(), recordsDuplicated.get(), deadLetters.get(),
                storeRetries.get(), connects.get(), recordsHeld.get(), recordsRefused.get());
    }

    private void stopStorer() {
        storer.interrupt();
        try {
            storer.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Disconnects and stops reconnecting; unacknowledged messages stay with the broker. */
    @Override
    public void close() {
        closed = true;
        subscribed = false;
        reconnector.close();
        stopStorer();
        ackSender.shutdown();
        try {
            ackSender.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ackSender.shutdownNow();
        Reconnector.discard(client, clientId);
        client = null;
        LOG.info("ingest worker {} closed: {}", clientId, stats());
    }

    /**
     * Simulates a crash, for tests: the connection is dropped without a DISCONNECT and nothing is
     * handled or acknowledged from here on. Messages in flight stay in the broker session until a
     * worker with the same client id resumes it.
     */
    void abandon() {
        closed = true;
        subscribed = false;
        reconnector.close();
        stopStorer();
        ackSender.shutdownNow();
        MqttAsyncClient current = client;
        client = null;
        if (current != null) {
            try {
                current.disconnectForcibly(0, 0, false);
                current.close(true);
            } catch (MqttException | RuntimeException e) {
                LOG.debug("abandoning {}: {}", clientId, e.toString());
            }
        }
    }

    private void connect() throws MqttException {
        generation.retire();
        Reconnector.discard(client, clientId);
        MqttAsyncClient candidate = null;
        try {
            candidate = new MqttAsyncClient(broker.uri(), clientId, new MemoryPersistence());
            candidate.setManualAcks(true);
            MqttAsyncClient owner = candidate; // acks go back through the client that delivered
            candidate.setCallback(new LinkCallback(clientId, generation.guard(generation.next(), new LinkCallback.Listener() {
                @Override
                public void messageArrived(String topic, MqttMessage message) {
                    handle(owner, topic, message);
                }

                @Override
                public void connectionLost(MqttException cause) {
                    disconnected(cause);
                }
            })));
            candidate.connect(options()).waitForCompletion(ACTION_TIMEOUT.toMillis());
            IMqttToken subscription = candidate.subscribe(Topics.SHARED_CHECKINS, QOS);
            subscription.waitForCompletion(ACTION_TIMEOUT.toMillis());
            requireGranted(subscription);
            client = candidate;
            subscribed = true;
            connects.incrementAndGet();
            LOG.info("ingest worker {} subscribed to {} on {}", clientId, Topics.SHARED_CHECKINS, broker);
        } catch (MqttException | RuntimeException e) {
            generation.retire();
            Reconnector.discard(candidate, clientId);
            throw e;
        }
    }

    private MqttConnectionOptions options() {
        MqttConnectionOptions options = broker.options();
        options.setCleanStart(false);
        options.setSessionExpiryInterval(SESSION_EXPIRY_SECONDS);
        options.setAutomaticReconnect(false);
        options.setKeepAliveInterval(30);
        options.setConnectionTimeout((int) ACTION_TIMEOUT.toSeconds());
        options.setReceiveMaximum(100);
        return options;
    }

    private static void requireGranted(IMqttToken subscription) throws MqttException {
        int[] codes = subscription.getReasonCodes();
        if (codes == null || codes.length == 0 || codes[0] >= 0x80) {
            throw new MqttException(codes == null || codes.length == 0 ? MqttException.REASON_CODE_CLIENT_EXCEPTION : codes[0]);
        }
    }

    /** Handles one message; never throws, so Paho's callback thread survives anything. */
    void handle(MqttAsyncClient source, String topic, MqttMessage message) {
        long attempt = 0;
        while (!closed) {
            try {
                process(source, topic, message);
                return;
            } catch (StoreUnavailableException e) {
                storeRetries.incrementAndGet();
                long delay = Reconnector.backoffMillis((int) Math.min(attempt++, 10));
                LOG.warn("store unavailable while handling a message on {}, retrying in {} ms: {}", topic, delay, e.getMessage());
                if (!sleep(delay)) {
                    return;
                }
            } catch (RuntimeException e) {
                LOG.error("unexpected failure handling a message on {}", topic, e);
                deadLetterAndAck(source, topic, message, ReasonClass.INTERNAL, "internal error: " + e.getClass().getSimpleName());
                return;
            }
        }
    }

    private void process(MqttAsyncClient source, String topic, MqttMessage message) {
        byte[] payload = message.getPayload();
        Verdict verdict = validator.validate(topic, payload);
        if (verdict instanceof Verdict.Refused refused) {
            deadLetterBox.refuse(topic, refused.reasonClass(), refused.reason(), payload);
            deadLetters.incrementAndGet();
            complete(source, message);
            return;
        }
        Verdict.Accepted accepted = (Verdict.Accepted) verdict;
        MDC.put("kioskId", accepted.topic().kiosk().value());
        MDC.put("venueId", accepted.topic().venue().value());
        try {
            store(source, topic, message, accepted);
        } finally {
            MDC.remove("kioskId");
            MDC.remove("venueId");
        }
    }

    /** An accepted batch waiting for the store thread. */
    private record Pending(MqttAsyncClient source, String topic, MqttMessage message, Verdict.Accepted accepted) {
    }

    private void store(MqttAsyncClient source, String topic, MqttMessage message, Verdict.Accepted accepted) {
        pending.add(new Pending(source, topic, message, accepted));
    }

    /**
     * The store thread: takes every accepted batch waiting (up to {@value #MAX_GROUP}) and commits
     * them in one transaction (group commit: one fsync for many batches), then acknowledges each,
     * to the kiosk and to the broker. While the database is unavailable it retries the same group
     * and takes no more; the broker's receive maximum bounds what waits meanwhile.
     */
    private void storeLoop() {
        List<Pending> group = new ArrayList<>();
        while (!closed) {
            try {
                Pending first = pending.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                pending.drainTo(group, MAX_GROUP - 1);
                storeGroup(group);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.error("ingest worker {}: unexpected failure storing {} batches", clientId, group.size(), e);
                group.forEach(p -> deadLetterAndAck(p.source(), p.topic(), p.message(), ReasonClass.INTERNAL,
                        "internal error: " + e.getClass().getSimpleName()));
            } finally {
                group.clear();
            }
        }
    }

    private void storeGroup(List<Pending> group) throws InterruptedException {
        long attempt = 0;
        while (!closed) {
            try {
                List<IngestResult> results = store.ingest(group.stream().map(p -> p.accepted().admission()).toList());
                for (int i = 0; i < group.size(); i++) {
                    stored(group.get(i), results.get(i));
                }
                return;
            } catch (StoreUnavailableException e) {
                storeRetries.incrementAndGet();
                long delay = Reconnector.backoffMillis((int) Math.min(attempt++, 10));
                LOG.warn("store unavailable for {} batches, retrying in {} ms: {}", group.size(), delay, e.getMessage());
                Thread.sleep(delay);
            } catch (StoreRejectedException e) {
                if (group.size() > 1) {
                    for (Pending one : group) {
                        storeGroup(List.of(one)); // find the batch the database refuses; store the rest
                    }
                    return;
                }
                Pending refused = group.get(0);
                LOG.warn("the database refused batch {}: {}", refused.accepted().batch().batchId(), e.getMessage());
                deadLetterAndAck(refused.source(), refused.topic(), refused.message(), ReasonClass.STORE_REFUSED,
                        "store refused: " + e.getMessage());
                return;
            }
        }
    }

    /**
     * Acknowledges a committed batch to its kiosk. Check-ins held for their event count as
     * inserted: central has them. Records refused one by one count in neither figure; they are
     * in the dead letters, whole, so the kiosk may delete them.
     */
    private void stored(Pending p, IngestResult result) {
        Verdict.Accepted accepted = p.accepted();
        batchesStored.incrementAndGet();
        noteLag(accepted.admission());
        recordsInserted.addAndGet(result.inserted());
        recordsDuplicated.addAndGet(result.duplicates());
        recordsHeld.addAndGet(result.held());
        recordsRefused.addAndGet(result.refused().size());
        for (RecordRefusal refusal : result.refused()) {
            deadLetterBox.counts().refused(refusal.reasonClass());
            LOG.warn("batch {}: kept check-in {} whole in the dead letters ({}): {}", accepted.batch().batchId(),
                    refusal.record().id(), refusal.reasonClass().label(), refusal.reason());
        }
        LOG.debug("batch {} stored: {} new, {} held for their event, {} duplicates, {} refused", accepted.batch().batchId(),
                result.inserted(), result.held(), result.duplicates(), result.refused().size());
        BatchAck ack = BatchAck.of(accepted.batch().batchId(), accepted.batch().kioskId(), result.inserted() + result.held(),
                result.duplicates(), clock.instant());
        publishAckThenComplete(p.source(), Topics.acks(accepted.topic().venue(), accepted.topic().kiosk()), codec.encode(ack),
                p.message());
    }

    /**
     * Hands the kiosk's ack, then the broker's, to the ack thread and returns at once. The broker
     * ack comes last, so a crash before the kiosk's ack leaves the message to be redelivered. Publishing here, on Paho's
     * callback thread, deadlocks under load: when the client's in-flight window is full, the
     * PUBACKs that would free it are read by the receiver thread, which itself waits for room in
     * the callback queue this thread is not draining (the fuzz test stalled 5 s at a time).
     */
    private void publishAckThenComplete(MqttAsyncClient source, String topic, byte[] payload, MqttMessage message) {
        try {
            ackSender.execute(() -> sendAckThenComplete(source, topic, payload, message));
        } catch (RejectedExecutionException e) {
            // Committed but not acknowledged: the broker redelivers it (a duplicate, acked then).
            LOG.warn("ack queue full or closed; leaving the message on {} to be redelivered", topic);
        }
    }

    /**
     * Publishes the kiosk's ack and acknowledges the batch to the broker only when the broker has
     * confirmed that ack (PUBACK), so the broker ack can never overtake it (Paho sends acks ahead of
     * queued publishes): a crash in between leaves the batch to be redelivered, not acknowledged
     * without a kiosk ack. Nothing here waits, so no Paho thread is ever blocked.
     */
    private void sendAckThenComplete(MqttAsyncClient source, String topic, byte[] payload, MqttMessage message) {
        long deadline = System.nanoTime() + ACK_WINDOW_WAIT.toNanos();
        MqttActionListener then = new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                complete(source, message);
            }

            @Override
            public void onFailure(IMqttToken token, Throwable exception) {
                LOG.warn("the ack on {} failed: {}", topic, exception.toString());
                complete(source, message); // the kiosk republishes after its timeout and gets a duplicate ack
            }
        };
        while (true) {
            try {
                MqttMessage ack = new MqttMessage(payload);
                ack.setQos(QOS);
                source.publish(topic, ack, null, then);
                return;
            } catch (MqttException e) {
                if (e.getReasonCode() != MQTT_TOO_MANY_PUBLISHES || System.nanoTime() > deadline || !sleep(2)) {
                    LOG.warn("could not publish the ack on {}: {}", topic, e.getMessage());
                    complete(source, message);
                    return;
                }
            }
        }
    }

    /** Lag figures from the placed tap times; a kiosk clock that cannot be right does not feed them. */
    private void noteLag(Admission admission) {
        long newest = Long.MIN_VALUE;
        for (PlacedCheckIn placed : admission.admitted()) {
            if (placed.reported()) {
                newest = Math.max(newest, placed.tappedAt().toEpochMilli());
            }
        }
        latestTapMillis.accumulateAndGet(newest, Math::max);
        if (TapTimes.plausible(admission.batch().sentAt(), clock.instant())) {
            commitLagMillis.set(clock.millis() - admission.batch().sentAt().toEpochMilli());
        }
    }

    /** Epoch millis of the newest tap in any stored batch, or {@code Long.MIN_VALUE} before the first. */
    public long latestTapMillis() {
        return latestTapMillis.get();
    }

    /** From the kiosk's {@code sentAt} to the commit of the last stored batch, in ms (clocks permitting). */
    public long commitLagMillis() {
        return commitLagMillis.get();
    }

    private void deadLetterAndAck(MqttAsyncClient source, String topic, MqttMessage message, ReasonClass reasonClass,
            String reason) {
        try {
            deadLetterBox.refuse(topic, reasonClass, reason, message.getPayload());
            deadLetters.incrementAndGet();
        } catch (RuntimeException e) {
            LOG.error("could not dead-letter a message on {}: {}", topic, e.getMessage());
        }
        complete(source, message);
    }

    private void complete(MqttAsyncClient source, MqttMessage message) {
        try {
            source.messageArrivedComplete(message.getId(), message.getQos());
        } catch (MqttException | RuntimeException e) {
            LOG.warn("could not acknowledge message {} to the broker (it will be redelivered): {}", message.getId(), e.toString());
        }
    }

    private static boolean sleep(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void disconnected(MqttException cause) {
        if (!closed) {
            subscribed = false;
            reconnector.connectionLost("disconnected: " + MqttErrors.describe(cause));
        }
    }
}
