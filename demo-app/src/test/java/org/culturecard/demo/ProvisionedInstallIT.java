package org.culturecard.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.culturecard.central.Central;
import org.culturecard.central.config.CentralConfig;
import org.culturecard.central.ingest.IngestWorker;
import org.culturecard.core.card.CardKind;
import org.culturecard.core.card.CardTap;
import org.culturecard.core.card.CardUid;
import org.culturecard.core.ids.UuidV7;
import org.culturecard.kiosk.KioskApp;
import org.culturecard.kiosk.KioskHooks;
import org.culturecard.kiosk.checkin.CheckInResult;
import org.culturecard.kiosk.config.KioskConfig;
import org.culturecard.provisioning.broker.BrokerConfig;
import org.culturecard.provisioning.ca.CertificateAuthority;
import org.culturecard.provisioning.ca.IssuingAuthority;
import org.culturecard.provisioning.ca.Pem;
import org.culturecard.provisioning.doctor.MqttProbe;
import org.culturecard.provisioning.kiosk.BundleOptions;
import org.culturecard.provisioning.kiosk.KioskBundles;
import org.culturecard.provisioning.kiosk.KioskRegistry;
import org.culturecard.provisioning.kiosk.KioskSpec;
import org.culturecard.reader.SimulatedCardReader;
import org.culturecard.sync.agent.MqttSyncAgent;
import org.culturecard.sync.config.SyncConfig;
import org.culturecard.sync.outbox.SqliteOutbox;
import org.culturecard.testsupport.mqtt.MosquittoServer;
import org.culturecard.testsupport.postgres.PostgresExtension;
import org.culturecard.testsupport.postgres.PostgresServer;
import org.culturecard.testsupport.server.LocalProcesses;
import org.culturecard.testsupport.server.MissingServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The system as an IT team installs it, on real components: {@code provision} makes the scheme CA,
 * a kiosk bundle and the broker config; the machine's Mosquitto runs that config as written (TLS,
 * client certificates required, the certificate's CN as the user name, the generated ACL); central
 * reads a config file like the one {@code install/central.sh} writes and connects with its own
 * certificate; the kiosk and its sync agent read the bundle's own config files. A tap then reaches
 * PostgreSQL and is acknowledged. A second kiosk's certificate configured to speak for the first
 * gets nothing in.
 */
@ExtendWith(PostgresExtension.class)
class ProvisionedInstallIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final Clock clock = Clock.systemUTC();
    private Path root;
    private MosquittoServer broker;
    private int port;
    private int centralPort;
    private Path bundles;

    @BeforeEach
    void provisionAndStartTheBroker() throws Exception {
        if (MosquittoServer.findBinary().isEmpty()) {
            MissingServer.report("mosquitto", MosquittoServer.APT_PACKAGE);
        }
        root = Files.createTempDirectory("provisioned-install-it-");
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x")); // the broker runs as mosquitto
        Path caDir = root.resolve("ca");
        new CertificateAuthority(clock, new SecureRandom()).init(caDir, "Culture Card IT CA", Duration.ofDays(365));
        IssuingAuthority ca = IssuingAuthority.load(caDir, clock, new SecureRandom());
        port = LocalProcesses.freeLoopbackPort();
        centralPort = LocalProcesses.freeLoopbackPort();

        bundles = root.resolve("bundles");
        for (String[] kiosk : new String[][] {{"venue-1", "kiosk-a", "Venue One"}, {"venue-2", "kiosk-b", "Venue Two"}}) {
            Path installDir = bundles.resolve(kiosk[1]);
            BundleOptions options = new BundleOptions(URI.create("ssl://localhost:" + port), root.resolve("scheme.key"),
                    installDir, root.resolve("data-" + kiosk[1]), Duration.ofDays(30), Duration.ofDays(7));
            new KioskBundles(ca, options, clock).provision(KioskSpec.of(kiosk[0], kiosk[1], kiosk[2]), bundles);
            Files.createDirectories(root.resolve("data-" + kiosk[1]));
        }
        byte[] schemeKey = new byte[32];
        new SecureRandom().nextBytes(schemeKey);
        Files.writeString(root.resolve("scheme.key"), HexFormat.of().formatHex(schemeKey));

        Path brokerDir = root.resolve("broker");
        Files.createDirectories(root.resolve("mosquitto-data"));
        new BrokerConfig(ca).write(brokerDir, new BrokerConfig.Options(port, "127.0.0.1", centralPort, "127.0.0.1", List.of(), brokerDir,
                root.resolve("mosquitto-data"), new KioskRegistry(bundles), Duration.ofDays(30), null, root.resolve("central-ca")));
        if (LocalProcesses.runningAsRoot()) {
            // The generated files are 0640, group mosquitto: only the persistence directory is the broker's own.
            LocalProcesses.chownTree(root.resolve("mosquitto-data"), "mosquitto");
        }
        broker = MosquittoServer.builder().configFile(brokerDir.resolve(BrokerConfig.CONF), port).build().start();
    }

    @AfterEach
    void stop() {
        if (broker != null) {
            broker.close();
        }
        LocalProcesses.deleteTree(root);
    }

    @Test
    void aTapOnAProvisionedKioskReachesCentralOverTheGeneratedBrokerConfig(PostgresServer postgres) throws Exception {
        String jdbcUrl = postgres.createDatabase("provisioned_it");
        CentralConfig centralConfig = CentralConfig.load(centralProperties(jdbcUrl, postgres), Map.of());
        assertThat(centralConfig.brokerTls().enabled()).isTrue();
        Path bundle = bundles.resolve("kiosk-a");
        SyncConfig syncConfig = SyncConfig.load(bundle.resolve(KioskBundles.SYNC_PROPERTIES), Map.of());
        KioskConfig kioskConfig = KioskConfig.load(bundle.resolve(KioskBundles.KIOSK_PROPERTIES), Map.of());
        SimulatedCardReader reader = new SimulatedCardReader(clock);

        try (Central central = Central.start(centralConfig, clock);
                KioskApp kiosk = KioskApp.compose(kioskConfig, reader, KioskHooks.defaults());
                MqttSyncAgent agent = new MqttSyncAgent(syncConfig, SqliteOutbox.open(syncConfig.databasePath()), clock,
                        UuidV7.system())) {
            register(central);
            agent.start();
            CheckInResult result = kiosk.checkInService().handle(tap("04a1b2c3d4e5f6")); // no event on: a general visit
            assertThat(result).isInstanceOf(CheckInResult.GeneralVisit.class);

            await().atMost(WAIT).until(() -> rows(jdbcUrl, postgres).size() == 1);
            assertThat(rows(jdbcUrl, postgres)).containsExactly(List.of("kiosk-a", "venue-1"));
            await().atMost(WAIT).until(() -> agent.status().backlog() == 0);
            assertThat(agent.status().connected()).isTrue();
            assertThat(central.workers().stream().allMatch(IngestWorker::isSubscribed)).isTrue();

            // 'provision doctor' on the kiosk probes the broker with the bundle's diagnostics certificate
            // (kiosk-a.diag), its own identity and session: the agent keeps its connection and the next tap goes through.
            MqttProbe probe = new MqttProbe(Pem.readCertificate(bundle.resolve(KioskBundles.CA_CERT)),
                    Pem.readCertificate(bundle.resolve(KioskBundles.DIAG_CERT)),
                    Pem.readPrivateKey(bundle.resolve(KioskBundles.DIAG_KEY)), Duration.ofSeconds(5));
            assertThat(probe.connect("localhost", port, KioskBundles.diagnosticsName("kiosk-a"))).isEqualTo(MqttProbe.SUCCESS);
            kiosk.checkInService().handle(tap("04a1b2c3d4e5f7"));
            await().atMost(WAIT).until(() -> rows(jdbcUrl, postgres).size() == 2);
            await().atMost(WAIT).until(() -> agent.status().backlog() == 0 && agent.status().connected());
        }
    }

    @Test
    void aKioskCertificateConfiguredToSpeakForAnotherKioskGetsNothingInAndCannotPushItOff(PostgresServer postgres)
            throws Exception {
        String jdbcUrl = postgres.createDatabase("forged_it");
        CentralConfig centralConfig = CentralConfig.load(centralProperties(jdbcUrl, postgres), Map.of());
        SyncConfig genuineConfig = SyncConfig.load(bundles.resolve("kiosk-a").resolve(KioskBundles.SYNC_PROPERTIES), Map.of());
        // kiosk-b's own certificate and key, but configs claiming to be kiosk-a at venue-1 (same MQTT client id too).
        Properties forged = load(bundles.resolve("kiosk-b").resolve(KioskBundles.SYNC_PROPERTIES));
        forged.setProperty(SyncConfig.KIOSK_ID, "kiosk-a");
        forged.setProperty(SyncConfig.VENUE_ID, "venue-1");
        SyncConfig forgedConfig = SyncConfig.fromProperties(forged, Map.of());
        Properties kioskProperties = load(bundles.resolve("kiosk-b").resolve(KioskBundles.KIOSK_PROPERTIES));
        kioskProperties.setProperty("kiosk.id", "kiosk-a");
        kioskProperties.setProperty("venue.id", "venue-1");
        KioskConfig forgedKiosk = KioskConfig.from(kioskProperties, Map.of());

        KioskConfig genuineKiosk = KioskConfig.load(bundles.resolve("kiosk-a").resolve(KioskBundles.KIOSK_PROPERTIES), Map.of());

        try (Central central = Central.start(centralConfig, clock);
                KioskApp genuineApp = KioskApp.compose(genuineKiosk, new SimulatedCardReader(clock), KioskHooks.defaults());
                KioskApp kiosk = KioskApp.compose(forgedKiosk, new SimulatedCardReader(clock), KioskHooks.defaults());
                MqttSyncAgent genuine = new MqttSyncAgent(genuineConfig, SqliteOutbox.open(genuineConfig.databasePath()),
                        clock, UuidV7.system());
                MqttSyncAgent impostor = new MqttSyncAgent(forgedConfig, SqliteOutbox.open(forgedConfig.databasePath()),
                        clock, UuidV7.system())) {
            register(central);
            genuine.start();
            await().atMost(WAIT).until(() -> genuine.status().connected());
            impostor.start();
            assertThat(kiosk.checkInService().handle(tap("04112233445566"))).isInstanceOf(CheckInResult.GeneralVisit.class);

            // The broker refuses the impostor's publishes under kiosk-a's topic; the agent says so.
            await().atMost(WAIT).until(() -> impostor.status().problem() != null
                    && impostor.status().problem().contains("not authorized"));
            assertThat(central.workers().stream().allMatch(IngestWorker::isSubscribed)).isTrue();
            assertThat(rows(jdbcUrl, postgres)).isEmpty();
            assertThat(impostor.status().backlog()).isEqualTo(1); // kept, not lost: it goes out once the config is fixed
            // Same client id, other certificate: the broker must not let the impostor take over kiosk-a's session.
            long until = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            while (System.nanoTime() < until) {
                assertThat(genuine.status().connected()).as("kiosk-a still connected").isTrue();
                Thread.sleep(20);
            }
        }
    }

    private CardTap tap(String uidHex) {
        return new CardTap(CardUid.of(HexFormat.of().parseHex(uidHex)), new byte[] {0x3b, (byte) 0x8f},
                CardKind.MIFARE_CLASSIC_1K, SimulatedCardReader.READER_NAME, clock.instant());
    }

    /** The registry provisioning gives central: each bundle's kiosk at its venue. */
    private static void register(Central central) {
        central.store().registerKiosk(org.culturecard.core.ids.KioskId.of("kiosk-a"), org.culturecard.core.ids.VenueId.of("venue-1"), null);
        central.store().registerKiosk(org.culturecard.core.ids.KioskId.of("kiosk-b"), org.culturecard.core.ids.VenueId.of("venue-2"), null);
    }

    /** Central's config as install/central.sh writes it, pointing at the files 'provision broker config' wrote. */
    private Path centralProperties(String jdbcUrl, PostgresServer postgres) throws Exception {
        Path centralDir = root.resolve("broker").resolve(BrokerConfig.CENTRAL);
        Properties p = new Properties();
        p.setProperty(CentralConfig.JDBC_URL, jdbcUrl);
        p.setProperty(CentralConfig.DB_USER, postgres.user());
        p.setProperty(CentralConfig.DB_PASSWORD, postgres.password());
        p.setProperty(CentralConfig.MQTT_URI, "ssl://localhost:" + centralPort); // central's own listener
        p.setProperty(CentralConfig.CA_CERT, centralDir.resolve("ca.crt").toString());
        p.setProperty(CentralConfig.CLIENT_CERT, centralDir.resolve("central.crt").toString());
        p.setProperty(CentralConfig.CLIENT_KEY, centralDir.resolve("central.key").toString());
        p.setProperty(CentralConfig.HTTP_PORT, "0");
        Path file = root.resolve("central.properties");
        try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(out, "as install/central.sh writes it");
        }
        return file;
    }

    private static Properties load(Path file) throws Exception {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }

    private static List<List<String>> rows(String jdbcUrl, PostgresServer postgres) throws Exception {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, postgres.user(), postgres.password());
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT kiosk_id, venue_id FROM check_ins ORDER BY seq")) {
            List<List<String>> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(List.of(rs.getString(1), rs.getString(2)));
            }
            return rows;
        }
    }
}
