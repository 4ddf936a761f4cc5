package org.culturecard.sync.agent;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.culturecard.core.enrolment.Enrolment;
import org.culturecard.core.wire.AwardsShown;
import org.culturecard.core.wire.Topics;
import org.culturecard.core.wire.WireCodec;
import org.culturecard.kioskdb.EnrolledFilterFile;
import org.culturecard.mqttlink.BrokerEndpoint;
import org.culturecard.mqttlink.PahoClients;
import org.culturecard.sync.config.SyncConfig;
import org.culturecard.sync.outbox.SqliteEnrolments;
import org.culturecard.sync.outbox.SqliteOutbox;
import org.culturecard.sync.venue.SqliteVenueEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sync agent: forwards the kiosk's outbox to central over MQTT 5 and marks check-ins delivered
 * only when central's ack arrives, carries the venue's config down and kiosk-made events up, and
 * reports the kiosk's status. This class composes and paces the parts, each confined to one worker
 * thread ({@link Worker}): the connection ({@link BrokerSession}, reconnecting through mqtt-link),
 * the forwarder with its in-flight window ({@link OutboxForwarder}), the enrolments' forwarder
 * ({@link EnrolmentForwarder}), the awards-shown forwarder ({@link AwardsShownForwarder}), the venue sync
 * ({@link VenueSync}), the enrolled-card filter ({@link FilterSync}), the status ({@link StatusPublisher}) and the purge ({@link OutboxPurge}).
 *
 * <p>Paho keeps messages only in memory: the SQLite outbox is the one durable queue, so after any
 * reconnect every unacknowledged row is simply published again; central's inserts are idempotent.
 * The agent also watches the disk budget ({@link DiskUsage}) for the status message and, through a
 * settings row the kiosk reads ({@link DiskBudgetRecorder}), the kiosk's staff status screen.
 */
public final class MqttSyncAgent implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MqttSyncAgent.class);
    private static final Duration SNAPSHOT_EVERY = Duration.ofSeconds(1);
    private static final long CLOSE_WAIT_MILLIS = 2000;

    private final SyncConfig config;
    private final SqliteOutbox outbox;
    private final Clock clock;
    private final UUID bootId;
    private final Worker worker;
    private final SqliteVenueEvents venueEvents;
    private final BrokerSession session;
    private final OutboxForwarder forwarder;
    private final VenueSync venue;
    private final FilterSync filter;
    private final SqliteEnrolments enrolmentOutbox;
    private final EnrolmentForwarder enrolments;
    private final AwardsShownForwarder awardsShown;
    private final StatusPublisher status;
    private final OutboxPurge purge;
    private final AgentMeters meters = new AgentMeters(new SimpleMeterRegistry());
    private final Lookout lookout;
    private WalWatch walWatch; // guarded by this; null when not watching
    private final List<DeliveryListener> listeners = new CopyOnWriteArrayList<>();
    private final String configTopic;
    private Instant lastSnapshotAt = Instant.MIN; // worker thread
    private volatile boolean started;

    public MqttSyncAgent(SyncConfig config, SqliteOutbox outbox, Clock clock, Supplier<UUID> ids) {
        this.config = config;
        this.outbox = outbox;
        this.clock = clock;
        this.bootId = ids.get();
        this.configTopic = Topics.config(config.venueId());
        String uri = config.brokerUri().toString();
        BrokerEndpoint broker = (config.tlsConfigured()
                ? BrokerEndpoint.tls(uri, config.caCert(), config.clientCert(), config.clientKey())
                : BrokerEndpoint.plain(uri)).withCredentials(config.username(), config.password());
        this.venueEvents = SqliteVenueEvents.open(config.databasePath());
        StatusSource statusSource = new StatusSource(config.kioskId(), config.venueId(), outbox, config.databasePath(), clock,
                venueEvents::readerState);
        KioskFiles files = new KioskFiles(config, outbox, venueEvents, statusSource,
                new DiskBudgetRecorder(venueEvents::putDiskBudget, clock));
        WireCodec codec = new WireCodec();
        this.worker = new Worker(config.kioskId(), config.venueId());
        this.session = new BrokerSession(config, broker, () -> codec.encode(statusSource.offline()), clock, worker,
                PahoClients.inMemory(), new SessionEvents());
        this.forwarder = new OutboxForwarder(config, files, session, clock, ids, bootId, this::notifyListeners,
                meters);
        this.venue = new VenueSync(config, files, session, clock);
        this.filter = new FilterSync(EnrolledFilterFile.beside(config.databasePath()), clock);
        this.enrolmentOutbox = SqliteEnrolments.open(config.databasePath());
        this.enrolments = new EnrolmentForwarder(config, new EnrolmentOutbox(enrolmentOutbox), session, clock, ids, bootId);
        this.awardsShown = new AwardsShownForwarder(config, new ShownAwards(outbox), session, clock, ids);
        this.status = new StatusPublisher(config, files, session, clock);
        this.purge = new OutboxPurge(files, config.purgeAfter(), clock);
        meters.bind(status::status);
        this.lookout = new Lookout(worker, forwarder::pump);
    }

    /** Starts connecting (in the background) and forwarding; returns at once. */
    public synchronized void start() {
        if (started) {
            throw new IllegalStateException("already started");
        }
        started = true;
        log.info("sync agent starting, boot {}", bootId);
        worker.post(this::startup);
        worker.every(config.pollInterval().toMillis(), this::tick);
        try {
            walWatch = WalWatch.start(config.databasePath(), lookout::hint, "sync-agent-wal-" + config.kioskId());
        } catch (IOException | RuntimeException e) {
            log.warn("cannot watch {} for new check-ins ({}): the outbox is read every {} only",
                    config.databasePath(), e.toString(), config.pollInterval());
        }
    }

    /** A snapshot for the staff status screen; any thread. */
    public SyncStatus status() {
        return status.status();
    }

    /** The agent's meters (batches published, check-ins acked, republished, backlog); any thread. */
    public MeterRegistry meters() {
        return meters.registry();
    }

    /** Adds a listener told of every batch central acknowledges. */
    public void addDeliveryListener(DeliveryListener listener) {
        listeners.add(listener);
    }

    /** Asks the agent to look at the outbox now, e.g. right after the kiosk recorded a tap in-process. */
    public void wake() {
        lookout.hint();
    }

    /** Publishes "offline", disconnects, closes the client and stops the worker. Idempotent. */
    @Override
    public void close() {
        synchronized (this) {
            if (walWatch != null) {
                walWatch.close();
                walWatch = null;
            }
        }
        if (worker.isStopped()) {
            return;
        }
        worker.stopAfter(this::shutdown, 3 * CLOSE_WAIT_MILLIS, CLOSE_WAIT_MILLIS);
        log.info("sync agent stopped: {}", meters.summary());
    }

    // ---- worker thread ----

    private void startup() {
        int released = outbox.releaseAllUnacked();
        if (released > 0) {
            log.info("{} check-ins were in flight when the agent last stopped: they go out again", released);
        }
        purge.purgeIfDue();
        snapshot();
        session.start();
    }

    private void tick() {
        Instant now = clock.instant();
        boolean everySecond = !now.isBefore(lastSnapshotAt.plus(SNAPSHOT_EVERY));
        if (session.halfOpen()) {
            return;
        }
        forwarder.expireUnacked(now, everySecond);
        forwarder.pump();
        if (everySecond) {
            snapshot();
            status.maybePublish();
            venue.publishKioskEvents();
            enrolments.expireUnacked(now);
            enrolments.pump();
            awardsShown.expireUnacked(now);
            awardsShown.pump();
        }
        purge.purgeIfDue();
    }

    private void shutdown() {
        session.close();
        snapshot();
        venueEvents.close();
        enrolmentOutbox.close();
    }

    private void snapshot() {
        lastSnapshotAt = clock.instant();
        status.snapshot(session.failures(), session.problem(), forwarder.lastSyncAt());
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

    /** The enrolment outbox in the kiosk's database, as the enrolment forwarder uses it. */
    private record EnrolmentOutbox(SqliteEnrolments table) implements EnrolmentForwarder.Enrolments {
        @Override
        public List<Enrolment> pending(int limit) {
            return table.pending(limit);
        }

        @Override
        public int markDelivered(Collection<UUID> ids, Instant at) {
            return table.markDelivered(ids, at);
        }
    }

    /** The awards shown at this kiosk, as the awards-shown forwarder uses them. */
    private record ShownAwards(SqliteOutbox table) implements AwardsShownForwarder.ShownOutbox {
        @Override
        public List<AwardsShown.Shown> unreported(int limit) {
            return table.unreportedAwards(limit);
        }

        @Override
        public int reported(List<AwardsShown.Shown> shown, Instant at) {
            return table.awardsReported(shown, at);
        }
    }

    /** What the connection tells the agent, on the worker. */
    private final class SessionEvents implements SessionListener {
        /** Acks that arrived since the last settling; settled together, in one transaction. */
        private final List<byte[]> acks = new ArrayList<>();

        @Override
        public void connected(int receiveMaximum) {
            int window = forwarder.connected(receiveMaximum);
            log.info("connected to {} (broker receive maximum {}, publish window {} batches)",
                    config.brokerUri(), receiveMaximum, window);
            status.publish();
            snapshot();
            forwarder.pump();
            venue.publishKioskEvents();
            enrolments.reset();
            enrolments.pump();
            awardsShown.reset();
            awardsShown.pump();
        }

        @Override
        public void disconnected() {
            forwarder.disconnected();
            status.disconnected();
            venue.disconnected();
            enrolments.reset();
            awardsShown.reset();
        }

        @Override
        public void changed() {
            snapshot();
        }

        @Override
        public void messageArrived(String topic, byte[] payload) {
            if (configTopic.equals(topic)) {
                venue.configArrived(payload);
                return;
            }
            if (FilterSync.isChunkTopic(topic)) {
                filter.chunkArrived(topic, payload);
                return;
            }
            if (enrolments.ackArrived(payload) || awardsShown.ackArrived(payload)) {
                return; // an ack of an enrolment or awards-shown batch: settled at once, one batch is in flight
            }
            if (acks.isEmpty()) {
                worker.post(this::settleAcks); // after the acks already queued behind this one
            }
            acks.add(payload);
        }

        private void settleAcks() {
            List<byte[]> arrived = List.copyOf(acks);
            acks.clear();
            forwarder.acksArrived(arrived);
        }
    }
}
