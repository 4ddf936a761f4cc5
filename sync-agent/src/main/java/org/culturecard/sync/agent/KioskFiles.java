package org.culturecard.sync.agent;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.culturecard.core.wire.KioskStatus;
import org.culturecard.core.wire.PendingAward;
import org.culturecard.core.wire.VenueConfig;
import org.culturecard.sync.config.SyncConfig;
import org.culturecard.sync.outbox.OutboxRecord;
import org.culturecard.sync.outbox.SqliteOutbox;
import org.culturecard.sync.venue.KioskEvent;
import org.culturecard.sync.venue.SqliteVenueEvents;

/**
 * The agent's parts' ports on the kiosk's SQLite file and disk: the outbox ({@link SqliteOutbox}),
 * the venue tables and settings ({@link SqliteVenueEvents}), the status message ({@link StatusSource})
 * and the disk budget ({@link DiskUsage}, {@link DiskBudgetRecorder}). Delegation only, so the
 * parts are tested against fakes and this against nothing but the adapters it delegates to.
 */
final class KioskFiles implements OutboxForwarder.Outbox, VenueSync.VenueStore, StatusPublisher.Figures, OutboxPurge.Purger {
    private final SyncConfig config;
    private final SqliteOutbox outbox;
    private final SqliteVenueEvents venue;
    private final StatusSource statusSource;
    private final DiskBudgetRecorder diskBudget;

    KioskFiles(SyncConfig config, SqliteOutbox outbox, SqliteVenueEvents venue, StatusSource statusSource,
            DiskBudgetRecorder diskBudget) {
        this.config = config;
        this.outbox = outbox;
        this.venue = venue;
        this.statusSource = statusSource;
        this.diskBudget = diskBudget;
    }

    @Override
    public List<OutboxRecord> nextBatch(long afterSeq, int maxRecords, int maxBytes) {
        return outbox.nextBatch(afterSeq, maxRecords, maxBytes);
    }

    @Override
    public void markSent(Map<UUID, List<Long>> batches, Instant at) {
        outbox.markSent(batches, at);
    }

    @Override
    public Map<UUID, Integer> markDelivered(Collection<UUID> batchIds, Instant at) {
        return outbox.markDelivered(batchIds, at);
    }

    @Override
    public int releaseUnacked(Instant olderThan) {
        return outbox.releaseUnacked(olderThan);
    }

    @Override
    public int releaseAllUnacked() {
        return outbox.releaseAllUnacked();
    }

    @Override
    public void keepAwards(List<PendingAward> awards, Instant at) {
        outbox.keepAwards(awards, at);
    }

    @Override
    public int purgeDelivered(Instant olderThan) {
        return outbox.purgeDelivered(olderThan);
    }

    @Override
    public int apply(VenueConfig snapshot, Instant now) {
        return venue.apply(snapshot, now);
    }

    @Override
    public List<KioskEvent> unpublished(int max) {
        return venue.unpublished(max);
    }

    @Override
    public int markPublished(List<KioskEvent> sent) {
        return venue.markPublished(sent);
    }

    @Override
    public long backlog() {
        return outbox.backlogCount();
    }

    @Override
    public DiskUsage disk() {
        return DiskUsage.of(config.databasePath(), config.diskBudgetBytes());
    }

    @Override
    public void recordDisk(DiskUsage disk) {
        diskBudget.record(disk);
    }

    @Override
    public KioskStatus online(DiskUsage disk) {
        return statusSource.online(disk);
    }
}
