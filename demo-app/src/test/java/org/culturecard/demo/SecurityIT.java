package org.culturecard.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.net.ssl.SSLSocketFactory;
import org.culturecard.central.Central;
import org.culturecard.central.config.CentralConfig;
import org.culturecard.central.config.IngestLimits;
import org.culturecard.central.ingest.DeadLetterCommand;
import org.culturecard.central.store.PostgresFleetStore;
import org.culturecard.core.card.CardKind;
import org.culturecard.core.card.CardTap;
import org.culturecard.core.card.CardUid;
import org.culturecard.core.checkin.CheckIn;
import org.culturecard.core.event.AgeBand;
import org.culturecard.core.event.Category;
import org.culturecard.core.event.Event;
import org.culturecard.core.event.Mode;
import org.culturecard.core.event.Sector;
import org.culturecard.core.ids.KioskId;
import org.culturecard.core.ids.UuidV7;
import org.culturecard.core.ids.VenueId;
import org.culturecard.core.privacy.Token;
import org.culturecard.core.wire.CheckInBatch;
import org.culturecard.core.wire.KioskEvents;
import org.culturecard.core.wire.KioskStatus;
import org.culturecard.core.wire.Schemas;
import org.culturecard.core.wire.Topics;
import org.culturecard.core.wire.WireCodec;
import org.culturecard.kiosk.KioskApp;
import org.culturecard.kiosk.KioskHooks;
import org.culturecard.kiosk.checkin.CheckInResult;
import org.culturecard.kiosk.config.KioskConfig;
import org.culturecard.mqttlink.tls.PemTls;
import org.culturecard.provisioning.broker.BrokerConfig;
import org.culturecard.provisioning.ca.CertificateAuthority;
import org.culturecard.provisioning.ca.IssuingAuthority;
import org.culturecard.provisioning.ca.Issued;
import org.culturecard.provisioning.ca.Pem;
import org.culturecard.provisioning.kiosk.BundleOptions;
import org.culturecard.provisioning.kiosk.KioskBundles;
import org.culturecard.provisioning.kiosk.KioskRegistry;
import org.culturecard.provisioning.kiosk.KioskSpec;
import org.culturecard.reader.SimulatedCardReader;
import org.culturecard.sync.agent.MqttSyncAgent;
import org.culturecard.sync.config.SyncConfig;
import org.culturecard.sync.outbox.SqliteOutbox;
import org.culturecard.testsupport.logs.LogForging;
import org.culturecard.testsupport.mqtt.MosquittoServer;
import org.culturecard.testsupport.postgres.PostgresExtension;
import org.culturecard.testsupport.server.LocalProcesses;
import org.culturecard.testsupport.server.MissingServer;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The attacks of issue 11 on the system as an IT team installs it: {@code provision} makes the
 * scheme CA, the kiosk bundles and the broker config; the machine's Mosquitto runs that config as
 * written; central runs on a real PostgreSQL behind the config's own listener; kiosk-a, the
 * legitimate kiosk, taps and its sync agent delivers throughout. Each test is one attack, made
 * with a real certificate of the scheme (or of another CA), and proves it refused or harmless,
 * then that kiosk-a's next check-in still arrives. One broker, central and database for the class.
 */
class SecurityIT {
    @RegisterExtension
    static final PostgresExtension DB = new PostgresExtension();

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String OFFICER_TOKEN = "security-it-officer-token-0123";
    private static final String AUDITOR_TOKEN = "security-it-auditor-token-0123";
    private static final String ADMIN_TOKEN = "security-it-admin-token-0123";
    private static final VenueId VENUE_1 = VenueId.of("venue-1");
    private static final VenueId VENUE_2 = VenueId.of("venue-2");
    private static final KioskId KIOSK_B = KioskId.of("kiosk-b");
    private static final KioskId KIOSK_J = KioskId.of("kiosk-j");
    private static final WireCodec CODEC = new WireCodec();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Clock CLOCK = Clock.systemUTC();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final UuidV7 IDS = UuidV7.system();

    private static Path root;
    private static int port;
    private static int centralPort;
    private static String jdbcUrl;
    private static MosquittoServer broker;
    private static Central central;
    private static KioskApp kiosk;
    private static MqttSyncAgent agent;
    private static final List<AutoCloseable> attackers = new ArrayList<>();

    @BeforeAll
    static void installTheSystem() throws Exception {
        if (MosquittoServer.findBinary().isEmpty()) {
            MissingServer.report("mosquitto", MosquittoServer.APT_PACKAGE);
        }
        root = Files.createTempDirectory("security-it-");
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x")); // the broker runs as mosquitto
        Path caDir = root.resolve("ca");
        new CertificateAuthority(CLOCK, RANDOM).init(caDir, "Culture Card IT CA", Duration.ofDays(365));
        IssuingAuthority ca = IssuingAuthority.load(caDir, CLOCK, RANDOM);
        port = LocalProcesses.freeLoopbackPort();
        centralPort = LocalProcesses.freeLoopbackPort();
        Path bundles = root.resolve("bundles");
        Path schemeKey = root.resolve("scheme.key");
        Files.writeString(schemeKey, HexFormat.of().formatHex(randomBytes(32)));
        for (KioskSpec spec : List.of(KioskSpec.of("venue-1", "kiosk-a", "Venue One"), KioskSpec.of("venue-2", "kiosk-b",
                "Venue Two"), KioskSpec.of("venue-2", "kiosk-j", "Venue Two"))) {
            Path data = root.resolve("data-" + spec.kiosk().value());
            Files.createDirectories(data);
            new KioskBundles(ca, new BundleOptions(URI.create("ssl://localhost:" + port), schemeKey,
                    bundles.resolve(spec.kiosk().value()), data, Duration.ofDays(30), Duration.ofDays(7)), CLOCK)
                    .provision(spec, bundles);
        }
        Path brokerDir = root.resolve("broker");
        Path persistence = Files.createDirectories(root.resolve("mosquitto-data"));
        new BrokerConfig(ca).write(brokerDir, new BrokerConfig.Options(port, "127.0.0.1", centralPort, "127.0.0.1", List.of(),
                brokerDir, persistence, new KioskRegistry(bundles), Duration.ofDays(30), null, root.resolve("central-ca")));
        if (LocalProcesses.runningAsRoot()) {
            LocalProcesses.chownTree(persistence, "mosquitto"); // the generated files are 0640, group mosquitto
        }
        broker = MosquittoServer.builder().configFile(brokerDir.resolve(BrokerConfig.CONF), port).build().start();

        jdbcUrl = DB.server().createDatabase("security_it");
        central = Central.start(CentralConfig.load(centralProperties(brokerDir.resolve(BrokerConfig.CENTRAL), centralPort),
                Map.of()), CLOCK);
        // The registry provisioning gives central: each bundle's kiosk at its venue.
        central.store().registerKiosk(KioskId.of("kiosk-a"), VENUE_1, null);
        central.store().registerKiosk(KIOSK_B, VENUE_2, null);
        central.store().registerKiosk(KIOSK_J, VENUE_2, null);

        Path bundle = bundles.resolve("kiosk-a");
        SyncConfig syncConfig = SyncConfig.load(bundle.resolve(KioskBundles.SYNC_PROPERTIES), Map.of());
        kiosk = KioskApp.compose(KioskConfig.load(bundle.resolve(KioskBundles.KIOSK_PROPERTIES), Map.of()),
                new SimulatedCardReader(CLOCK), KioskHooks.defaults());
        agent = new MqttSyncAgent(syncConfig, SqliteOutbox.open(syncConfig.databasePath()), CLOCK, UuidV7.system());
        agent.start();
        assertLegitimateCheckInsStillArrive();
    }

    @AfterEach
    void disconnectTheAttackers() throws Exception {
        for (AutoCloseable attacker : attackers) {
            attacker.close();
        }
        attackers.clear();
    }

    @AfterAll
    static void uninstall() throws Exception {
        for (AutoCloseable part : new AutoCloseable[] {agent, kiosk, central, broker}) {
            if (part != null) {
                part.close();
            }
        }
        LocalProcesses.deleteTree(root);
    }

    /**
     * Attack: venue spoofing by topic. kiosk-b's certificate publishes check-ins under venue-1: the
     * broker's exact ACL rule per kiosk refuses it, and nothing reaches central or its registry.
     * (Central's own refusal, for a broker with looser rules, is {@code IngestTrustIT}'s.)
     */
    @Test
    void aCheckInBatchUnderAnotherVenueIsRefusedByTheBrokerAndChangesNoRegistry() throws Exception {
        CertificateClient attacker = asKiosk("kiosk-b");
        CheckInBatch spoof = batch(VENUE_1, KIOSK_B, CLOCK.instant(), checkIn(VENUE_1, KIOSK_B, CLOCK.instant(), null));
        assertNotAuthorized(() -> attacker.publish(Topics.checkins(VENUE_1, KIOSK_B), CODEC.encode(spoof)));
        assertLegitimateCheckInsStillArrive(); // during the attack

        assertThat(stored(spoof)).isZero();
        assertThat(central.store().registeredVenue(KIOSK_B)).contains(VENUE_2);
        // kiosk-b's own venue still flows, and so does kiosk-a's.
        assertStoredAndAcked(attacker, batch(VENUE_2, KIOSK_B, CLOCK.instant(), checkIn(VENUE_2, KIOSK_B, CLOCK.instant(), null)));
        assertLegitimateCheckInsStillArrive();
    }

    /** Attack: status spoofing. kiosk-b's certificate publishes a status under venue-1; the broker refuses it. */
    @Test
    void aStatusUnderAnotherVenueIsRefusedByTheBrokerAndChangesNothing() throws Exception {
        CertificateClient attacker = asKiosk("kiosk-b");
        assertNotAuthorized(() -> attacker.publish(Topics.status(VENUE_1, KIOSK_B),
                CODEC.encode(KioskStatus.offline(KIOSK_B, VENUE_1, CLOCK.instant()))));
        assertLegitimateCheckInsStillArrive();

        assertThat(text("SELECT venue_id FROM kiosks WHERE kiosk_id = ?", "kiosk-b")).isEqualTo("venue-2");
        assertThat(text("SELECT state FROM kiosks WHERE kiosk_id = ?", "kiosk-b")).as("the spoofed status changed nothing")
                .isEqualTo("unknown");
    }

    /** Attack: no size limit. A 1 MB publish is refused by the broker's {@code max_packet_size} (the client disconnected). */
    @Test
    void aPublishOverTheBrokersPacketLimitIsRefused() throws Exception {
        CertificateClient attacker = asKiosk("kiosk-b");
        byte[] huge = new byte[1024 * 1024];
        Arrays.fill(huge, (byte) ' ');
        long lettersBefore = count("SELECT count(*) FROM dead_letters WHERE kiosk_segment = 'kiosk-b'");

        assertThatThrownBy(() -> attacker.publish(Topics.checkins(VENUE_2, KIOSK_B), huge)).isInstanceOf(MqttException.class);
        assertLegitimateCheckInsStillArrive();
        assertThat(count("SELECT count(*) FROM dead_letters WHERE kiosk_segment = 'kiosk-b'")).as("never reached central")
                .isEqualTo(lettersBefore);
    }

    /** Attack: a kiosk certificate on central's own listener, to take one of central's client ids: refused (its own CA). */
    @Test
    void aKioskCertificateCannotConnectToCentralsListener() throws Exception {
        Path bundle = root.resolve("bundles").resolve("kiosk-b");
        SSLSocketFactory tls = PemTls.socketFactory(bundle.resolve(KioskBundles.CA_CERT), bundle.resolve(KioskBundles.CERT),
                bundle.resolve(KioskBundles.KEY));

        assertThatThrownBy(() -> CertificateClient.connect("ssl://localhost:" + centralPort, "central-ingest-1", tls).close())
                .isInstanceOf(MqttException.class);
        assertThat(central.workers().stream().allMatch(org.culturecard.central.ingest.IngestWorker::isSubscribed)).isTrue();
        assertLegitimateCheckInsStillArrive();
    }

    /**
     * Attack: event spoofing. A check-in for venue-1's event is refused with its reason, kept whole
     * in the dead letters and refused again on replay while the cause stands; one for no known event
     * is held out of every report, never attached to another venue's event. The batch's other
     * check-in is stored.
     */
    @Test
    void aCheckInForAnotherVenuesEventOrForNoEventNeverCountsInAReport() throws Exception {
        Event venueOneEvent = new Event(UUID.randomUUID(), VENUE_1, "Workshop", new Category(Sector.MUSEUMS_GALLERIES, null,
                Mode.TAKE_PART), AgeBand.AGE_11_15, null, CLOCK.instant().minusSeconds(3600), CLOCK.instant().plusSeconds(3600), null);
        new PostgresFleetStore(central.store().dataSource()).upsertEvents(VENUE_1, List.of(venueOneEvent), "central");
        CertificateClient attacker = asKiosk("kiosk-b");
        CheckIn general = checkIn(VENUE_2, KIOSK_B, CLOCK.instant().minusSeconds(30), null);
        CheckIn forged = checkIn(VENUE_2, KIOSK_B, CLOCK.instant().minusSeconds(20), venueOneEvent.id());
        CheckIn noEvent = checkIn(VENUE_2, KIOSK_B, CLOCK.instant().minusSeconds(10), UUID.randomUUID());
        CheckInBatch batch = batch(VENUE_2, KIOSK_B, CLOCK.instant(), general, forged, noEvent);
        attacker.publish(Topics.checkins(VENUE_2, KIOSK_B), CODEC.encode(batch));

        await().atMost(WAIT).until(() -> !attacker.acksFor(batch.batchId()).isEmpty());
        assertThat(count("SELECT count(*) FROM check_ins WHERE id = ?", general.id())).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM check_ins WHERE event_id = ?", venueOneEvent.id())).isZero();
        assertThat(count("SELECT count(*) FROM check_ins WHERE id = ?", noEvent.id())).isZero();
        assertThat(count("SELECT count(*) FROM held_check_ins WHERE id = ?", noEvent.id())).as("kept, not lost").isEqualTo(1);
        long letter = count("SELECT id FROM dead_letters WHERE record_id = ? AND reason_class = 'foreign-event'", forged.id());
        assertThat(text("SELECT reason FROM dead_letters WHERE id = ?", letter)).contains(venueOneEvent.id().toString());
        CheckInBatch kept = CODEC.decode(bytes("SELECT payload FROM dead_letters WHERE id = ?", letter), CheckInBatch.class);
        assertThat(kept.records()).containsExactly(forged);
        assertThat(kept.batchId()).isEqualTo(batch.batchId());
        assertThat(DeadLetterCommand.run(new String[] {"replay", "--config", root.resolve("central.properties").toString(),
                "--id", String.valueOf(letter)}, Map.of(), CLOCK)).as("refused again while the event is venue-1's").isEqualTo(1);
        assertThat(count("SELECT count(*) FROM check_ins WHERE id = ?", forged.id())).isZero();
        assertLegitimateCheckInsStillArrive();
    }

    /** Attack: a junk flood, 1,000 messages of 64 KB from one kiosk certificate. */
    @Test
    void aJunkFloodKeepsAFewKilobytesUnderTheSendersHourlyQuotaAndCountsTheRest() throws Exception {
        CertificateClient flooder = asKiosk("kiosk-j");
        byte[] junk = new byte[CheckInBatch.MAX_BYTES];
        Arrays.fill(junk, (byte) '{');
        String topic = Topics.checkins(VENUE_2, KIOSK_J);
        flooder.publish(topic, junk, 500);
        assertLegitimateCheckInsStillArrive(); // during the flood
        flooder.publish(topic, junk, 500);

        int quota = IngestLimits.DEFAULTS.junkPerKioskHour();
        await().atMost(WAIT).untilAsserted(() -> assertThat(metrics())
                .contains("culturecard_dead_letters_dropped_total{reason=\"unparseable\"} " + (1_000 - quota) + ".0\n"));
        assertThat(count("SELECT count(*) FROM dead_letters WHERE kiosk_segment = 'kiosk-j'")).isEqualTo(quota);
        assertThat(count("SELECT coalesce(sum(octet_length(payload)), 0) FROM dead_letters WHERE kiosk_segment = 'kiosk-j'"))
                .as("bounded: the quota times the junk prefix").isLessThanOrEqualTo((long) quota * IngestLimits.DEFAULTS.junkBytes());
        assertThat(count("SELECT min(payload_size) FROM dead_letters WHERE kiosk_segment = 'kiosk-j'")).isEqualTo(junk.length);
        assertLegitimateCheckInsStillArrive();
    }

    /**
     * Attack: log forging. CR/LF, a fake log line and ANSI escapes in every string field of a
     * check-in batch, a status and a kiosk's events, logged with central's own {@code logback.xml}:
     * one console line per log event, no raw CR or ESC.
     */
    @Test
    void noStringFieldOfAnyMessageForgesALineInCentralsLog() throws Exception {
        CertificateClient attacker = asKiosk("kiosk-b");
        String hostile = LogForging.hostile("2026-03-02 10:00:00,000");
        List<String> problems;
        try (LogForging.Capture log = LogForging.capture(centralLogbackXml(), SecurityIT.class.getResource("/logback-test.xml"))) {
            CheckInBatch batch = batch(VENUE_2, KIOSK_B, CLOCK.instant(), checkIn(VENUE_2, KIOSK_B, CLOCK.instant(), null));
            for (byte[] payload : LogForging.everyStringField(CODEC.encode(batch), hostile)) {
                attacker.publish(Topics.checkins(VENUE_2, KIOSK_B), payload);
            }
            KioskStatus status = KioskStatus.offline(KIOSK_B, VENUE_2, CLOCK.instant());
            for (byte[] payload : LogForging.everyStringField(CODEC.encode(status), hostile)) {
                attacker.publish(Topics.status(VENUE_2, KIOSK_B), payload);
            }
            Event event = new Event(UUID.randomUUID(), VENUE_2, "Late opening", new Category(Sector.LIBRARIES, null, Mode.ATTEND),
                    AgeBand.ALL, null, CLOCK.instant(), CLOCK.instant().plusSeconds(3600), null);
            KioskEvents events = KioskEvents.of(KIOSK_B, VENUE_2, CLOCK.instant(), List.of(event), List.of(UUID.randomUUID()));
            for (byte[] payload : LogForging.everyStringField(CODEC.encode(events), hostile)) {
                attacker.publish(Topics.events(VENUE_2, KIOSK_B), payload);
            }
            // Sentinels on both paths: once each has its effect, every hostile message before it was handled.
            assertStoredAndAcked(attacker, batch(VENUE_2, KIOSK_B, CLOCK.instant(), checkIn(VENUE_2, KIOSK_B, CLOCK.instant(), null)));
            attacker.publish(Topics.events(VENUE_2, KIOSK_B), CODEC.encode(events));
            await().atMost(WAIT).until(() -> count("SELECT count(*) FROM events WHERE event_id = ?", event.id()) == 1);
            problems = log.problems(Pattern.compile("^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2},\\d{3} .*"),
                    "\\r\\n2026-03-02 10:00:00,000 ERROR");
        }
        assertThat(problems).isEmpty();
        assertLegitimateCheckInsStillArrive();
    }

    /** Attack: implausible times. A batch sent in 1970, and a tap a year in the future (ADR 9). */
    @Test
    void aClockIn1970OrATapInTheFutureIsKeptButNeverSkewsAReport() throws Exception {
        CertificateClient attacker = asKiosk("kiosk-b");
        Instant boot = Instant.parse("1970-01-01T00:10:00Z");
        CheckIn sameClock = checkIn(VENUE_2, KIOSK_B, boot, null);
        CheckInBatch from1970 = batch(VENUE_2, KIOSK_B, boot.plusSeconds(120), sameClock);
        CheckIn future = checkIn(VENUE_2, KIOSK_B, CLOCK.instant().plus(Duration.ofDays(365)).truncatedTo(ChronoUnit.MICROS), null);
        CheckInBatch withFuture = batch(VENUE_2, KIOSK_B, CLOCK.instant(), future);
        assertStoredAndAcked(attacker, from1970);
        assertStoredAndAcked(attacker, withFuture);

        assertThat(text("SELECT time_basis FROM check_ins WHERE id = ?", sameClock.id())).isEqualTo("rebased");
        assertThat(instant("SELECT tapped_at FROM check_ins WHERE id = ?", sameClock.id())).isAfter(Instant.parse("2020-01-01T00:00:00Z"));
        assertThat(instant("SELECT kiosk_tapped_at FROM check_ins WHERE id = ?", sameClock.id())).isEqualTo(boot);
        assertThat(text("SELECT time_basis FROM check_ins WHERE id = ?", future.id())).as("left out of reports")
                .isEqualTo("implausible");
        assertThat(instant("SELECT tapped_at FROM check_ins WHERE id = ?", future.id())).isBefore(CLOCK.instant().plusSeconds(60));
        assertThat(instant("SELECT kiosk_tapped_at FROM check_ins WHERE id = ?", future.id())).isEqualTo(future.tappedAt());
        assertLegitimateCheckInsStillArrive();
    }

    /** Attack: replay. One batch published 200 times is acknowledged each time and stored once. */
    @Test
    void aBatchReplayedManyTimesIsStoredOnce() throws Exception {
        CertificateClient attacker = asKiosk("kiosk-b");
        CheckInBatch batch = batch(VENUE_2, KIOSK_B, CLOCK.instant(), checkIn(VENUE_2, KIOSK_B, CLOCK.instant(), null),
                checkIn(VENUE_2, KIOSK_B, CLOCK.instant(), null));
        byte[] payload = CODEC.encode(batch);
        attacker.publish(Topics.checkins(VENUE_2, KIOSK_B), payload, 200);
        await().atMost(WAIT).until(() -> attacker.acksFor(batch.batchId()).size() == 200);
        assertThat(stored(batch)).isEqualTo(2);
        assertThat(attacker.acksFor(batch.batchId()).stream().mapToInt(a -> a.inserted()).sum()).isEqualTo(2);
        assertLegitimateCheckInsStillArrive();
    }

    /**
     * Attack: another kiosk's topics. kiosk-b's certificate may neither publish under kiosk-a's
     * topic (the broker refuses the publish) nor read kiosk-a's acks through a wildcard.
     */
    @Test
    void aKioskCanNeitherPublishUnderAnotherKiosksTopicNorReadItsAcks() throws Exception {
        CertificateClient attacker = asKiosk("kiosk-b").listenForAcks("culturecard/v1/+/+/down/#");
        CheckInBatch forged = batch(VENUE_1, KioskId.of("kiosk-a"), CLOCK.instant(),
                checkIn(VENUE_1, KioskId.of("kiosk-a"), CLOCK.instant(), null));

        assertNotAuthorized(() -> attacker.publish(Topics.checkins(VENUE_1, KioskId.of("kiosk-a")), CODEC.encode(forged)));
        assertLegitimateCheckInsStillArrive(); // kiosk-a's ack is published now, before kiosk-b's below
        CheckInBatch own = batch(VENUE_2, KIOSK_B, CLOCK.instant(), checkIn(VENUE_2, KIOSK_B, CLOCK.instant(), null));
        attacker.publish(Topics.checkins(VENUE_2, KIOSK_B), CODEC.encode(own));
        await().atMost(WAIT).until(() -> !attacker.acksFor(own.batchId()).isEmpty()); // in order after any ack for kiosk-a

        assertThat(stored(forged)).isZero();
        assertThat(attacker.acks()).as("only kiosk-b's own acks").allMatch(ack -> ack.kioskId().equals(KIOSK_B));
    }

    /**
     * Attack: malformed payloads on the sender's own topic (deep nesting, bytes that are not
     * UTF-8, another schema version, 100,000 records, SQL in an id field): each dead-lettered,
     * nothing stored, no table harmed.
     */
    @Test
    void malformedPayloadsAreDeadLetteredAndStoreNothing() throws Exception {
        CertificateClient attacker = asKiosk("kiosk-b");
        String valid = new String(CODEC.encode(batch(VENUE_2, KIOSK_B, CLOCK.instant(),
                checkIn(VENUE_2, KIOSK_B, CLOCK.instant(), null))), StandardCharsets.UTF_8);
        List<byte[]> payloads = List.of(
                ("{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000)).getBytes(StandardCharsets.UTF_8),
                utf8Broken(valid),
                valid.replace(Schemas.CHECKIN_BATCH, "culturecard.checkin-batch.v99").getBytes(StandardCharsets.UTF_8),
                ("{\"records\":[" + "{},".repeat(99_999) + "{}]}").getBytes(StandardCharsets.UTF_8),
                valid.replace("\"kiosk-b\"", "\"kiosk-b'; DROP TABLE check_ins; --\"").getBytes(StandardCharsets.UTF_8));
        long lettersBefore = count("SELECT count(*) FROM dead_letters WHERE kiosk_segment = 'kiosk-b'");
        long storedBefore = count("SELECT count(*) FROM check_ins WHERE kiosk_id = 'kiosk-b'");
        for (byte[] payload : payloads) {
            attacker.publish(Topics.checkins(VENUE_2, KIOSK_B), payload);
        }

        await().atMost(WAIT).until(() -> count("SELECT count(*) FROM dead_letters WHERE kiosk_segment = 'kiosk-b'")
                == lettersBefore + payloads.size());
        assertThat(count("SELECT count(*) FROM (SELECT reason_class FROM dead_letters WHERE kiosk_segment = 'kiosk-b'"
                + " ORDER BY id DESC LIMIT 5) newest WHERE reason_class IN ('unparseable', 'wrong-schema')")).isEqualTo(5);
        assertThat(count("SELECT count(*) FROM check_ins WHERE kiosk_id = 'kiosk-b'")).isEqualTo(storedBefore);
        assertLegitimateCheckInsStillArrive();
    }

    /** Attack: client-id takeover. kiosk-b's certificate connects under kiosk-a's agent's client id. */
    @Test
    void anotherKiosksCertificateCannotTakeOverTheLegitimateKiosksSession() throws Exception {
        CertificateClient attacker = asKiosk("kiosk-b", "sync-kiosk-a");
        assertStoredAndAcked(attacker, batch(VENUE_2, KIOSK_B, CLOCK.instant(), checkIn(VENUE_2, KIOSK_B, CLOCK.instant(), null)));

        String brokerLog = Files.readString(broker.directory().resolve("stdout.log"), StandardCharsets.UTF_8); // log_dest stderr
        assertThat(brokerLog).as("the broker named the attacker by its certificate").containsPattern(" as kiosk-b \\(");
        assertThat(brokerLog).doesNotContain("Client sync-kiosk-a already connected")
                .doesNotContain("Client kiosk-a already connected");
        assertThat(agent.status().connected()).isTrue();
        assertLegitimateCheckInsStillArrive();
    }

    /** Attack: a client certificate from another CA, even with a kiosk's name, is refused at the TLS handshake. */
    @Test
    void aCertificateFromAnotherCaIsRefused() throws Exception {
        Path otherCa = root.resolve("other-ca-" + UUID.randomUUID());
        new CertificateAuthority(CLOCK, RANDOM).init(otherCa, "Not The Scheme CA", Duration.ofDays(365));
        Issued foreign = IssuingAuthority.load(otherCa, CLOCK, RANDOM).issueClient("kiosk-a", Duration.ofDays(30));
        Path cert = root.resolve("foreign.crt");
        Path key = root.resolve("foreign.key");
        Pem.writeCertificate(cert, foreign.certificate(), "rw-------");
        Pem.writePrivateKey(key, foreign.keyPair().getPrivate());
        SSLSocketFactory tls = PemTls.socketFactory(root.resolve("bundles/kiosk-a").resolve(KioskBundles.CA_CERT), cert, key);

        assertThatThrownBy(() -> CertificateClient.connect("ssl://localhost:" + port, "kiosk-a", tls).close())
                .isInstanceOf(MqttException.class);
        assertThat(agent.status().connected()).isTrue();
        assertLegitimateCheckInsStillArrive();
    }

    /** Attack: {@code X-HTTP-Method-Override: DELETE} on a GET (it once closed an event): refused with 400, the event open. */
    @Test
    void theApiRefusesAMethodOverride() throws Exception {
        Event event = new Event(UUID.randomUUID(), VENUE_1, "Open day", new Category(Sector.LIBRARIES, null, Mode.ATTEND),
                AgeBand.ALL, null, CLOCK.instant().minusSeconds(60), CLOCK.instant().plusSeconds(3600), null);
        PostgresFleetStore fleet = new PostgresFleetStore(central.store().dataSource());
        fleet.upsertEvents(VENUE_1, List.of(event), "central");

        HttpResponse<String> answer = get("/api/venues/venue-1/events/" + event.id(), ADMIN_TOKEN,
                Map.of("X-HTTP-Method-Override", "DELETE"));
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(fleet.eventOpen(VENUE_1, event.id())).contains(true);
        assertLegitimateCheckInsStillArrive();
    }

    /** Attack: raw check-in rows (tokens, times) for a non-auditor: 403; the auditor's read is served and audited. */
    @Test
    void rawRowsAreTheAuditorsAloneAndEveryReadIsAudited() throws Exception {
        for (String raw : List.of("/api/checkins?limit=5", "/api/checkins/count", "/api/kiosks/kiosk-a/checkins?limit=5")) {
            assertThat(get(raw, OFFICER_TOKEN, Map.of()).statusCode()).as(raw).isEqualTo(403);
        }
        long audited = count("SELECT count(*) FROM api_audit");
        assertThat(get("/api/checkins?limit=5", AUDITOR_TOKEN, Map.of()).statusCode()).isEqualTo(200);
        assertThat(count("SELECT count(*) FROM api_audit")).isEqualTo(audited + 1);
        assertThat(text("SELECT token_name FROM api_audit ORDER BY id DESC LIMIT 1")).isEqualTo("audit-desk");
    }

    /** Attack: report dates near year 999,999,999 (once a PostgreSQL "date out of range", 500): 400 naming the parameter. */
    @Test
    void aReportForYear999999999IsABadRequestNotAServerError() throws Exception {
        HttpResponse<String> answer = get("/api/reports/engagement?by=venue&period=week&from=%2B999999999-01-01&to=%2B999999999-02-01",
                OFFICER_TOKEN, Map.of());
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("from");
        assertLegitimateCheckInsStillArrive();
    }

    // ---- helpers -------------------------------------------------------------------------------

    /** kiosk-a, the legitimate kiosk: a new card tapped now reaches PostgreSQL and is acknowledged. */
    private static void assertLegitimateCheckInsStillArrive() throws Exception {
        long before = count("SELECT count(*) FROM check_ins WHERE kiosk_id = ?", "kiosk-a");
        byte[] uid = randomBytes(7);
        uid[0] = 0x04; // an NXP UID, not a random one
        CheckInResult result = kiosk.checkInService().handle(new CardTap(CardUid.of(uid), new byte[] {0x3b, (byte) 0x8f},
                CardKind.MIFARE_CLASSIC_1K, SimulatedCardReader.READER_NAME, CLOCK.instant()));
        assertThat(result).isInstanceOf(CheckInResult.GeneralVisit.class);
        await().atMost(WAIT).until(() -> count("SELECT count(*) FROM check_ins WHERE kiosk_id = ?", "kiosk-a") == before + 1);
        await().atMost(WAIT).until(() -> agent.status().backlog() == 0);
    }

    /** The broker answered the publish with reason 0x87, not authorized (its ACL). */
    private static void assertNotAuthorized(org.assertj.core.api.ThrowableAssert.ThrowingCallable publish) {
        assertThatThrownBy(publish).isInstanceOfSatisfying(MqttException.class, e -> assertThat(e.getReasonCode()).isEqualTo(0x87));
    }

    /** An attacker holding {@code kiosk}'s own certificate and key, from its bundle, under its own id. */
    private static CertificateClient asKiosk(String kioskId) throws Exception {
        return asKiosk(kioskId, "sync-" + kioskId);
    }

    private static CertificateClient asKiosk(String kioskId, String clientId) throws Exception {
        Path bundle = root.resolve("bundles").resolve(kioskId);
        SSLSocketFactory tls = PemTls.socketFactory(bundle.resolve(KioskBundles.CA_CERT), bundle.resolve(KioskBundles.CERT),
                bundle.resolve(KioskBundles.KEY));
        String venue = kioskId.equals("kiosk-a") ? VENUE_1.value() : VENUE_2.value();
        CertificateClient client = CertificateClient.connect("ssl://localhost:" + port, clientId, tls)
                .listenForAcks(Topics.acks(VenueId.of(venue), KioskId.of(kioskId)));
        attackers.add(client);
        return client;
    }

    private static void assertStoredAndAcked(CertificateClient sender, CheckInBatch batch) throws Exception {
        sender.publish(Topics.checkins(batch.venueId(), batch.kioskId()), CODEC.encode(batch));
        await().atMost(WAIT).until(() -> !sender.acksFor(batch.batchId()).isEmpty());
        assertThat(stored(batch)).isEqualTo(batch.records().size());
    }

    /** How many of the batch's check-ins are in {@code check_ins}. */
    private static long stored(CheckInBatch batch) throws Exception {
        return count("SELECT count(*) FROM check_ins WHERE id = ANY (?)", (Object) batch.records().stream().map(CheckIn::id)
                .toArray(UUID[]::new));
    }

    /** {@code json} with an invalid UTF-8 sequence inside its first string value. */
    private static byte[] utf8Broken(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        int quote = json.indexOf(':') + 2; // inside the first value's quotes
        bytes[quote] = (byte) 0xc3;
        bytes[quote + 1] = (byte) 0x28;
        return bytes;
    }

    private static CheckIn checkIn(VenueId venue, KioskId kioskId, Instant tappedAt, UUID eventId) {
        return new CheckIn(IDS.get(), RANDOM.nextInt(1, Integer.MAX_VALUE), Token.of(HexFormat.of().formatHex(randomBytes(32))),
                eventId, venue, kioskId, tappedAt, true, CardKind.MIFARE_CLASSIC_1K, "0.1.0");
    }

    private static CheckInBatch batch(VenueId venue, KioskId kioskId, Instant sentAt, CheckIn... records) {
        return CheckInBatch.of(IDS.get(), kioskId, venue, UUID.randomUUID(), sentAt, List.of(records));
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** Central's config as install/central.sh writes it, pointing at the files 'provision broker config' wrote. */
    private static Path centralProperties(Path centralDir, int centralPort) throws Exception {
        Properties p = new Properties();
        p.setProperty(CentralConfig.JDBC_URL, jdbcUrl);
        p.setProperty(CentralConfig.DB_USER, DB.server().user());
        p.setProperty(CentralConfig.DB_PASSWORD, DB.server().password());
        p.setProperty(CentralConfig.MQTT_URI, "ssl://localhost:" + centralPort);
        p.setProperty(CentralConfig.CA_CERT, centralDir.resolve("ca.crt").toString());
        p.setProperty(CentralConfig.CLIENT_CERT, centralDir.resolve("central.crt").toString());
        p.setProperty(CentralConfig.CLIENT_KEY, centralDir.resolve("central.key").toString());
        p.setProperty(CentralConfig.HTTP_PORT, "0");
        p.setProperty(CentralConfig.READ_TOKENS, OFFICER_TOKEN); // an officer, as install/central.sh writes it
        p.setProperty(CentralConfig.ADMIN_TOKENS, ADMIN_TOKEN);
        p.setProperty("central.api.tokens.audit-desk.role", "auditor");
        p.setProperty("central.api.tokens.audit-desk.secret", AUDITOR_TOKEN);
        Path file = root.resolve("central.properties");
        try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(out, "as install/central.sh writes it");
        }
        return file;
    }

    /** Central's own logback.xml, from its jar or classes directory (other apps' share the classpath). */
    private static URL centralLogbackXml() throws Exception {
        URL location = Central.class.getProtectionDomain().getCodeSource().getLocation();
        return location.getPath().endsWith(".jar") ? new URL("jar:" + location + "!/logback.xml")
                : location.toURI().resolve("logback.xml").toURL();
    }

    private static String metrics() throws Exception {
        return get("/metrics", ADMIN_TOKEN, Map.of()).body();
    }

    private static HttpResponse<String> get(String path, String token, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(central.httpUrl() + path))
                .header("Authorization", "Bearer " + token);
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long count(String sql, Object... args) throws Exception {
        return query(sql, args, rs -> rs.getLong(1));
    }

    private static String text(String sql, Object... args) throws Exception {
        return query(sql, args, rs -> rs.getString(1));
    }

    private static byte[] bytes(String sql, Object... args) throws Exception {
        return query(sql, args, rs -> rs.getBytes(1));
    }

    private static Instant instant(String sql, Object... args) throws Exception {
        return query(sql, args, rs -> rs.getTimestamp(1).toInstant());
    }

    private interface Column<T> {
        T read(ResultSet rs) throws Exception;
    }

    private static <T> T query(String sql, Object[] args, Column<T> column) throws Exception {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, DB.server().user(), DB.server().password());
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    throw new AssertionError("no row for " + sql);
                }
                return column.read(rs);
            }
        }
    }
}
