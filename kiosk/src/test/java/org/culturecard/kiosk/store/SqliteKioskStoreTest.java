package org.culturecard.kiosk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.culturecard.core.card.CardKind;
import org.culturecard.core.checkin.CheckIn;
import org.culturecard.core.event.Event;
import org.culturecard.core.ids.UuidV7;
import org.culturecard.core.privacy.Token;
import org.culturecard.core.wire.WireCodec;
import org.culturecard.kiosk.testing.Fixtures;
import org.culturecard.kioskdb.EventOrigin;
import org.culturecard.kioskdb.SettingKey;
import org.culturecard.kioskdb.StoredEvent;
import org.culturecard.testsupport.time.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteKioskStoreTest {
    private static final Token AMIRA = Token.of("a".repeat(64));
    private static final Token BEN = Token.of("b".repeat(64));

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at("2026-03-14T10:00:00Z");
    private UuidV7 ids;
    private Path file;
    private SqliteKioskStore store;

    @BeforeEach
    void open() {
        ids = Fixtures.ids(clock);
        file = dir.resolve("kiosk.db");
        store = SqliteKioskStore.open(file, clock);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void opensInWalModeWithFullSynchronousWrites() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            assertThat(pragma(connection, "journal_mode")).isEqualTo("wal");
        }
        assertThat(store.health().recoveredFromCorruption()).isFalse();
    }

    @Test
    void writesCheckInAndItsOutboxRowTogether() throws Exception {
        CheckIn checkIn = store.recordCheckIn(pending(AMIRA, null)).orElseThrow();

        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT c.seq, c.token, o.payload, o.delivered_at"
                     + " FROM check_ins c JOIN outbox o ON o.check_in_id = c.id")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getLong(1)).isEqualTo(1);
            assertThat(row.getString(2)).isEqualTo(AMIRA.value());
            CheckIn decoded = new WireCodec().decode(row.getString(3).getBytes(StandardCharsets.UTF_8), CheckIn.class);
            assertThat(decoded).isEqualTo(checkIn);
            assertThat(row.getString(4)).isNull();
        }
        assertThat(store.outboxBacklog()).isEqualTo(1);
    }

    @Test
    void numbersCheckInsWithoutGapsEvenWhenDuplicatesAreRefused() throws Exception {
        Event event = Fixtures.event("Stage combat", clock.instant(), Duration.ofHours(2));
        store.upsertEvent(event, EventOrigin.KIOSK);
        List<Long> seqs = new ArrayList<>();
        seqs.add(store.recordCheckIn(pending(AMIRA, event.id())).orElseThrow().seq());
        assertThat(store.recordCheckIn(pending(AMIRA, event.id()))).isEmpty();
        seqs.add(store.recordCheckIn(pending(BEN, event.id())).orElseThrow().seq());
        seqs.add(store.recordCheckIn(pending(AMIRA, null)).orElseThrow().seq());

        assertThat(seqs).containsExactly(1L, 2L, 3L);
        assertThat(count("SELECT COUNT(*) FROM outbox")).isEqualTo(3);
        assertThat(count("SELECT MAX(seq) - MIN(seq) + 1 FROM outbox")).isEqualTo(3);
    }

    @Test
    void refusesASecondGeneralVisitOnTheSameDayButNotTheNext() {
        assertThat(store.recordCheckIn(pending(AMIRA, null))).isPresent();
        assertThat(store.hasGeneralVisitOn(AMIRA, LocalDate.of(2026, 3, 14))).isTrue();
        assertThat(store.recordCheckIn(pending(AMIRA, null))).isEmpty();

        clock.advance(Duration.ofDays(1));
        assertThat(store.recordCheckIn(pending(AMIRA, null))).isPresent();
        assertThat(store.visitDaysInYear(AMIRA, Year.of(2026))).isEqualTo(2);
        assertThat(store.visitDaysInYear(BEN, Year.of(2026))).isZero();
    }

    @Test
    void findsADuplicateCheckInToAnEvent() {
        Event event = Fixtures.event("Poetry slam", clock.instant(), Duration.ofHours(1));
        store.upsertEvent(event, EventOrigin.CENTRAL);
        store.recordCheckIn(pending(AMIRA, event.id())).orElseThrow();

        assertThat(store.hasCheckedInToEvent(AMIRA, event.id())).isTrue();
        assertThat(store.hasCheckedInToEvent(BEN, event.id())).isFalse();
    }

    @Test
    void keepsOneActiveEventAndForgetsClosedOnes() {
        Event morning = Fixtures.event("Storytime", clock.instant(), Duration.ofHours(1));
        Event evening = Fixtures.event("Jazz night", clock.instant().plus(Duration.ofHours(8)), Duration.ofHours(3));
        store.upsertEvent(morning, EventOrigin.KIOSK);
        store.upsertEvent(evening, EventOrigin.CENTRAL);
        assertThat(store.activeEvent()).isEmpty();

        assertThat(store.makeActive(morning.id())).isTrue();
        assertThat(store.activeEvent()).contains(morning);
        assertThat(store.makeActive(evening.id())).isTrue();
        assertThat(store.activeEvent()).contains(evening);

        assertThat(store.closeEvent(evening.id())).isTrue();
        assertThat(store.activeEvent()).isEmpty();
        assertThat(store.makeActive(evening.id())).isFalse();
        assertThat(store.makeActive(UUID.randomUUID())).isFalse();

        List<StoredEvent> today = store.eventsOn(LocalDate.of(2026, 3, 14));
        assertThat(today).extracting(StoredEvent::event).containsExactly(morning, evening);
        assertThat(today).extracting(StoredEvent::closed).containsExactly(false, true);
    }

    @Test
    void closingAKioskMadeEventSendsItUpAgainButAnEventFromCentralStaysAsItIs() throws Exception {
        Event kioskMade = Fixtures.event("Zine club", clock.instant(), Duration.ofHours(2));
        Event fromCentral = Fixtures.event("Jazz night", clock.instant(), Duration.ofHours(2));
        store.saveKioskEvent(kioskMade);
        store.upsertEvent(fromCentral, EventOrigin.CENTRAL);
        markAllPublished();
        assertThat(store.isPublished(kioskMade.id())).isTrue();

        store.closeEvent(kioskMade.id());
        store.closeEvent(fromCentral.id());

        assertThat(store.isPublished(kioskMade.id())).as("the sync agent tells central it was closed").isFalse();
        assertThat(store.isPublished(fromCentral.id())).isTrue();
    }

    private void markAllPublished() throws Exception {
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
                java.sql.Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE events SET published = 1");
        }
    }

    @Test
    void updatesAnEventWithoutLosingItsActiveFlag() {
        Event event = Fixtures.event("Comic drawing", clock.instant(), Duration.ofHours(1));
        store.upsertEvent(event, EventOrigin.KIOSK);
        store.makeActive(event.id());
        Event renamed = new Event(event.id(), event.venueId(), "Comic drawing club", event.category(),
                event.ageBand(), null, event.startsAt(), event.endsAt(), null);

        store.upsertEvent(renamed, EventOrigin.KIOSK);

        assertThat(store.activeEvent()).contains(renamed);
    }

    @Test
    void countsCheckInsPerEventForTheStaffScreen() {
        Event event = Fixtures.event("Film club", clock.instant(), Duration.ofHours(2));
        store.upsertEvent(event, EventOrigin.KIOSK);
        store.recordCheckIn(pending(AMIRA, event.id()));
        store.recordCheckIn(pending(BEN, event.id()));

        assertThat(store.eventsOn(LocalDate.of(2026, 3, 14))).singleElement()
                .satisfies(e -> assertThat(e.checkIns()).isEqualTo(2));
        assertThat(store.lastCheckInAt()).contains(clock.instant());
    }

    @Test
    void recognisesAnEnrolledStaffCardAndKeepsSettings() {
        store.enrolStaffCard(UUID.randomUUID(), "Sam", BEN);
        store.putSetting(SettingKey.UI_HIGH_CONTRAST, true);
        store.putSetting(SettingKey.UI_HIGH_CONTRAST, false);

        assertThat(store.staffNameForCard(BEN)).contains("Sam");
        assertThat(store.staffNameForCard(AMIRA)).isEmpty();
        assertThat(store.setting(SettingKey.UI_HIGH_CONTRAST)).contains(false);
        assertThat(store.setting(SettingKey.UI_LANGUAGE)).isEmpty();
    }

    @Test
    void keepsCheckInsAcrossReopening() {
        store.recordCheckIn(pending(AMIRA, null)).orElseThrow();
        store.close();

        store = SqliteKioskStore.open(file, clock);

        assertThat(store.health().recoveredFromCorruption()).isFalse();
        assertThat(store.outboxBacklog()).isEqualTo(1);
        assertThat(store.recordCheckIn(pending(BEN, null)).orElseThrow().seq()).isEqualTo(2);
    }

    @Test
    void movesAGarbageFileAsideAndStartsAFreshStore() throws IOException {
        store.close();
        byte[] garbage = "this is not a database, it is a shopping list".repeat(200).getBytes(StandardCharsets.UTF_8);
        Files.write(file, garbage);
        Files.deleteIfExists(dir.resolve("kiosk.db-wal"));
        Files.deleteIfExists(dir.resolve("kiosk.db-shm"));

        store = SqliteKioskStore.open(file, clock);

        StoreHealth health = store.health();
        assertThat(health.recoveredFromCorruption()).isTrue();
        Path aside = health.movedAside().orElseThrow();
        assertThat(aside.getFileName().toString()).isEqualTo("kiosk.db.corrupt-20260314T100000Z");
        assertThat(Files.readAllBytes(aside)).isEqualTo(garbage);
        assertThat(store.recordCheckIn(pending(AMIRA, null)).orElseThrow().seq()).isEqualTo(1);
    }

    @Test
    void movesADatabaseWithDamagedPagesAside() throws IOException {
        for (int i = 0; i < 300; i++) {
            store.recordCheckIn(pending(Token.of(String.format("%064x", i)), null));
        }
        store.close();
        checkpoint();
        byte[] bytes = Files.readAllBytes(file);
        for (int i = 4096 * 2; i < bytes.length; i += 7) {
            bytes[i] = (byte) 0xA5;
        }
        Files.write(file, bytes);

        store = SqliteKioskStore.open(file, clock);

        assertThat(store.health().recoveredFromCorruption()).isTrue();
        assertThat(store.health().problem()).isNotBlank();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).contains("kiosk.db", "kiosk.db.corrupt-20260314T100000Z");
        }
        assertThat(store.outboxBacklog()).isZero();
    }

    private void checkpoint() {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private PendingCheckIn pending(Token token, UUID eventId) {
        return new PendingCheckIn(ids.get(), token, eventId, Fixtures.VENUE, Fixtures.KIOSK, clock.instant(),
                LocalDate.ofInstant(clock.instant(), clock.getZone()), true, CardKind.MIFARE_CLASSIC_1K, "test");
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String pragma(Connection connection, String name) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("PRAGMA " + name)) {
            rows.next();
            return rows.getString(1);
        }
    }

}
