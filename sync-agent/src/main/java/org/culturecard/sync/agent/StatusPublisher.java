package org.culturecard.sync.agent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.culturecard.core.status.DiskBudget;
import org.culturecard.core.wire.KioskStatus;
import org.culturecard.core.wire.Topics;
import org.culturecard.core.wire.WireCodec;
import org.culturecard.sync.config.SyncConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's status, both ways it is shown: a {@link SyncStatus} snapshot for the kiosk's staff
 * status screen (and the demo), with the disk budget verdict written back for the kiosk, and the
 * retained {@link KioskStatus} for central's fleet view, published at the configured interval and
 * soon after the backlog or the disk alert changes (at most every 5 s). Snapshots are taken on
 * the agent's worker and read from any thread.
 */
final class StatusPublisher {
    private static final Logger log = LoggerFactory.getLogger(MqttSyncAgent.class); // the agent's one log
    private static final Duration MIN_GAP = Duration.ofSeconds(5);

    /** What the status is made of, from the kiosk's database and disk. */
    interface Figures {
        long backlog();

        DiskUsage disk();

        /** Writes the disk budget verdict where the kiosk reads it. */
        void recordDisk(DiskUsage disk);

        KioskStatus online(DiskUsage disk);
    }

    private final SyncConfig config;
    private final Figures figures;
    private final Link link;
    private final Clock clock;
    private final WireCodec codec = new WireCodec();
    private final String statusTopic;
    private volatile SyncStatus status = SyncStatus.initial();
    private boolean inFlight;
    private Instant lastPublishedAt = Instant.MIN;
    private long lastBacklog = -1;
    private DiskBudget.Alert lastAlert = DiskBudget.Alert.NONE;

    StatusPublisher(SyncConfig config, Figures figures, Link link, Clock clock) {
        this.config = config;
        this.figures = figures;
        this.link = link;
        this.clock = clock;
        this.statusTopic = Topics.status(config.venueId(), config.kioskId());
    }

    /** The last snapshot; any thread. */
    SyncStatus status() {
        return status;
    }

    /** Takes a new snapshot from the link's state and the kiosk's figures, and records the disk verdict. */
    void snapshot(int failures, String problem, Instant lastSyncAt) {
        DiskUsage disk = figures.disk();
        if (disk.alert() != status.disk().alert() && disk.alert() != DiskBudget.Alert.NONE) {
            log.warn("the kiosk database uses {}% of its disk budget ({} of {} bytes): alert {}; check-ins are still recorded",
                    disk.percent(), disk.usedBytes(), disk.budgetBytes(), disk.alert());
        }
        status = new SyncStatus(link.isUp(), figures.backlog(), lastSyncAt, failures, problem, disk);
        figures.recordDisk(disk);
    }

    /** Publishes when the interval is up, or when the backlog or the alert changed and the last one is 5 s old. */
    void maybePublish() {
        Instant now = clock.instant();
        boolean changed = (status.backlog() != lastBacklog || status.disk().alert() != lastAlert)
                && !now.isBefore(lastPublishedAt.plus(MIN_GAP));
        if (changed || !now.isBefore(lastPublishedAt.plus(config.statusInterval()))) {
            publish();
        }
    }

    /** Publishes the retained online status now (one at a time). */
    void publish() {
        if (!link.isUp() || inFlight) {
            return;
        }
        KioskStatus online = figures.online(status.disk());
        inFlight = true;
        link.publish(statusTopic, codec.encode(online), true, code -> inFlight = false);
        if (link.isUp()) { // a publish that failed at once lost the connection: the next one is not delayed
            lastPublishedAt = clock.instant();
            lastBacklog = online.backlog();
            lastAlert = status.disk().alert();
        }
    }

    /** The connection is gone: the status in flight, if any, is superseded by the next one. */
    void disconnected() {
        inFlight = false;
    }
}
