package org.culturecard.sync.agent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.net.ssl.SSLSocketFactory;
import org.culturecard.core.checkin.CheckIn;
import org.culturecard.core.status.DiskBudget;
import org.culturecard.core.wire.BatchAck;
import org.culturecard.core.wire.CheckInBatch;
import org.culturecard.core.wire.KioskEvents;
import org.culturecard.core.wire.KioskStatus;
import org.culturecard.core.wire.Topics;
import org.culturecard.core.staff.VenueStaff;
import org.culturecard.core.wire.VenueConfig;
import org.culturecard.core.wire.WireCodec;
import org.culturecard.core.wire.WireFormatException;
import org.culturecard.sync.config.SyncConfig;
import org.culturecard.sync.outbox.OutboxRecord;
import org.culturecard.sync.outbox.SqliteOutbox;
import org.culturecard.tls.PemTls;
import org.culturecard.sync.venue.KioskEvent;
import org.culturecard.sync.venue.SqliteVenueEvents;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Forwards the kiosk's outbox to central over MQTT 5 and marks check-ins delivered only when
 * central's {@link BatchAck} arrives (a broker's PUBACK proves nothing about the central store).
 *
 * <p>Why it does its own connection handling: Paho's automatic reconnect never retries a failed
 * first connect and leaks threads over repeated failures, so the agent runs its own loop
 * (exponential backoff with full jitter) and closes every client it abandons. Paho keeps messages
 * only in memory: the SQLite outbox is the one durable queue, so after any reconnect every
 * unacknowledged row is simply published again; central's inserts are idempotent.
 *
 * <p>It also carries the venue's retained config snapshot down into the kiosk's events table and the
 * events staff made on the kiosk up ({@link SqliteVenueEvents}), and watches the disk budget
 * ({@link DiskUsage}) for the status message and, through a settings row the kiosk reads
 * ({@link DiskBudgetRecorder}), the kiosk's staff status screen.
 *
 * <p>A half-open link (the broker frozen, a NAT that forgot the flow) is noticed by {@link PubackWatch}:
 * a publish that waits a whole keepalive for its PUBACK ends the connection; when idle, Paho's
 * keepalive ping does the same.
 *
 * <p>Threading: all state lives on one worker thread; Paho's callbacks only hand events to it.
 * The publish window (batches awaiting central's ack) never exceeds the broker's receive maximum,
 * so Paho never fails a publish with "too many publishes in progress" (32202).
 */
public final class MqttSyncAgent implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MqttSyncAgent.class);
    /** Room for the batch envelope (ids, times, schema) around the records. */
    private static final int ENVELOPE_RESERVE = 1024;
    /** In-flight slots kept free for status messages. */
    private static final int STATUS_SLOTS = 2;
    private static final int MAX_WINDOW = 1000;
    private static final Duration STATUS_MIN_GAP = Duration.ofSeconds(5);
    private static final Duration SNAPSHOT_EVERY = Duration.ofSeconds(1);
    private static final Duration PURGE_EVERY = Duration.ofHours(24);
    private static final long CLOSE_WAIT_MILLIS = 2000;

    private final SyncConfig config;
    private final SqliteOutbox outbox;
    private final Clock clock;
    private final Supplier<UUID> ids;
    private final UUID bootId;
    private final WireCodec codec = new WireCodec();
    private final Backoff backoff;
    private final StatusSource statusSource;
    private final ScheduledExecutorService worker;
    private final List<DeliveryListener> listeners = new CopyOnWriteArrayList<>();
    private final String checkinsTopic;
    private final String ackTopic;
    private final String statusTopic;
    private final String configTopic;
    private final String eventsTopic;
    private final SqliteVenueEvents venueEvents;
    private final SSLSocketFactory socketFactory;
    private final DiskBudgetRecorder diskBudget;

    // Confined to the worker thread.
    private MqttAsyncClient client;
    private int generation;
    private boolean connected;
    private boolean closing;
    private int window = 1;
    private int failures;
    private String problem;
    private Instant lastSyncAt;
    private final Map<UUID, Instant> inFlight = new LinkedHashMap<>();
    private final PubackWatch pubacks = new PubackWatch();
    private boolean warnedNoSubscriber;
    private boolean eventsInFlight;
    private boolean statusInFlight;
    private Instant lastStatusAt = Instant.MIN;
    private long lastStatusBacklog = -1;
    private DiskBudget.Alert lastStatusAlert = DiskBudget.Alert.NONE;
    private Instant lastSnapshotAt = Instant.MIN;
    private Instant lastPurgeAt = Instant.MIN;
    private ScheduledFuture<?> reconnect;

    private volatile SyncStatus status = SyncStatus.initial();
    private volatile boolean started;

    public MqttSyncAgent(SyncConfig config, SqliteOutbox outbox, Clock clock, Supplier<UUID> ids) {
        this.config = config;
        this.outbox = outbox;
        this.clock = clock;
        this.ids = ids;
        this.bootId = ids.get();
        this.backoff = new Backoff(config.backoffMin(), config.backoffMax(), () -> ThreadLocalRandom.current().nextDouble());
        this.checkinsTopic = Topics.checkins(config.venueId(), config.kioskId());
        this.ackTopic = Topics.acks(config.venueId(), config.kioskId());
        this.statusTopic = Topics.status(config.venueId(), config.kioskId());
        this.configTopic = Topics.config(config.venueId());
        this.eventsTopic = Topics.events(config.venueId(), config.kioskId());
        this.socketFactory = config.tlsConfigured()
                ? PemTls.socketFactory(config.caCert(), config.clientCert(), config.clientKey()) : null;
        this.venueEvents = SqliteVenueEvents.open(config.databasePath());
        this.statusSource = new StatusSource(config.kioskId(), config.venueId(), outbox, config.databasePath(), clock,
                venueEvents::readerState);
        this.diskBudget = new DiskBudgetRecorder(venueEvents::putDiskBudget, clock);
        this.worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(() -> {
                MDC.put("kioskId", config.kioskId().value());
                MDC.put("venueId", config.venueId().value());
                runnable.run();
            }, "sync-agent-" + config.kioskId());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts connecting (in the background) and forwarding; returns at once. */
    public synchronized void start() {
        if (started) {
            throw new IllegalStateException("already started");
        }
        started = true;
        log.info("sync agent starting, boot {}", bootId);
        post(this::startup);
        long tick = config.pollInterval().toMillis();
        worker.scheduleWithFixedDelay(() -> guarded(this::tick), tick, tick, TimeUnit.MILLISECONDS);
    }

    /** A snapshot for the staff status screen; any thread. */
    public SyncStatus status() {
        return status;
    }

    /** Adds a listener told of every batch central acknowledges. */
    public void addDeliveryListener(DeliveryListener listener) {
        listeners.add(listener);
    }

    /** Asks the agent to look at the outbox now, e.g. right after the kiosk recorded a tap in-process. */
    public void wake() {
        post(this::pump);
    }

    /** Publishes "offline", disconnects, closes the client and stops the worker. Idempotent. */
    @Override
    public void close() {
        if (worker.isShutdown()) {
            return;
        }
        try {
            worker.submit(this::shutdown).get(3 * CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RejectedExecutionException e) {
            log.warn("sync agent did not shut down cleanly: {}", e.toString());
        }
        worker.shutdownNow();
        try {
            worker.awaitTermination(CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.info("sync agent stopped");
    }

    // ---- lifecycle (worker thread) ----

    private void startup() {
        int released = outbox.releaseAllUnacked();
        if (released > 0) {
            log.info("{} check-ins were in flight when the agent last stopped: they go out again", released);
        }
        purge();
        snapshot();
        connect();
    }

    private void tick() {
        Instant now = clock.instant();
        boolean everySecond = !now.isBefore(lastSnapshotAt.plus(SNAPSHOT_EVERY));
        if (connected && pubacks.overdue(now, Duration.ofSeconds(config.keepAliveSeconds()))) {
            halfOpen();
            return;
        }
        expireUnacked(now, everySecond);
        pump();
        if (everySecond) {
            snapshot();
            maybePublishStatus(now);
            publishKioskEvents();
        }
        if (!now.isBefore(lastPurgeAt.plus(PURGE_EVERY))) {
            purge();
        }
    }

    private void shutdown() {
        closing = true;
        if (reconnect != null) {
            reconnect.cancel(false);
        }
        MqttAsyncClient current = client;
        if (connected && current != null) {
            try {
                publish(current, statusTopic, codec.encode(statusSource.offline()), true)
                        .waitForCompletion(CLOSE_WAIT_MILLIS);
                current.disconnect(CLOSE_WAIT_MILLIS).waitForCompletion(CLOSE_WAIT_MILLIS);
            } catch (MqttException e) {
                log.warn("could not say goodbye to the broker: {}", e.toString());
            }
        }
        connected = false;
        abandonClient();
        snapshot();
        venueEvents.close();
    }

    // ---- connecting (worker thread) ----

    private void connect() {
        if (closing) {
            return;
        }
        int gen = ++generation;
        try {
            MqttAsyncClient fresh = new MqttAsyncClient(config.brokerUri().toString(), "sync-" + config.kioskId(),
                    new MemoryPersistence());
            client = fresh;
            fresh.setCallback(new PahoCallback(
                    cause -> post(() -> onConnectionLost(gen, cause)),
                    (topic, payload) -> post(() -> {
                        if (gen == generation && !closing) {
                            onMessage(topic, payload);
                        }
                    })));
            fresh.connect(connectionOptions(), null, listener(gen, this::onConnected, e -> onConnectFailed(gen, e)));
        } catch (MqttException | RuntimeException e) {
            onConnectFailed(gen, e);
        }
    }

    private MqttConnectionOptions connectionOptions() {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setAutomaticReconnect(false);
        options.setCleanStart(true);
        options.setSessionExpiryInterval(0L);
        options.setKeepAliveInterval(config.keepAliveSeconds());
        options.setConnectionTimeout(Math.max(5, Math.min(30, config.keepAliveSeconds())));
        MqttMessage will = new MqttMessage(codec.encode(statusSource.offline()));
        will.setQos(1);
        will.setRetained(true);
        options.setWill(statusTopic, will);
        if (socketFactory != null) {
            options.setSocketFactory(socketFactory);
            options.setHttpsHostnameVerificationEnabled(true);
        }
        if (config.username() != null) {
            options.setUserName(config.username());
        }
        if (config.password() != null) {
            options.setPassword(config.password().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return options;
    }

    private void onConnected(IMqttToken token) {
        MqttProperties properties = token.getResponseProperties();
        Integer receiveMaximum = properties == null ? null : properties.getReceiveMaximum();
        int brokerMaximum = receiveMaximum == null ? 65_535 : receiveMaximum;
        window = Math.max(1, Math.min(MAX_WINDOW, brokerMaximum - STATUS_SLOTS));
        int gen = generation;
        try {
            client.subscribe(new MqttSubscription[] {new MqttSubscription(ackTopic, 1), new MqttSubscription(configTopic, 1)},
                    null,
                    listener(gen, subscribed -> onSubscribed(subscribed, brokerMaximum), e -> onConnectionLost(gen, e)),
                    (MqttProperties) null);
        } catch (MqttException e) {
            onConnectionLost(gen, e);
        }
    }

    private void onSubscribed(IMqttToken token, int brokerMaximum) {
        int[] codes = token.getReasonCodes();
        if (codes != null && codes.length > 0 && codes[0] >= 0x80) {
            refused("subscribing to " + ackTopic, codes[0]);
            return;
        }
        if (codes != null && codes.length > 1 && codes[1] >= 0x80) {
            log.error("the broker refused the venue config subscription {}: {}; check-ins still go out",
                    configTopic, Refusals.describe(codes[1]));
        }
        connected = true;
        failures = 0;
        problem = null;
        inFlight.clear();
        pubacks.clear();
        warnedNoSubscriber = false;
        outbox.releaseAllUnacked();
        log.info("connected to {} (broker receive maximum {}, publish window {} batches)",
                config.brokerUri(), brokerMaximum, window);
        publishStatus(clock.instant());
        snapshot();
        pump();
        publishKioskEvents();
    }

    private void onConnectFailed(int gen, Throwable cause) {
        if (gen != generation || closing) {
            return;
        }
        abandonClient();
        int code = reasonCode(cause);
        if (Refusals.isRefusal(code)) {
            refusedAfterAbandon("connecting", code);
            return;
        }
        failures++;
        problem = "cannot connect to " + config.brokerUri() + ": " + describe(cause);
        Duration delay = backoff.delay(failures);
        log.warn("{}; attempt {} failed, retrying in {} ms", problem, failures, delay.toMillis());
        scheduleReconnect(delay);
    }

    private void onConnectionLost(int gen, Throwable cause) {
        if (gen != generation || closing) {
            return;
        }
        boolean wasConnected = connected;
        dropConnection();
        int code = reasonCode(cause);
        if (Refusals.isRefusal(code)) {
            refusedAfterAbandon("talking to the broker", code);
            return;
        }
        failures++;
        problem = (wasConnected ? "lost the broker: " : "could not set up the session: ") + describe(cause);
        Duration delay = backoff.delay(failures);
        log.warn("{}; reconnecting in {} ms", problem, delay.toMillis());
        scheduleReconnect(delay);
    }

    /** A publish waited a whole keepalive for its PUBACK: the broker is gone though TCP looks open. */
    private void halfOpen() {
        log.warn("no PUBACK from the broker within the keepalive ({} s): treating the connection as half-open",
                config.keepAliveSeconds());
        onConnectionLost(generation, new TimeoutException("no PUBACK within the keepalive: half-open connection"));
    }

    /** The broker refused our identity or a permission: say so plainly and wait the longest backoff. */
    private void refused(String doing, int code) {
        dropConnection();
        refusedAfterAbandon(doing, code);
    }

    private void refusedAfterAbandon(String doing, int code) {
        failures++;
        problem = "the broker refused this kiosk while " + doing + ": " + Refusals.describe(code)
                + "; check its credentials and the broker's ACL";
        log.error("{}; retrying in {}", problem, backoff.max());
        scheduleReconnect(backoff.max());
    }

    private void dropConnection() {
        connected = false;
        abandonClient();
        inFlight.clear();
        pubacks.clear();
        statusInFlight = false;
        eventsInFlight = false;
        outbox.releaseAllUnacked();
        snapshot();
    }

    private void scheduleReconnect(Duration delay) {
        snapshot();
        if (!closing) {
            reconnect = worker.schedule(() -> guarded(this::connect), delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Disconnects (forcibly) and closes the current client so none of its threads outlive it. */
    private void abandonClient() {
        MqttAsyncClient old = client;
        client = null;
        generation++;
        if (old == null) {
            return;
        }
        try {
            old.disconnectForcibly(0, 500, false);
        } catch (MqttException | RuntimeException e) {
            log.trace("forced disconnect: {}", e.toString());
        }
        try {
            old.close(true);
        } catch (MqttException | RuntimeException e) {
            log.debug("closing an abandoned client: {}", e.toString());
        }
    }

    // ---- publishing (worker thread) ----

    private void pump() {
        while (connected && !closing && inFlight.size() < window) {
            List<OutboxRecord> rows = outbox.nextBatch(config.batchMaxRecords(), config.batchMaxBytes() - ENVELOPE_RESERVE);
            if (rows.isEmpty()) {
                return;
            }
            publishBatch(rows);
        }
    }

    private void publishBatch(List<OutboxRecord> rows) {
        Instant now = clock.instant();
        List<CheckIn> records = new ArrayList<>(rows.size());
        List<Long> seqs = new ArrayList<>(rows.size());
        List<Long> unreadable = new ArrayList<>();
        for (OutboxRecord row : rows) {
            try {
                records.add(codec.decode(row.payload().getBytes(java.nio.charset.StandardCharsets.UTF_8), CheckIn.class));
                seqs.add(row.seq());
            } catch (WireFormatException e) {
                unreadable.add(row.seq());
                log.error("outbox row seq {} is not a readable check-in ({}); it stays pending", row.seq(), e.getMessage());
            }
        }
        if (!unreadable.isEmpty()) {
            // Parked as if sent in a batch that is never acked: retried after the ack timeout, never dropped.
            outbox.markSent(ids.get(), unreadable, now);
        }
        if (records.isEmpty()) {
            return;
        }
        UUID batchId = ids.get();
        byte[] payload = codec.encode(CheckInBatch.of(batchId, config.kioskId(), config.venueId(), bootId, now, records));
        outbox.markSent(batchId, seqs, now);
        inFlight.put(batchId, now);
        pubacks.sent(batchId, now);
        int gen = generation;
        try {
            publish(client, checkinsTopic, payload, false, listener(gen, () -> pubacks.answered(batchId),
                    token -> onPublished(batchId, token), e -> onConnectionLost(gen, e)));
            log.debug("published batch {} ({} check-ins, {} bytes)", batchId, records.size(), payload.length);
        } catch (MqttException e) {
            log.error("publishing batch {} failed: {}", batchId, describe(e));
            onConnectionLost(gen, e);
        }
    }

    private void onPublished(UUID batchId, IMqttToken token) {
        int[] codes = token.getReasonCodes();
        int code = codes == null || codes.length == 0 ? 0 : codes[0];
        if (code >= 0x80) {
            log.error("the broker refused batch {}: {}", batchId, Refusals.describe(code));
            refused("publishing to " + checkinsTopic, code);
        } else if (code == 0x10 && !warnedNoSubscriber) {
            warnedNoSubscriber = true; // once per connection (or until an ack comes), not once per batch
            log.warn("batch {} reached no subscriber: is central running? Unacked batches are republished after {}",
                    batchId, config.ackTimeout());
        }
    }

    private void onMessage(String topic, byte[] payload) {
        if (configTopic.equals(topic)) {
            onVenueConfig(payload);
        } else {
            onAck(payload);
        }
    }

    // ---- venue config down, kiosk events up (worker thread) ----

    private void onVenueConfig(byte[] payload) {
        VenueConfig snapshot;
        try {
            snapshot = codec.decode(payload, VenueConfig.class);
        } catch (WireFormatException e) {
            log.warn("ignoring an unreadable venue config: {}", e.getMessage());
            return;
        }
        if (!snapshot.venueId().equals(config.venueId())) {
            log.warn("ignoring a config for venue {} on this venue's topic", snapshot.venueId());
            return;
        }
        int closed = venueEvents.apply(snapshot, clock.instant());
        if (closed < 0) {
            log.debug("venue config version {} is not newer than the one applied; ignored", snapshot.version());
        } else {
            log.info("applied venue config version {}: {} events, {} closed; staff: {}", snapshot.version(),
                    snapshot.events().size(), closed, snapshot.staffPart().map(VenueStaff::summary).orElse("unchanged (v1)"));
        }
    }

    /** Sends events staff made on the kiosk (one message at a time); marked published on PUBACK. */
    private void publishKioskEvents() {
        if (!connected || closing || eventsInFlight) {
            return;
        }
        List<KioskEvent> pending = venueEvents.unpublished(KioskEvents.MAX_EVENTS);
        if (pending.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        KioskEvents message = KioskEvents.of(config.kioskId(), config.venueId(), now,
                pending.stream().filter(e -> !e.closed()).map(KioskEvent::event).toList(),
                pending.stream().filter(KioskEvent::closed).map(e -> e.event().id()).toList());
        int gen = generation;
        Object publishId = new Object();
        try {
            eventsInFlight = true;
            pubacks.sent(publishId, now);
            publish(client, eventsTopic, codec.encode(message), false, listener(gen, () -> pubacks.answered(publishId),
                    token -> {
                        eventsInFlight = false;
                        int marked = venueEvents.markPublished(pending);
                        log.info("sent {} kiosk events to central ({} marked published)", pending.size(), marked);
                    }, e -> onConnectionLost(gen, e)));
        } catch (MqttException e) {
            onConnectionLost(gen, e);
        }
    }

    private void onAck(byte[] payload) {
        BatchAck ack;
        try {
            ack = codec.decode(payload, BatchAck.class);
        } catch (WireFormatException e) {
            log.warn("ignoring an unreadable ack: {}", e.getMessage());
            return;
        }
        if (!ack.kioskId().equals(config.kioskId())) {
            log.warn("ignoring an ack for kiosk {} on this kiosk's topic", ack.kioskId());
            return;
        }
        Instant now = clock.instant();
        int delivered = outbox.markDelivered(ack.batchId(), now);
        inFlight.remove(ack.batchId());
        warnedNoSubscriber = false;
        if (delivered > 0) {
            lastSyncAt = now;
            notifyListeners(new BatchDelivered(ack.batchId(), delivered, ack.inserted(), ack.duplicates(), now));
        } else {
            log.debug("ack for batch {} changed nothing (already delivered or superseded)", ack.batchId());
        }
        pump();
    }

    /** Forgets batches central has not acked within the timeout and frees their rows to go out again. */
    private void expireUnacked(Instant now, boolean sweep) {
        Instant threshold = now.minus(config.ackTimeout());
        int before = inFlight.size();
        inFlight.values().removeIf(sentAt -> sentAt.isBefore(threshold));
        if (before == inFlight.size() && !sweep) {
            return; // the database sweep (for rows parked without a batch in memory) runs once a second
        }
        int released = outbox.releaseUnacked(threshold);
        if (before > inFlight.size() || released > 0) {
            log.warn("no ack from central within {} for {} batches: republishing {} check-ins",
                    config.ackTimeout(), before - inFlight.size(), released);
        }
    }

    // ---- status (worker thread) ----

    private void maybePublishStatus(Instant now) {
        long backlog = status.backlog();
        DiskBudget.Alert alert = status.disk().alert();
        boolean changed = (backlog != lastStatusBacklog || alert != lastStatusAlert)
                && !now.isBefore(lastStatusAt.plus(STATUS_MIN_GAP));
        if (changed || !now.isBefore(lastStatusAt.plus(config.statusInterval()))) {
            publishStatus(now);
        }
    }

    private void publishStatus(Instant now) {
        if (!connected || statusInFlight) {
            return;
        }
        KioskStatus online = statusSource.online(status.disk());
        int gen = generation;
        Object statusPublish = new Object();
        try {
            statusInFlight = true;
            pubacks.sent(statusPublish, now);
            publish(client, statusTopic, codec.encode(online), true, listener(gen, () -> pubacks.answered(statusPublish),
                    token -> statusInFlight = false, e -> onConnectionLost(gen, e)));
            lastStatusAt = now;
            lastStatusBacklog = online.backlog();
            lastStatusAlert = status.disk().alert();
        } catch (MqttException e) {
            onConnectionLost(gen, e);
        }
    }

    private void snapshot() {
        lastSnapshotAt = clock.instant();
        DiskUsage disk = DiskUsage.of(config.databasePath(), config.diskBudgetBytes());
        if (disk.alert() != status.disk().alert() && disk.alert() != DiskBudget.Alert.NONE) {
            log.warn("the kiosk database uses {}% of its disk budget ({} of {} bytes): alert {}; check-ins are still recorded",
                    disk.percent(), disk.usedBytes(), disk.budgetBytes(), disk.alert());
        }
        status = new SyncStatus(connected, outbox.backlogCount(), lastSyncAt, failures, problem, disk);
        diskBudget.record(disk);
    }

    private void purge() {
        lastPurgeAt = clock.instant();
        int purged = outbox.purgeDelivered(lastPurgeAt.minus(config.purgeAfter()));
        if (purged > 0) {
            log.info("purged {} outbox rows delivered more than {} ago", purged, config.purgeAfter());
        }
    }

    private void notifyListeners(BatchDelivered delivered) {
        for (DeliveryListener listener : listeners) {
            try {
                listener.delivered(delivered);
            } catch (RuntimeException e) {
                log.warn("a delivery listener failed: {}", e.toString());
            }
        }
    }

    // ---- plumbing ----

    private static IMqttToken publish(MqttAsyncClient target, String topic, byte[] payload, boolean retained)
            throws MqttException {
        return publish(target, topic, payload, retained, null);
    }

    private static IMqttToken publish(MqttAsyncClient target, String topic, byte[] payload, boolean retained,
            MqttActionListener listener) throws MqttException {
        MqttMessage message = new MqttMessage(payload);
        message.setQos(1);
        message.setRetained(retained);
        return target.publish(topic, message, null, listener);
    }

    /** A Paho action listener whose outcome runs on the worker, and only while its client is current. */
    private MqttActionListener listener(int gen, Consumer<IMqttToken> success, Consumer<Throwable> failure) {
        return listener(gen, () -> { }, success, failure);
    }

    /** As above, with {@code arrived} run at once on Paho's thread when the broker answers. */
    private MqttActionListener listener(int gen, Runnable arrived, Consumer<IMqttToken> success,
            Consumer<Throwable> failure) {
        return new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                arrived.run();
                post(() -> {
                    if (gen == generation && !closing) {
                        success.accept(token);
                    }
                });
            }

            @Override
            public void onFailure(IMqttToken token, Throwable cause) {
                post(() -> failure.accept(cause));
            }
        };
    }

    private void post(Runnable task) {
        try {
            worker.execute(() -> guarded(task));
        } catch (RejectedExecutionException e) {
            log.trace("agent stopped; dropping a late event");
        }
    }

    /** Runs a worker task; a failure (e.g. SQLite busy) is logged and the connection loop goes on. */
    private void guarded(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            log.error("sync agent step failed: {}", e.toString(), e);
        }
    }

    private static int reasonCode(Throwable cause) {
        return cause instanceof MqttException mqtt ? mqtt.getReasonCode() : -1;
    }

    static String describe(Throwable cause) {
        if (cause instanceof MqttException mqtt) {
            Throwable inner = mqtt.getCause();
            return mqtt.getMessage() + " (" + mqtt.getReasonCode() + ")" + (inner == null ? "" : ": " + inner.getMessage());
        }
        return String.valueOf(cause);
    }
}
