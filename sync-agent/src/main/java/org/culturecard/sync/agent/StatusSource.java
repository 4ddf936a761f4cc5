package org.culturecard.sync.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;
import org.culturecard.core.ids.KioskId;
import org.culturecard.core.ids.VenueId;
import org.culturecard.core.wire.KioskStatus;
import org.culturecard.core.wire.Schemas;
import org.culturecard.sync.outbox.SqliteOutbox;

/** Builds the kiosk's status message from the outbox, the disk and the versions, for central's fleet view. */
final class StatusSource {
    /** The key in the status message's {@code versions} map that carries the disk budget alert. */
    static final String DISK_ALERT_KEY = "disk-budget";

    private final KioskId kiosk;
    private final VenueId venue;
    private final SqliteOutbox outbox;
    private final Path database;
    private final Clock clock;
    private final Map<String, String> versions;
    private final Supplier<String> readerState;

    /**
     * @param readerState the card reader's state as the kiosk last wrote it (settings row
     *                    {@code reader.state}, kiosk-db's {@code SettingKey.READER_STATE}), or null when the kiosk does not write it
     */
    StatusSource(KioskId kiosk, VenueId venue, SqliteOutbox outbox, Path database, Clock clock,
            Supplier<String> readerState) {
        this.readerState = readerState;
        this.kiosk = kiosk;
        this.venue = venue;
        this.outbox = outbox;
        this.database = database;
        this.clock = clock;
        String own = StatusSource.class.getPackage().getImplementationVersion();
        this.versions = Map.of("sync-agent", own == null ? "dev" : own, "java", System.getProperty("java.version"));
    }

    /**
     * The online status. {@code freeDiskBytes} is the room the kiosk really has: the smaller of the
     * file system's usable space and what is left of the disk budget, so central's fleet view warns
     * on whichever runs out first. The budget's alert level and percentage travel in {@code versions}
     * under {@value #DISK_ALERT_KEY} (e.g. {@code "HIGH 83%"}) until KioskStatus gains a field for it.
     */
    KioskStatus online(DiskUsage disk) {
        Instant now = clock.instant();
        Long oldest = outbox.oldestPendingAge(now).map(Duration::toSeconds).orElse(null);
        Long fileSystemFree = freeDiskBytes();
        long free = fileSystemFree == null ? disk.remainingBytes() : Math.min(fileSystemFree, disk.remainingBytes());
        Map<String, String> withAlert = new java.util.TreeMap<>(versions);
        withAlert.put(DISK_ALERT_KEY, disk.alert() + " " + disk.percent() + "%");
        return new KioskStatus(Schemas.KIOSK_STATUS, kiosk, venue, KioskStatus.ONLINE, now,
                outbox.backlogCount(), oldest, readerState.get(), free, withAlert);
    }

    KioskStatus offline() {
        return KioskStatus.offline(kiosk, venue, clock.instant());
    }

    private Long freeDiskBytes() {
        try {
            Path existing = Files.exists(database) ? database : database.toAbsolutePath().getParent();
            return Files.getFileStore(existing).getUsableSpace();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
