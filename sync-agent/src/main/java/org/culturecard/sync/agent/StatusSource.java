package org.culturecard.sync.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.culturecard.core.ids.KioskId;
import org.culturecard.core.ids.VenueId;
import org.culturecard.core.wire.KioskStatus;
import org.culturecard.core.wire.Schemas;
import org.culturecard.sync.outbox.SqliteOutbox;

/** Builds the kiosk's status message from the outbox, the disk and the versions, for central's fleet view. */
final class StatusSource {
    private final KioskId kiosk;
    private final VenueId venue;
    private final SqliteOutbox outbox;
    private final Path database;
    private final Clock clock;
    private final Map<String, String> versions;

    StatusSource(KioskId kiosk, VenueId venue, SqliteOutbox outbox, Path database, Clock clock) {
        this.kiosk = kiosk;
        this.venue = venue;
        this.outbox = outbox;
        this.database = database;
        this.clock = clock;
        String own = StatusSource.class.getPackage().getImplementationVersion();
        this.versions = Map.of("sync-agent", own == null ? "dev" : own, "java", System.getProperty("java.version"));
    }

    KioskStatus online() {
        Instant now = clock.instant();
        Long oldest = outbox.oldestPendingAge(now).map(Duration::toSeconds).orElse(null);
        return new KioskStatus(Schemas.KIOSK_STATUS, kiosk, venue, KioskStatus.ONLINE, now,
                outbox.backlogCount(), oldest, null, freeDiskBytes(), versions);
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
