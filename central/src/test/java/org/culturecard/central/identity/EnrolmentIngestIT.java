package org.culturecard.central.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.culturecard.central.Central;
import org.culturecard.central.KioskSimulator;
import org.culturecard.central.TestBatches;
import org.culturecard.central.config.CentralConfig;
import org.culturecard.core.card.CardKind;
import org.culturecard.core.checkin.CheckIn;
import org.culturecard.core.enrolment.Enrolment;
import org.culturecard.core.ids.KioskId;
import org.culturecard.core.ids.UuidV7;
import org.culturecard.core.ids.VenueId;
import org.culturecard.core.privacy.Token;
import org.culturecard.core.wire.BatchAck;
import org.culturecard.core.wire.CheckInBatch;
import org.culturecard.core.wire.EnrolmentBatch;
import org.culturecard.core.wire.Topics;
import org.culturecard.core.wire.WireCodec;
import org.culturecard.testsupport.mqtt.MosquittoExtension;
import org.culturecard.testsupport.postgres.PostgresExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Enrolment ingest through a real Mosquitto into a real central on a real PostgreSQL (ADR 30):
 * two people with history merged by one enrolment, a replay, another venue's kiosk speaking, an
 * undo after the day, a replacement of a token never seen, a stranger's staff id, and junk.
 */
class EnrolmentIngestIT {

    @RegisterExtension
    static final MosquittoExtension BROKER = new MosquittoExtension();
    @RegisterExtension
    static final PostgresExtension DB = new PostgresExtension();

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final WireCodec CODEC = new WireCodec();
    private static final Instant NOW = TestBatches.NOW;
    private static final LocalDate UNTIL = LocalDate.of(2028, 3, 31);
    private static final UUID STAFF = UUID.randomUUID();
    private static String jdbcUrl;
    private static Central central;
    private static KioskSimulator kiosks;
    private final UuidV7 ids = new UuidV7(TestBatches.CLOCK, new Random());
    private final Random random = new Random();
    private long seq;

    @BeforeAll
    static void startCentral() throws Exception {
        jdbcUrl = DB.server().createDatabase("central_enrolments");
        CentralConfig config = new CentralConfig(jdbcUrl, DB.server().user(), "", BROKER.server().uri(), "enrol-it", 1,
                "127.0.0.1", 0, new CentralConfig.ApiTokens(Set.of("read-token-0123456789"), Set.of()));
        central = Central.start(config, TestBatches.CLOCK);
        TestBatches.register(central.store(), "library-y", "kiosk-b");
        TestBatches.register(central.store(), "museum-x", "kiosk-d");
        execute("INSERT INTO venue_staff (staff_id, venue_id, display_name, card_token, created_at, updated_at)"
                + " VALUES (?, 'library-y', 'Sam', ?, now(), now())", STAFF, "ab".repeat(32));
        kiosks = new KioskSimulator(BROKER.server().uri(), "enrol-kiosks");
    }

    @AfterAll
    static void stopCentral() throws Exception {
        if (kiosks != null) {
            kiosks.close();
        }
        if (central != null) {
            central.close();
        }
    }

    @Test
    void anEnrolmentOfTwoPeopleWithHistoryMergesThemMarksTheirDaysDirtyAndAReplayIsADuplicate() throws Exception {
        Token chip = token();
        Token barcode = token();
        checkIns("library-y", "kiosk-b", chip, NOW.minus(Duration.ofDays(3)), NOW.minus(Duration.ofDays(3)).plusSeconds(60));
        checkIns("library-y", "kiosk-b", barcode, NOW.minus(Duration.ofDays(1)));
        new org.culturecard.central.report.RollupRefresher(central.store().dataSource()).refreshAll(); // each token its person
        assertThat(count("SELECT count(DISTINCT coalesce(canonical_id, person_id)) FROM people WHERE token IN (?, ?)",
                chip.value(), barcode.value())).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM report_dirty_days")).isZero();

        EnrolmentBatch batch = batch("library-y", "kiosk-b", Enrolment.enrol(ids.get(), chip, barcode, null, UNTIL, NOW, STAFF));
        assertThat(send(batch)).isEqualTo(List.of(1, 0));

        assertThat(count("SELECT count(DISTINCT coalesce(canonical_id, person_id)) FROM people WHERE token IN (?, ?)",
                chip.value(), barcode.value())).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM report_dirty_days WHERE day IN (?, ?)", LocalDate.of(2026, 2, 27),
                LocalDate.of(2026, 3, 1))).as("both people's days").isEqualTo(2);
        assertThat(text("SELECT action FROM identity_changes WHERE enrolment_id = ?", batch.records().get(0).id()))
                .isEqualTo("merge");

        assertThat(send(batch)).as("a replay").isEqualTo(List.of(0, 1));
        assertThat(count("SELECT count(*) FROM identity_changes WHERE enrolment_id = ?", batch.records().get(0).id())).isEqualTo(1);
    }

    @Test
    void anotherVenuesKioskSpeakingAndJunkGoToTheDeadLettersAndAreNeverAcked() throws Exception {
        EnrolmentBatch spoof = batch("museum-x", "kiosk-b", Enrolment.enrol(ids.get(), token(), token(), null, UNTIL, NOW, null));
        kiosks.publish(Topics.enrolments(VenueId.of("museum-x"), KioskId.of("kiosk-b")), CODEC.encode(spoof));
        kiosks.publish(Topics.enrolments(VenueId.of("library-y"), KioskId.of("kiosk-b")), "{not json".getBytes(StandardCharsets.UTF_8));

        String spoofTopic = Topics.enrolments(VenueId.of("museum-x"), KioskId.of("kiosk-b"));
        await().atMost(WAIT).until(() -> count("SELECT count(*) FROM dead_letters WHERE topic = ? AND reason_class = 'wrong-venue'",
                spoofTopic) == 1);
        await().atMost(WAIT).until(() -> count("SELECT count(*) FROM dead_letters WHERE topic LIKE '%/kiosk-b/up/enrolments'"
                + " AND reason_class = 'unparseable'") == 1);
        assertThat(count("SELECT count(*) FROM enrolments WHERE id = ?", spoof.records().get(0).id())).isZero();
        assertThat(kiosks.acksFor(spoof.batchId())).isEmpty();
    }

    @Test
    void anUndoAfterTheDayIsRefusedAuditedAndAckedWhileTheSameDaysUndoSplits() throws Exception {
        Enrolment old = Enrolment.enrol(ids.get(), token(), token(), null, UNTIL, NOW.minus(Duration.ofDays(2)), STAFF);
        Enrolment today = Enrolment.enrol(ids.get(), token(), token(), null, UNTIL, NOW.minusSeconds(600), STAFF);
        assertThat(send(batch("library-y", "kiosk-b", old, today))).isEqualTo(List.of(2, 0));

        Enrolment late = Enrolment.undo(ids.get(), old, NOW, STAFF);
        Enrolment inTime = Enrolment.undo(ids.get(), today, NOW, STAFF);
        assertThat(send(batch("library-y", "kiosk-b", late, inTime))).isEqualTo(List.of(1, 0));

        assertThat(text("SELECT action FROM identity_changes WHERE enrolment_id = ?", late.id())).isEqualTo("undo-refused");
        assertThat(text("SELECT outcome FROM enrolments WHERE id = ?", late.id())).isEqualTo("refused");
        assertThat(count("SELECT count(DISTINCT coalesce(canonical_id, person_id)) FROM people WHERE token IN (?, ?)",
                old.chipToken().value(), old.barcodeToken().value())).as("still one person").isEqualTo(1);
        assertThat(text("SELECT action FROM identity_changes WHERE enrolment_id = ?", inTime.id())).isEqualTo("split");
        assertThat(count("SELECT count(DISTINCT coalesce(canonical_id, person_id)) FROM people WHERE token IN (?, ?)",
                today.chipToken().value(), today.barcodeToken().value())).isEqualTo(2);
    }

    @Test
    void aReplacementOfATokenNeverSeenBindsAllThreeAndMarksTheOldNumberLost() throws Exception {
        Token old = token();
        Enrolment replace = Enrolment.replace(ids.get(), token(), token(), old, null, UNTIL, NOW, STAFF);
        Enrolment stranger = Enrolment.enrol(ids.get(), token(), token(), null, UNTIL, NOW, UUID.randomUUID());

        assertThat(send(batch("library-y", "kiosk-b", replace, stranger))).isEqualTo(List.of(1, 0));

        assertThat(count("SELECT count(DISTINCT coalesce(canonical_id, person_id)) FROM people WHERE token IN (?, ?, ?)",
                old.value(), replace.chipToken().value(), replace.barcodeToken().value())).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM people WHERE token = ? AND lost_at IS NOT NULL", old.value())).isEqualTo(1);
        assertThat(text("SELECT action FROM identity_changes WHERE enrolment_id = ?", stranger.id())).isEqualTo("refused");
        assertThat(count("SELECT count(*) FROM people WHERE token = ?", stranger.chipToken().value())).isZero();
    }

    private Token token() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Token.of(HexFormat.of().formatHex(bytes));
    }

    private EnrolmentBatch batch(String venue, String kiosk, Enrolment... records) {
        return EnrolmentBatch.of(ids.get(), KioskId.of(kiosk), VenueId.of(venue), UUID.randomUUID(), NOW, List.of(records));
    }

    /** Publishes {@code batch} and returns its ack's inserted and duplicates. */
    private static List<Integer> send(EnrolmentBatch batch) throws Exception {
        kiosks.publish(Topics.enrolments(batch.venueId(), batch.kioskId()), CODEC.encode(batch));
        await().atMost(WAIT).until(() -> kiosks.firstAck(batch.batchId()).isPresent());
        BatchAck ack = kiosks.acksFor(batch.batchId()).get(kiosks.acksFor(batch.batchId()).size() - 1).ack();
        return List.of(ack.inserted(), ack.duplicates());
    }

    private void checkIns(String venue, String kiosk, Token token, Instant... taps) throws Exception {
        List<CheckIn> records = new java.util.ArrayList<>();
        for (Instant tap : taps) {
            records.add(new CheckIn(ids.get(), ++seq, token, null, VenueId.of(venue), KioskId.of(kiosk), tap, true,
                    CardKind.MIFARE_CLASSIC_1K, "0.1.0"));
        }
        CheckInBatch batch = CheckInBatch.of(ids.get(), KioskId.of(kiosk), VenueId.of(venue), UUID.randomUUID(), NOW, records);
        kiosks.publish(batch);
        await().atMost(WAIT).until(() -> kiosks.firstAck(batch.batchId()).isPresent());
    }

    private static long count(String sql, Object... args) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, DB.server().user(), ""); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String text(String sql, Object... args) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, DB.server().user(), ""); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static void execute(String sql, Object... args) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, DB.server().user(), ""); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            s.executeUpdate();
        }
    }

    private static void bind(PreparedStatement s, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            s.setObject(i + 1, args[i]);
        }
    }
}
