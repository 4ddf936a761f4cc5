package org.culturecard.central.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.culturecard.central.Central;
import org.culturecard.central.KioskSimulator;
import org.culturecard.central.TestBatches;
import org.culturecard.central.WindowedPublisher;
import org.culturecard.central.config.CentralConfig;
import org.culturecard.central.config.IngestLimits;
import org.culturecard.central.report.RollupRefresher;
import org.culturecard.core.checkin.CheckIn;
import org.culturecard.core.event.AgeBand;
import org.culturecard.core.event.Category;
import org.culturecard.core.event.Event;
import org.culturecard.core.event.Mode;
import org.culturecard.core.event.Sector;
import org.culturecard.core.ids.KioskId;
import org.culturecard.core.ids.VenueId;
import org.culturecard.core.wire.CheckInBatch;
import org.culturecard.core.wire.KioskEvents;
import org.culturecard.core.wire.KioskStatus;
import org.culturecard.core.wire.Topics;
import org.culturecard.core.wire.WireCodec;
import org.culturecard.testsupport.mqtt.MosquittoExtension;
import org.culturecard.testsupport.postgres.PostgresExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The attacks on ingest from issue 11, each through a real Mosquitto into a real central on a real
 * PostgreSQL: venue spoofing by check-in and by status, kiosks the registry does not have, event
 * spoofing (another venue's event, a pre-claimed event id), a check-in that outruns its event, a
 * kiosk clock in 1970, and a junk flood. Each test names the attack it proves refused or harmless.
 */
class IngestTrustIT {

    @RegisterExtension
    static final MosquittoExtension BROKER = new MosquittoExtension();
    @RegisterExtension
    static final PostgresExtension DB = new PostgresExtension();

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String READ = "read-token-0123456789";
    private static final int JUNK_BYTES = 1024;
    private static final int JUNK_PER_HOUR = 20;
    private static final WireCodec CODEC = new WireCodec();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static String jdbcUrl;
    private static Central central;
    private static KioskSimulator kiosks;
    private final TestBatches batches = new TestBatches(System.nanoTime());

    @BeforeAll
    static void startCentral() throws Exception {
        jdbcUrl = DB.server().createDatabase("central_trust");
        CentralConfig config = new CentralConfig(jdbcUrl, DB.server().user(), "", BROKER.server().uri(), "trust-it", 1,
                "127.0.0.1", 0, new CentralConfig.ApiTokens(Set.of(READ), Set.of()))
                .with(b -> b.limits(new IngestLimits(JUNK_BYTES, JUNK_PER_HOUR, 30, 0, 60, 0)));
        central = Central.start(config, TestBatches.CLOCK);
        TestBatches.register(central.store(), "library-y", "kiosk-b");
        TestBatches.register(central.store(), "museum-x", "kiosk-d", "kiosk-j");
        TestBatches.register(central.store(), "venue-e", "kiosk-e");
        TestBatches.register(central.store(), "venue-f", "kiosk-f");
        TestBatches.register(central.store(), "venue-g", "kiosk-g");
        TestBatches.register(central.store(), "venue-h", "kiosk-h");
        kiosks = new KioskSimulator(BROKER.server().uri(), "trust-kiosks");
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

    /** Attack: venue spoofing by check-in and by status (kiosk-b's certificate publishing under museum-x). */
    @Test
    void aKioskPublishingUnderAnotherVenueIsRefusedWhileItsOwnVenueKeepsFlowing() throws Exception {
        CheckInBatch spoofFirst = batches.batch("museum-x", "kiosk-b", 2);
        kiosks.publish(spoofFirst);
        KioskStatus spoofStatus = KioskStatus.offline(KioskId.of("kiosk-b"), VenueId.of("museum-x"), TestBatches.NOW);
        kiosks.publish(Topics.status(VenueId.of("museum-x"), KioskId.of("kiosk-b")), CODEC.encode(spoofStatus));
        for (int i = 0; i < 3; i++) {
            CheckInBatch real = batches.batch("library-y", "kiosk-b", 3);
            kiosks.publish(real);
            kiosks.publish(batches.batch("museum-x", "kiosk-b", 1)); // during the attack
            awaitStored(real, 3);
        }

        String spoofTopic = Topics.checkins(VenueId.of("museum-x"), KioskId.of("kiosk-b"));
        await().atMost(WAIT).until(() -> count("SELECT count(*) FROM dead_letters WHERE topic = ? AND reason_class = 'wrong-venue'",
                spoofTopic) == 4);
        await().atMost(WAIT).until(() -> count("SELECT count(*) FROM dead_letters WHERE topic LIKE ? AND reason_class = 'wrong-venue'",
                "culturecard/v1/museum-x/kiosk-b/up/status") == 1);
        assertThat(text("SELECT reason FROM dead_letters WHERE topic = ? LIMIT 1", spoofTopic))
                .contains("kiosk kiosk-b is registered at venue library-y, not museum-x");
        assertThat(rows(spoofFirst)).isZero();
        assertThat(kiosks.acksFor(spoofFirst.batchId())).isEmpty();
        assertThat(text("SELECT venue_id FROM kiosks WHERE kiosk_id = ?", "kiosk-b")).isEqualTo("library-y");
        assertThat(text("SELECT state FROM kiosks WHERE kiosk_id = ?", "kiosk-b")).as("the spoofed status changed nothing")
                .isEqualTo("unknown");
        CheckInBatch after = batches.batch("library-y", "kiosk-b", 2);
        kiosks.publish(after);
        awaitStored(after, 2);
        assertThat(metrics()).containsPattern("culturecard_wrong_venue_messages_total ([5-9]|\\d{2,})\\.0\n");
    }

    /** Attack: a certificate the registry does not have registers itself by its first message. */
    @Test
    void aKioskTheRegistryDoesNotHaveIsNeverRegisteredByWhatItSends() throws Exception {
        CheckInBatch batch = batches.batch("museum-x", "kiosk-c", 2);
        kiosks.publish(batch);
        kiosks.publish(Topics.status(VenueId.of("museum-x"), KioskId.of("kiosk-c")),
                CODEC.encode(KioskStatus.offline(KioskId.of("kiosk-c"), VenueId.of("museum-x"), TestBatches.NOW)));
        Event event = event(UUID.randomUUID(), "museum-x");
        kiosks.publish(Topics.events(VenueId.of("museum-x"), KioskId.of("kiosk-c")), CODEC.encode(
                KioskEvents.of(KioskId.of("kiosk-c"), VenueId.of("museum-x"), TestBatches.NOW, List.of(event), List.of())));

        await().atMost(WAIT).until(() -> count("SELECT count(*) FROM dead_letters WHERE kiosk_segment = ? AND reason_class = ?",
                "kiosk-c", "unknown-kiosk") == 3);
        assertThat(count("SELECT count(*) FROM kiosks WHERE kiosk_id = ?", "kiosk-c")).isZero();
        assertThat(count("SELECT count(*) FROM events WHERE event_id = ?", event.id())).isZero();
        assertThat(rows(batch)).isZero();
        assertThat(metrics()).containsPattern("culturecard_unknown_kiosk_messages_total [1-9]");

        TestBatches.register(central.store(), "museum-x", "kiosk-c"); // provisioning's registry import
        CheckInBatch next = batches.batch("museum-x", "kiosk-c", 1);
        await().atMost(WAIT).pollInterval(Duration.ofSeconds(2)).until(() -> {
            kiosks.publish(next); // the agent republishes until acked; the unknown answer is cached a few seconds
            return kiosks.firstAck(next.batchId()).isPresent();
        });
        assertThat(rows(next)).isEqualTo(1);
    }

    /** Attack: event spoofing, a check-in for another venue's event; kept whole, replayed once the cause is fixed. */
    @Test
    void aCheckInForAnotherVenuesEventIsKeptWholeAndTheRestOfItsBatchIsStored(@TempDir Path dir) throws Exception {
        Event libraryEvent = event(UUID.randomUUID(), "library-y");
        new org.culturecard.central.store.PostgresFleetStore(central.store().dataSource())
                .upsertEvents(VenueId.of("library-y"), List.of(libraryEvent), "central");
        CheckIn general = batches.checkIn("museum-x", "kiosk-d", TestBatches.NOW.minusSeconds(60));
        CheckIn forged = withEvent(batches.checkIn("museum-x", "kiosk-d", TestBatches.NOW.minusSeconds(30)), libraryEvent.id());
        CheckInBatch batch = batch("museum-x", "kiosk-d", TestBatches.NOW, general, forged);
        kiosks.publish(batch);

        await().atMost(WAIT).until(() -> kiosks.firstAck(batch.batchId()).isPresent());
        assertThat(kiosks.firstAck(batch.batchId()).orElseThrow().ack().inserted()).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM check_ins WHERE id = ?", general.id())).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM check_ins WHERE id = ?", forged.id())).isZero();
        assertThat(count("SELECT count(*) FROM held_check_ins WHERE id = ?", forged.id())).isZero();
        long letter = count("SELECT id FROM dead_letters WHERE record_id = ? AND reason_class = 'foreign-event'", forged.id());
        CheckInBatch kept = CODEC.decode(bytes("SELECT payload FROM dead_letters WHERE id = ?", letter), CheckInBatch.class);
        assertThat(kept.records()).containsExactly(forged);
        assertThat(kept.batchId()).isEqualTo(batch.batchId());
        assertThat(kept.sentAt()).isEqualTo(batch.sentAt());

        assertThat(replay(dir, letter)).as("refused again while the event is library-y's").isEqualTo(1);
        execute("UPDATE events SET venue_id = 'museum-x' WHERE event_id = ?", libraryEvent.id()); // the admin's fix
        assertThat(replay(dir, letter)).isZero();
        assertThat(count("SELECT count(*) FROM check_ins WHERE id = ? AND event_id = ?", forged.id(), libraryEvent.id())).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM dead_letters WHERE id = ? AND replayed_at IS NOT NULL", letter)).isEqualTo(1);
    }

    /** Not an attack, the race the event binding must survive: a check-in outruns its own new event. */
    @Test
    void aCheckInBeforeItsEventIsHeldOutOfReportsThenAttachedWhenTheEventArrives() throws Exception {
        Event event = event(UUID.randomUUID(), "venue-e");
        CheckIn early = withEvent(batches.checkIn("venue-e", "kiosk-e", TestBatches.NOW.minusSeconds(5)), event.id());
        CheckInBatch batch = batch("venue-e", "kiosk-e", TestBatches.NOW, early);
        kiosks.publish(batch);
        await().atMost(WAIT).until(() -> kiosks.firstAck(batch.batchId()).isPresent());
        assertThat(kiosks.firstAck(batch.batchId()).orElseThrow().ack().inserted()).as("central has it").isEqualTo(1);
        assertThat(count("SELECT count(*) FROM held_check_ins WHERE id = ?", early.id())).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM check_ins WHERE id = ?", early.id())).as("not in reports yet").isZero();

        kiosks.publish(Topics.events(VenueId.of("venue-e"), KioskId.of("kiosk-e")), CODEC.encode(
                KioskEvents.of(KioskId.of("kiosk-e"), VenueId.of("venue-e"), TestBatches.NOW, List.of(event), List.of())));

        await().atMost(WAIT).until(() -> count("SELECT count(*) FROM check_ins WHERE id = ? AND event_id = ?", early.id(),
                event.id()) == 1);
        assertThat(count("SELECT count(*) FROM held_check_ins WHERE id = ?", early.id())).isZero();
        new RollupRefresher(central.store().dataSource()).refreshAll();
        assertThat(count("SELECT coalesce(sum(check_ins), 0) FROM report_rollup WHERE venue_id = 'venue-e' AND event_id = ?",
                event.id())).as("attaching marked the day dirty").isEqualTo(1);
    }

    /** Attack: a pre-claimed event id, by check-ins before the event and by an event of the same id at another venue. */
    @Test
    void aPreClaimedEventIdNeverTakesAnotherVenuesCheckIns() throws Exception {
        Event venueGEvent = event(UUID.randomUUID(), "venue-g");
        CheckIn claim = withEvent(batches.checkIn("venue-f", "kiosk-f", TestBatches.NOW.minusSeconds(50)), venueGEvent.id());
        CheckInBatch attack = batch("venue-f", "kiosk-f", TestBatches.NOW, claim);
        kiosks.publish(attack);
        await().atMost(WAIT).until(() -> kiosks.firstAck(attack.batchId()).isPresent());
        publishEvents("venue-g", "kiosk-g", venueGEvent);
        CheckIn real = withEvent(batches.checkIn("venue-g", "kiosk-g", TestBatches.NOW.minusSeconds(40)), venueGEvent.id());
        CheckInBatch realBatch = batch("venue-g", "kiosk-g", TestBatches.NOW, real);
        await().atMost(WAIT).until(() -> count("SELECT count(*) FROM events WHERE event_id = ?", venueGEvent.id()) == 1);
        kiosks.publish(realBatch);
        awaitStored(realBatch, 1);
        assertThat(count("SELECT count(*) FROM held_check_ins WHERE id = ?", claim.id())).as("never attached to venue-g's event")
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM check_ins WHERE event_id = ?", venueGEvent.id())).isEqualTo(1);

        Event claimed = event(UUID.randomUUID(), "venue-f");
        publishEvents("venue-f", "kiosk-f", claimed);
        await().atMost(WAIT).until(() -> count("SELECT count(*) FROM events WHERE event_id = ?", claimed.id()) == 1);
        publishEvents("venue-g", "kiosk-g", event(claimed.id(), "venue-g"));
        await().atMost(WAIT).until(() -> count("SELECT count(*) FROM dead_letters WHERE reason_class = 'event-conflict'"
                + " AND kiosk_segment = 'kiosk-g'") == 1);
        assertThat(text("SELECT venue_id FROM events WHERE event_id = ?", claimed.id())).isEqualTo("venue-f");
    }

    /** Attack: implausible time, a batch sent in 1970; no tap is lost and no report is skewed. */
    @Test
    void aBatchFromAClockIn1970IsRebasedOrMarkedButNeverRefused() throws Exception {
        Instant boot = Instant.parse("1970-01-01T00:10:00Z");
        CheckIn sameClock = batches.checkIn("venue-h", "kiosk-h", boot);
        CheckInBatch skewed = batch("venue-h", "kiosk-h", boot.plusSeconds(120), sameClock);
        CheckIn lateFix = batches.checkIn("venue-h", "kiosk-h", boot);
        CheckIn rightTime = batches.checkIn("venue-h", "kiosk-h", TestBatches.NOW.minusSeconds(10));
        CheckInBatch mixed = batch("venue-h", "kiosk-h", TestBatches.NOW, lateFix, rightTime);
        kiosks.publish(skewed);
        kiosks.publish(mixed);
        awaitStored(skewed, 1);
        awaitStored(mixed, 2);

        assertThat(text("SELECT time_basis FROM check_ins WHERE id = ?", sameClock.id())).isEqualTo("rebased");
        assertThat(instant("SELECT tapped_at FROM check_ins WHERE id = ?", sameClock.id()))
                .isEqualTo(TestBatches.NOW.minusSeconds(120));
        assertThat(instant("SELECT kiosk_tapped_at FROM check_ins WHERE id = ?", sameClock.id())).isEqualTo(boot);
        assertThat(text("SELECT time_basis FROM check_ins WHERE id = ?", lateFix.id())).isEqualTo("implausible");
        assertThat(instant("SELECT kiosk_tapped_at FROM check_ins WHERE id = ?", lateFix.id())).isEqualTo(boot);
        assertThat(text("SELECT time_basis FROM check_ins WHERE id = ?", rightTime.id())).isEqualTo("kiosk");
        new RollupRefresher(central.store().dataSource()).refreshAll();
        assertThat(count("SELECT coalesce(sum(check_ins), 0) FROM report_rollup WHERE venue_id = 'venue-h'"))
                .as("the implausible tap is in no report").isEqualTo(2);
        assertThat(count("SELECT count(*) FROM report_rollup WHERE day < '2020-01-01'")).isZero();
        assertThat(metrics()).contains("culturecard_checkins_time_rebased_or_implausible{basis=\"implausible\"} 1");
    }

    /** Attack: a junk flood, 120 messages of 60 KB from one certificate; the database keeps a few KB of 20. */
    @Test
    void aJunkFloodKeepsAFewKilobytesUnderTheSendersHourlyQuotaAndOthersKeepFlowing() throws Exception {
        byte[] junk = new byte[60 * 1024];
        Arrays.fill(junk, (byte) '{');
        String topic = Topics.checkins(VenueId.of("museum-x"), KioskId.of("kiosk-j"));
        try (WindowedPublisher flood = new WindowedPublisher(BROKER.server().uri(), "trust-flood", 50)) {
            for (int i = 0; i < 120; i++) {
                flood.publish(topic, junk);
            }
            CheckInBatch real = batches.batch("library-y", "kiosk-b", 2);
            kiosks.publish(real);
            flood.flush();
            awaitStored(real, 2);
        }
        await().atMost(WAIT).until(() -> metrics().contains("culturecard_dead_letters_dropped_total{reason=\"unparseable\"} 100"));
        assertThat(count("SELECT count(*) FROM dead_letters WHERE kiosk_segment = 'kiosk-j'")).isEqualTo(JUNK_PER_HOUR);
        assertThat(count("SELECT max(octet_length(payload)) FROM dead_letters WHERE kiosk_segment = 'kiosk-j'")).isEqualTo(JUNK_BYTES);
        assertThat(count("SELECT min(payload_size) FROM dead_letters WHERE kiosk_segment = 'kiosk-j'")).isEqualTo(junk.length);
    }

    private void publishEvents(String venue, String kiosk, Event event) throws Exception {
        kiosks.publish(Topics.events(VenueId.of(venue), KioskId.of(kiosk)), CODEC.encode(
                KioskEvents.of(KioskId.of(kiosk), VenueId.of(venue), TestBatches.NOW, List.of(event), List.of())));
    }

    private static int replay(Path dir, long letter) throws Exception {
        Path config = dir.resolve("central.properties");
        Files.writeString(config, CentralConfig.JDBC_URL + "=" + jdbcUrl + "\n" + CentralConfig.DB_USER + "=" + DB.server().user()
                + "\n" + CentralConfig.MQTT_URI + "=" + BROKER.server().uri() + "\n", StandardCharsets.UTF_8);
        return DeadLetterCommand.run(new String[] {"replay", "--config", config.toString(), "--id", String.valueOf(letter)},
                Map.of(), TestBatches.CLOCK);
    }

    private static void awaitStored(CheckInBatch batch, int records) throws Exception {
        await().atMost(WAIT).until(() -> kiosks.firstAck(batch.batchId()).isPresent());
        assertThat(rows(batch)).isEqualTo(records);
    }

    private static CheckIn withEvent(CheckIn c, UUID event) {
        return new CheckIn(c.id(), c.seq(), c.token(), event, c.venueId(), c.kioskId(), c.tappedAt(), c.clockSynced(),
                c.cardKind(), c.appVersion());
    }

    private static CheckInBatch batch(String venue, String kiosk, Instant sentAt, CheckIn... records) {
        return CheckInBatch.of(UUID.randomUUID(), KioskId.of(kiosk), VenueId.of(venue), UUID.randomUUID(), sentAt, List.of(records));
    }

    private static Event event(UUID id, String venue) {
        return new Event(id, VenueId.of(venue), "Workshop", new Category(Sector.MUSEUMS_GALLERIES, null, Mode.TAKE_PART),
                AgeBand.AGE_11_15, null, TestBatches.NOW.minusSeconds(3600), TestBatches.NOW.plusSeconds(3600), null);
    }

    private static String metrics() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(central.httpUrl() + "/metrics"))
                .header("Authorization", "Bearer " + READ).build(), HttpResponse.BodyHandlers.ofString());
        return response.body();
    }

    private static long rows(CheckInBatch batch) throws SQLException {
        return count("SELECT count(*) FROM check_ins WHERE id = ANY (?)", (Object) batch.records().stream().map(CheckIn::id).toArray(UUID[]::new));
    }

    private static long count(String sql, Object... args) throws SQLException {
        return query(sql, args, rs -> rs.getLong(1));
    }

    private static String text(String sql, Object... args) throws SQLException {
        return query(sql, args, rs -> rs.getString(1));
    }

    private static byte[] bytes(String sql, Object... args) throws SQLException {
        return query(sql, args, rs -> rs.getBytes(1));
    }

    private static Instant instant(String sql, Object... args) throws SQLException {
        return query(sql, args, rs -> rs.getTimestamp(1).toInstant());
    }

    private static void execute(String sql, Object... args) throws SQLException {
        try (Connection c = java.sql.DriverManager.getConnection(jdbcUrl, DB.server().user(), ""); PreparedStatement s = c.prepareStatement(sql)) {
            bind(c, s, args);
            s.executeUpdate();
        }
    }

    private interface Column<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private static <T> T query(String sql, Object[] args, Column<T> column) throws SQLException {
        try (Connection c = java.sql.DriverManager.getConnection(jdbcUrl, DB.server().user(), ""); PreparedStatement s = c.prepareStatement(sql)) {
            bind(c, s, args);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? column.read(rs) : null;
            }
        }
    }

    private static void bind(Connection c, PreparedStatement s, Object[] args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            s.setObject(i + 1, args[i] instanceof UUID[] ids ? c.createArrayOf("uuid", ids) : args[i]);
        }
    }
}
