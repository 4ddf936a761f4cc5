package org.culturecard.kioskdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.culturecard.core.card.CardKind;
import org.culturecard.core.checkin.CheckIn;
import org.culturecard.core.ids.KioskId;
import org.culturecard.core.ids.VenueId;
import org.culturecard.core.privacy.Token;
import org.culturecard.kioskdb.KioskDb.Role;
import org.culturecard.kioskdb.internal.Migrations;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A venue's kiosk and its sync agent are two processes, upgraded one at a time (ADR 26): whichever
 * starts first on a new release migrates the file, and the other, still on the old release, must
 * keep working on it. Here the old releases are played by their own SQL: the file is made by
 * release 1's kiosk (Flyway with release 1's only script), and the old agent and old kiosk run
 * exactly the statements release 1 ran, on their own connections.
 */
class UpgradeOrderTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:15:30.250Z");
    private static final String CHECK_IN = "01937a2b-0000-7000-8000-000000000001";
    private static final String EVENT = "01937a2b-0000-7000-8000-0000000000e1";

    @TempDir
    Path dir;

    @Test
    void theKioskUpgradedFirstMigratesAndTheOldAgentKeepsSyncing() throws Exception {
        Path file = releaseOneKioskFile();

        try (KioskDb kiosk = KioskDb.open(file, Role.KIOSK)) {
            assertThat(kiosk.schemaVersion()).isEqualTo(4);
            assertThat(kiosk.<Long>read("read the backlog", t -> t.outbox().backlog())).isEqualTo(1);
            kiosk.write("record a check-in", t -> {
                CheckIn checkIn = checkIn(t.checkIns().nextSeq());
                t.checkIns().insert(checkIn, LocalDate.of(2026, 11, 25));
                t.outbox().add(checkIn.seq(), checkIn.id(), "{\"seq\":2}", NOW);
                return null;
            });

            try (RawFile oldAgent = new RawFile(file)) {
                oldAgentSyncs(oldAgent, 2);
            }
        }
    }

    @Test
    void theAgentUpgradedFirstMigratesAndTheOldKioskKeepsRecordingAndRestarting() throws Exception {
        Path file = releaseOneKioskFile();

        try (KioskDb agent = KioskDb.open(file, Role.SYNC_AGENT)) {
            assertThat(agent.schemaVersion()).isEqualTo(4);

            try (RawFile oldKiosk = new RawFile(file)) {
                oldKioskRecords(oldKiosk, 2, "01937a2b-0000-7000-8000-000000000002");
                oldKiosk.update("INSERT INTO staff (id, display_name, pin_hash, created_at) VALUES (?, ?, ?, ?)",
                        UUID.randomUUID().toString(), "Pat", null, "2026-11-25T10:00:00.000Z");
                assertThat(oldKiosk.rows("SELECT display_name, origin FROM staff")).containsExactly("Pat|kiosk");
            }
            assertThat(agent.<Long>read("read the backlog", t -> t.outbox().backlog())).isEqualTo(2);
            assertThat(agent.<Optional<UUID>>read("read staff", t -> t.staff().idByName("Pat"))).isPresent();
        }
        // The old kiosk restarts: its Flyway knows version 1 only, and takes versions 2 and 3 as future ones.
        Flyway releaseOne = SchemaHistoryTest.flyway(file, releaseOneScripts());
        assertThat(releaseOne.migrate().migrationsExecuted).isZero();
        assertThat(releaseOne.validateWithResult().validationSuccessful).isTrue();
    }

    @Test
    void aFileALaterReleaseMigratedStillWorksForThisOneBothWays() throws Exception {
        Path file = dir.resolve("kiosk.db");
        Migrations later = new Migrations(List.of("db/kiosk/V1__kiosk_store.sql", "db/kiosk/V2__staff_from_central.sql",
                "db/kiosk/V3__enrolment_outbox.sql", "db/kiosk/V4__awards.sql",
                "db/kiosk-next/V5__a_later_release.sql"));
        KioskDb.open(file, Role.KIOSK, later).close(); // a later release made it

        try (KioskDb kiosk = KioskDb.open(file, Role.KIOSK); KioskDb agent = KioskDb.open(file, Role.SYNC_AGENT)) {
            assertThat(kiosk.schemaVersion()).isEqualTo(5);
            assertThat(agent.schemaVersion()).isEqualTo(5);
            kiosk.write("record a check-in", t -> {
                CheckIn checkIn = checkIn(t.checkIns().nextSeq());
                assertThat(t.checkIns().insert(checkIn, LocalDate.of(2026, 11, 25))).isTrue();
                t.outbox().add(checkIn.seq(), checkIn.id(), "{\"seq\":1}", NOW);
                return null;
            });
            UUID batch = UUID.randomUUID();
            agent.write("send", t -> {
                t.outbox().markSent(batch, List.of(1L), NOW);
                return null;
            });
            assertThat(agent.<Integer>write("ack", t -> t.outbox().markDelivered(batch, NOW.plusSeconds(1)))).isEqualTo(1);
        }
        try (RawFile raw = new RawFile(file)) {
            assertThat(raw.rows("SELECT seq, source FROM check_ins")).containsExactly("1|card");
        }
    }

    /** Release 1's scripts as its jar held them: version 1 alone, as released (the same bytes, so the same checksum). */
    private String releaseOneScripts() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("release-1"));
        try (InputStream v1 = getClass().getClassLoader().getResourceAsStream("db/kiosk/V1__kiosk_store.sql")) {
            Files.copy(v1, folder.resolve("V1__kiosk_store.sql"), StandardCopyOption.REPLACE_EXISTING);
        }
        return "filesystem:" + folder;
    }

    /** A file as release 1's kiosk left it: Flyway with release 1's script, one check-in recorded. */
    private Path releaseOneKioskFile() throws Exception {
        Path file = dir.resolve("kiosk.db");
        SchemaHistoryTest.flyway(file, releaseOneScripts()).migrate();
        try (RawFile oldKiosk = new RawFile(file)) {
            oldKiosk.execute("PRAGMA journal_mode=WAL");
            assertThat(oldKiosk.rows("SELECT version FROM flyway_schema_history")).containsExactly("1");
            oldKioskRecords(oldKiosk, 1, CHECK_IN);
        }
        return file;
    }

    /** What release 1's kiosk ran for a tap (SqliteKioskStore.recordCheckIn) and for an event from staff. */
    private static void oldKioskRecords(RawFile kiosk, long seq, String id) throws Exception {
        kiosk.execute("BEGIN IMMEDIATE");
        kiosk.update("INSERT INTO check_ins (id, seq, token, event_id, venue_id, kiosk_id, tapped_at, visit_day,"
                        + " clock_synced, card_kind, app_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id, seq, "ab".repeat(32), null, "museum", "museum-1", "2026-11-25T10:15:30.250Z", "2026-11-" + (20 + seq),
                1, "MIFARE_CLASSIC_1K", "1.0");
        kiosk.update("INSERT INTO outbox (seq, check_in_id, payload, created_at) VALUES (?, ?, ?, ?)",
                seq, id, "{\"seq\":" + seq + "}", "2026-11-25T10:15:30.250Z");
        kiosk.execute("COMMIT");
        kiosk.update("INSERT INTO events (id, venue_id, title, sector, activity, mode, age_band, learning_layer,"
                        + " starts_at, ends_at, capacity, origin, updated_at, published) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                        + " ?, ?, ?, 0) ON CONFLICT (id) DO UPDATE SET title = excluded.title, updated_at = excluded.updated_at,"
                        + " published = 0",
                EVENT, "museum", "Zine club " + seq, "arts", "arts-crafts", "take-part", "11-15", null,
                "2026-11-25T10:00:00.000Z", "2026-11-25T12:00:00.000Z", null, "kiosk", "2026-11-25T10:0" + seq + ":00.000Z");
    }

    /** What release 1's agent ran (SqliteOutbox, SqliteVenueEvents, KioskDatabase) for a batch, an ack and a config. */
    private static void oldAgentSyncs(RawFile agent, int expectedRows) throws Exception {
        List<String> pending = agent.rows("SELECT seq, check_in_id, payload, created_at FROM outbox"
                + " WHERE delivered_at IS NULL AND sent_at IS NULL ORDER BY seq LIMIT ?", 100);
        assertThat(pending).hasSize(expectedRows);
        String batch = UUID.randomUUID().toString();
        for (int seq = 1; seq <= expectedRows; seq++) {
            agent.update("UPDATE outbox SET batch_id = ?, sent_at = ? WHERE seq = ? AND delivered_at IS NULL",
                    batch, "2026-11-25T10:15:31.000000000Z", seq);
        }
        assertThat(agent.update("UPDATE outbox SET delivered_at = ? WHERE batch_id = ? AND delivered_at IS NULL",
                "2026-11-25T10:15:32.000000000Z", batch)).isEqualTo(expectedRows);
        agent.update("INSERT INTO events (id, venue_id, title, sector, activity, mode, age_band, learning_layer,"
                        + " starts_at, ends_at, capacity, origin, config_version, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                        + " ?, 'central', ?, ?) ON CONFLICT (id) DO UPDATE SET venue_id = excluded.venue_id,"
                        + " title = excluded.title, config_version = excluded.config_version, updated_at = excluded.updated_at",
                UUID.randomUUID().toString(), "museum", "Jazz night", "arts", "music", "attend", "all", null,
                "2026-11-25T18:00:00.000Z", "2026-11-25T21:00:00.000Z", 80, 7, "2026-11-25T10:15:33.000Z");
        agent.update("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                "config.version", "7");
        assertThat(agent.one("SELECT value FROM settings WHERE key = 'config.version'")).isEqualTo("7");
        assertThat(agent.rows("SELECT title FROM events WHERE published = 0 AND origin = 'kiosk'")).hasSize(1);
    }

    private static CheckIn checkIn(long seq) {
        return new CheckIn(UUID.fromString(String.format("01937a2b-0000-7000-8000-%012d", 100 + seq)), seq,
                Token.of("cd".repeat(32)), null, VenueId.of("museum"), KioskId.of("museum-1"), NOW, true,
                CardKind.MIFARE_CLASSIC_1K, "2.0");
    }
}
