package org.culturecard.demo.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.culturecard.central.Central;
import org.culturecard.central.config.CentralConfig;
import org.culturecard.core.card.CardKind;
import org.culturecard.core.checkin.CheckIn;
import org.culturecard.core.ids.KioskId;
import org.culturecard.core.ids.UuidV7;
import org.culturecard.core.ids.VenueId;
import org.culturecard.core.privacy.Token;
import org.culturecard.kiosk.store.PendingCheckIn;
import org.culturecard.kiosk.store.SqliteKioskStore;
import org.culturecard.sync.agent.MqttSyncAgent;
import org.culturecard.sync.config.SyncConfig;
import org.culturecard.sync.outbox.SqliteOutbox;
import org.culturecard.testsupport.mqtt.MosquittoServer;
import org.culturecard.testsupport.postgres.PostgresServer;

/**
 * The whole delivery path of one kiosk, on real parts, for the reliability scenarios: the kiosk's
 * own {@link SqliteKioskStore} records check-ins (so the outbox is written exactly as on a kiosk),
 * the sync agent forwards them through a real Mosquitto, and the real {@link Central} stores them in
 * a real PostgreSQL and acks. The rig remembers every check-in id the kiosk recorded, so a scenario
 * ends by asking whether PostgreSQL holds exactly that set.
 *
 * <p>Timings are shrunk so that faults are noticed in seconds: keepalive 2 s, ack timeout 3 s,
 * backoff 100 ms to 1 s.
 */
final class ReliabilityRig implements AutoCloseable {
    static final VenueId VENUE = VenueId.of("reliability-venue");
    static final KioskId KIOSK = KioskId.of("rel-kiosk-1");
    static final int KEEPALIVE_SECONDS = 2;
    static final Duration ACK_TIMEOUT = Duration.ofSeconds(3);

    private final MosquittoServer broker;
    private final PostgresServer postgres;
    private final Path database;
    private final String jdbcUrl;
    private final Clock clock = Clock.systemUTC();
    private final UuidV7 ids = UuidV7.system();
    private final SecureRandom random = new SecureRandom();
    private final SqliteKioskStore store;
    private final Set<UUID> recorded = ConcurrentHashMap.newKeySet();
    private Central central;

    private ReliabilityRig(MosquittoServer broker, PostgresServer postgres, Path dir, String databaseName) {
        this.broker = broker;
        this.postgres = postgres;
        this.database = dir.resolve("kiosk.db");
        this.jdbcUrl = postgres.createDatabase(databaseName);
        this.store = SqliteKioskStore.open(database, clock);
    }

    /** A rig with the kiosk store created and central running; no agent yet. */
    static ReliabilityRig start(MosquittoServer broker, PostgresServer postgres, Path dir, String databaseName) {
        ReliabilityRig rig = new ReliabilityRig(broker, postgres, dir, databaseName);
        rig.startCentral();
        return rig;
    }

    /** The agent's config for these tests: short keepalive, ack timeout and backoff. */
    SyncConfig agentConfig() {
        return SyncConfig.builder(URI.create(broker.uri()), KIOSK, VENUE, database)
                .keepAliveSeconds(KEEPALIVE_SECONDS)
                .ackTimeout(ACK_TIMEOUT)
                .backoff(Duration.ofMillis(100), Duration.ofSeconds(1))
                .build();
    }

    /** An in-process agent on its own connection to the kiosk database, started. */
    MqttSyncAgent startAgent() {
        MqttSyncAgent agent = new MqttSyncAgent(agentConfig(), SqliteOutbox.open(database), clock, UuidV7.system());
        agent.start();
        return agent;
    }

    void startCentral() {
        if (central == null) {
            central = Central.start(centralConfig(), clock);
            central.store().registerKiosk(KIOSK, VENUE, null); // provisioning's registry
        }
    }

    /** Central's config, through its properties form so that new optional settings keep their defaults. */
    CentralConfig centralConfig() {
        Properties p = new Properties();
        p.setProperty(CentralConfig.JDBC_URL, jdbcUrl);
        p.setProperty(CentralConfig.DB_USER, postgres.user());
        p.setProperty(CentralConfig.DB_PASSWORD, postgres.password());
        p.setProperty(CentralConfig.MQTT_URI, broker.uri());
        p.setProperty(CentralConfig.CLIENT_ID_PREFIX, "central-rel");
        p.setProperty(CentralConfig.WORKERS, "1");
        p.setProperty(CentralConfig.HTTP_HOST, "127.0.0.1");
        p.setProperty(CentralConfig.HTTP_PORT, "0");
        p.setProperty(CentralConfig.READ_TOKENS, "rel-read-token-0123456789");
        return CentralConfig.fromProperties(p, Map.of());
    }

    void stopCentral() {
        if (central != null) {
            central.close();
            central = null;
        }
    }

    /** Records one general-visit check-in for a fresh card, as the kiosk does, and remembers its id. */
    UUID tap() {
        byte[] token = new byte[32];
        random.nextBytes(token);
        PendingCheckIn pending = new PendingCheckIn(ids.get(), Token.of(HexFormat.of().formatHex(token)), null,
                VENUE, KIOSK, clock.instant(), LocalDate.now(clock.withZone(ZoneOffset.UTC)), true,
                CardKind.MIFARE_CLASSIC_1K, "0.1.0-reliability");
        CheckIn checkIn = store.recordCheckIn(pending).orElseThrow();
        recorded.add(checkIn.id());
        return checkIn.id();
    }

    void taps(int count) {
        for (int i = 0; i < count; i++) {
            tap();
        }
    }

    int recordedCount() {
        return recorded.size();
    }

    /** Check-ins central has not acknowledged, read from the kiosk's outbox. */
    long kioskBacklog() {
        return store.outboxBacklog();
    }

    /** The check-in ids PostgreSQL holds for this kiosk. */
    Set<UUID> centralIds() {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, postgres.user(), postgres.password());
                PreparedStatement select = connection.prepareStatement("SELECT id FROM check_ins WHERE kiosk_id = ?")) {
            select.setString(1, KIOSK.value());
            Set<UUID> found = new HashSet<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getObject(1, UUID.class));
                }
            }
            return found;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot read central's check-ins: " + e.getMessage(), e);
        }
    }

    long centralRowCount() {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, postgres.user(), postgres.password());
                PreparedStatement select = connection.prepareStatement("SELECT count(*) FROM check_ins")) {
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot count central's check-ins: " + e.getMessage(), e);
        }
    }

    /**
     * Waits until central holds as many rows as the kiosk recorded and the kiosk's outbox is fully
     * acknowledged, then asserts that the ids are exactly the recorded ones: none lost, none extra.
     */
    void assertCentralHoldsExactlyWhatTheKioskRecorded(Duration within) {
        Set<UUID> expected = Set.copyOf(recorded);
        await().atMost(within).pollInterval(Duration.ofMillis(250))
                .until(() -> centralRowCount() >= expected.size() && kioskBacklog() == 0);
        assertThat(centralRowCount()).as("rows in PostgreSQL").isEqualTo(expected.size());
        assertThat(centralIds()).as("check-in ids in PostgreSQL").isEqualTo(expected);
    }

    @Override
    public void close() {
        try {
            stopCentral();
        } finally {
            store.close();
        }
    }
}
