package org.culturecard.sync.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.culturecard.core.status.DiskBudget;
import org.culturecard.core.wire.KioskStatus;
import org.culturecard.sync.config.SyncConfig;
import org.culturecard.sync.outbox.OutboxRecord;
import org.culturecard.sync.outbox.SqliteOutbox;
import org.culturecard.sync.testing.KioskDb;
import org.culturecard.sync.venue.SqliteVenueEvents;
import org.culturecard.kioskdb.SettingKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ports on a real kiosk file: what the forwarder, the status and the purge see is what SQLite holds. */
class KioskFilesTest {
    @TempDir
    Path dir;

    @Test
    void theForwardersOutboxTheStatusFiguresAndThePurgeAreTheKioskFile() throws Exception {
        Instant now = Instant.now();
        try (KioskDb kiosk = KioskDb.create(dir); SqliteOutbox outbox = SqliteOutbox.open(kiosk.file());
                SqliteVenueEvents venue = SqliteVenueEvents.open(kiosk.file())) {
            kiosk.record(3, now);
            SyncConfig config = SyncConfig.builder(java.net.URI.create("tcp://127.0.0.1:1"), KioskDb.KIOSK, KioskDb.VENUE,
                    kiosk.file()).diskBudget(1L << 30).build();
            Clock clock = Clock.systemUTC();
            KioskFiles files = new KioskFiles(config, outbox, venue,
                    new StatusSource(KioskDb.KIOSK, KioskDb.VENUE, outbox, kiosk.file(), clock, () -> null),
                    new DiskBudgetRecorder(venue::putDiskBudget, clock));

            List<OutboxRecord> rows = files.nextBatch(0, 10, 1 << 20);
            assertThat(rows).extracting(OutboxRecord::seq).containsExactly(1L, 2L, 3L);
            assertThat(files.backlog()).isEqualTo(3);
            UUID batch = UUID.randomUUID();
            files.markSent(Map.of(batch, rows.stream().map(OutboxRecord::seq).toList()), now);
            assertThat(files.nextBatch(0, 10, 1 << 20)).isEmpty();
            assertThat(files.releaseAllUnacked()).isEqualTo(3);
            files.markSent(Map.of(batch, rows.stream().map(OutboxRecord::seq).toList()), now);
            assertThat(files.markDelivered(List.of(batch), now)).isEqualTo(Map.of(batch, 3));
            assertThat(files.backlog()).isZero();
            assertThat(kiosk.deliveredCount()).isEqualTo(3);
            assertThat(files.purgeDelivered(now.plusSeconds(1))).isEqualTo(3);

            DiskUsage disk = files.disk();
            assertThat(disk.usedBytes()).isPositive();
            assertThat(disk.budgetBytes()).isEqualTo(1L << 30);
            files.recordDisk(disk);
            assertThat(kiosk.setting(SettingKey.DISK_BUDGET.name())).startsWith("alert=" + DiskBudget.Alert.NONE.name());
            KioskStatus online = files.online(disk);
            assertThat(online.kioskId()).isEqualTo(KioskDb.KIOSK);
            assertThat(online.backlog()).isZero();
            assertThat(files.unpublished(10)).isEmpty();
        }
    }
}
