package org.culturecard.provisioning.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.culturecard.mqttlink.tls.PemTls;
import org.culturecard.provisioning.ca.CertificateAuthority;
import org.culturecard.provisioning.ca.Issued;
import org.culturecard.provisioning.ca.IssuingAuthority;
import org.culturecard.provisioning.ca.Pem;
import org.culturecard.provisioning.ca.RevocationList;
import org.culturecard.provisioning.doctor.CheckResult;
import org.culturecard.provisioning.doctor.Doctor;
import org.culturecard.provisioning.doctor.MqttProbe;
import org.culturecard.provisioning.kiosk.BundleOptions;
import org.culturecard.provisioning.kiosk.KioskBundles;
import org.culturecard.provisioning.kiosk.KioskRegistry;
import org.culturecard.provisioning.kiosk.KioskSpec;
import org.culturecard.testsupport.mqtt.MosquittoServer;
import org.culturecard.testsupport.server.LocalProcesses;
import org.culturecard.testsupport.server.MissingServer;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The broker config that {@code provision broker config} writes, run by the machine's real
 * Mosquitto: only kiosks with a current certificate from the scheme's CA get in, and a kiosk can
 * speak only for itself.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeneratedBrokerConfigIT {
    private static final Duration WAIT = Duration.ofSeconds(5);

    private Path root;
    private Path bundles;
    private Path brokerDir;
    private Path schemeKey;
    private IssuingAuthority ca;
    private IssuingAuthority otherCa;
    private MosquittoServer mosquitto;
    private int port;
    private int centralPort;

    @BeforeAll
    void startBrokerWithGeneratedConfig() throws Exception {
        if (MosquittoServer.findBinary().isEmpty()) {
            MissingServer.report("mosquitto", MosquittoServer.APT_PACKAGE);
        }
        root = Files.createTempDirectory("broker-config-it-");
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        ca = newCa(root.resolve("ca"));
        otherCa = newCa(root.resolve("other-ca"));
        bundles = root.resolve("bundles");
        KioskBundles writer = new KioskBundles(ca, BundleOptions.defaults(), Clock.systemUTC());
        writer.provision(KioskSpec.of("venue-1", "kiosk-a", "Venue One"), bundles);
        writer.provision(KioskSpec.of("venue-2", "kiosk-b", "Venue Two"), bundles);
        writer.provision(KioskSpec.of("venue-1", "kiosk-moved", "Venue One"), bundles);
        port = LocalProcesses.freeLoopbackPort();
        centralPort = LocalProcesses.freeLoopbackPort();
        schemeKey = root.resolve("scheme.key");
        Files.writeString(schemeKey, "ab".repeat(32) + "\n");
        Files.setPosixFilePermissions(schemeKey, PosixFilePermissions.fromString("rw-------"));
        Path stolen = bundles.resolve("kiosk-stolen"); // installed where it was written, so the doctor can run on it
        new KioskBundles(ca, new BundleOptions(URI.create("ssl://127.0.0.1:" + port), schemeKey, stolen, stolen,
                Duration.ofDays(90), Duration.ofDays(30)), Clock.systemUTC()).provision(KioskSpec.of("venue-2", "kiosk-stolen", "Venue Two"), bundles);
        ca.revoke(root.resolve("ca"), Pem.readCertificate(stolen.resolve(KioskBundles.CERT)));
        ca.revoke(root.resolve("ca"), Pem.readCertificate(stolen.resolve(KioskBundles.DIAG_CERT)));

        brokerDir = root.resolve("broker");
        Files.createDirectories(root.resolve("data"));
        new BrokerConfig(ca).write(brokerDir, new BrokerConfig.Options(port, "127.0.0.1", centralPort, "127.0.0.1", List.of(), brokerDir,
                root.resolve("data"), new KioskRegistry(bundles), Duration.ofDays(30),
                root.resolve("ca").resolve(RevocationList.CRL_FILE), root.resolve("ca").resolve(BrokerConfig.CENTRAL_CA_DIR)));
        if (LocalProcesses.runningAsRoot()) {
            // Only the persistence directory is the broker's own; the generated files are read through their group.
            LocalProcesses.chownTree(root.resolve("data"), "mosquitto");
        }
        mosquitto = MosquittoServer.builder().configFile(brokerDir.resolve(BrokerConfig.CONF), port).build().start();
    }

    @AfterAll
    void stopBroker() {
        if (mosquitto != null) {
            mosquitto.close();
        }
        if (root != null) {
            LocalProcesses.deleteTree(root);
        }
    }

    @Test
    void kioskPublishesUnderItsOwnTopicAndCentralReceivesIt() throws Exception {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        MqttClient central = central(received);
        MqttClient kioskA = kiosk("kiosk-a");
        try {
            kioskA.publish("culturecard/v1/venue-1/kiosk-a/up/checkins", message("batch-1"));
            assertThat(received.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS))
                    .isEqualTo("culturecard/v1/venue-1/kiosk-a/up/checkins batch-1");
        } finally {
            close(kioskA);
            close(central);
        }
    }

    @Test
    void aKioskCertificateCannotTakeOverAnotherKiosksClientId() throws Exception {
        MqttClient kioskA = kiosk("kiosk-a");
        Path bundleB = bundles.resolve("kiosk-b");
        MqttClient impostor = connect(new Issued(new java.security.KeyPair(null, Pem.readPrivateKey(bundleB.resolve(KioskBundles.KEY))),
                Pem.readCertificate(bundleB.resolve(KioskBundles.CERT))), "kiosk-a");
        try {
            // The broker renamed the impostor's session to its own CN (kiosk-b): kiosk-a keeps its connection.
            impostor.publish("culturecard/v1/venue-2/kiosk-b/up/status", message("still-b"));
            LocalProcesses.pause(Duration.ofMillis(500));
            assertThat(kioskA.isConnected()).isTrue();
            kioskA.publish("culturecard/v1/venue-1/kiosk-a/up/status", message("still-a"));
        } finally {
            close(impostor);
            close(kioskA);
        }
    }

    @Test
    void kioskCannotPublishUnderAnotherKiosksTopic() throws Exception {
        assertNothingArrivesFrom("kiosk-a", List.of("culturecard/v1/venue-2/kiosk-b/up/checkins"),
                "culturecard/v1/venue-1/kiosk-a/up/checkins");
    }

    @Test
    void kioskCannotPublishUnderItsOwnIdAtAnotherVenue() throws Exception {
        assertNothingArrivesFrom("kiosk-b", List.of("culturecard/v1/venue-1/kiosk-b/up/checkins",
                "culturecard/v1/venue-1/kiosk-b/up/status", "culturecard/v1/venue-1/kiosk-b/up/events"),
                "culturecard/v1/venue-2/kiosk-b/up/checkins");
    }

    @Test
    void aMovedKiosksOldVenueIsRefusedOnceTheRewrittenAclIsReloaded() throws Exception {
        KioskRegistry registry = new KioskRegistry(bundles);
        registry.move(org.culturecard.core.ids.KioskId.of("kiosk-moved"), org.culturecard.core.ids.VenueId.of("venue-2"));
        BrokerConfig.rewriteAcl(brokerDir, registry);
        LocalProcesses.signal(mosquitto.pid(), "HUP");

        // Mosquitto reloads the ACL in its main loop: wait until the new venue's rule lets a message through.
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        MqttClient central = central(received);
        MqttClient moved = kiosk("kiosk-moved");
        try {
            String arrived = null;
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (arrived == null && System.nanoTime() < deadline) {
                try {
                    moved.publish("culturecard/v1/venue-2/kiosk-moved/up/status", message("at-venue-2"));
                } catch (MqttException notYet) {
                    // PUBACK "not authorized" until the broker has read the new ACL
                }
                arrived = received.poll(100, TimeUnit.MILLISECONDS);
            }
            assertThat(arrived).isEqualTo("culturecard/v1/venue-2/kiosk-moved/up/status at-venue-2");
        } finally {
            close(moved);
            close(central);
        }
        assertNothingArrivesFrom("kiosk-moved", List.of("culturecard/v1/venue-1/kiosk-moved/up/checkins"),
                "culturecard/v1/venue-2/kiosk-moved/up/checkins");
    }

    /** {@code kiosk} publishes on each forged topic, then a marker on its own: only the marker reaches central. */
    private void assertNothingArrivesFrom(String kiosk, List<String> forged, String own) throws Exception {
        Issued identity = kioskIdentity(kiosk);
        assertNothingArrivesFrom(identity, forged, identity, own);
    }

    /** {@code forger} publishes on each forged topic, then {@code marker} on {@code own}: only the marker reaches central. */
    private void assertNothingArrivesFrom(Issued forger, List<String> forged, Issued marker, String own) throws Exception {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        MqttClient central = central(received);
        MqttClient client = connect(forger, "forger-" + System.nanoTime());
        MqttClient markerClient = forger == marker ? client : connect(marker, "marker-" + System.nanoTime());
        try {
            for (String topic : forged) {
                try {
                    client.publish(topic, message("forged"));
                } catch (MqttException refused) {
                    // Mosquitto answers a refused QoS 1 publish with PUBACK "not authorized"; either way nothing may arrive.
                }
            }
            if (markerClient != client) {
                client.disconnect(); // the broker has handled every publish of a connection before its DISCONNECT
            }
            markerClient.publish(own, message("marker"));
            // Messages arrive in the order the broker handled them: once the marker is here, a forged one would be too.
            assertThat(received.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(own + " marker");
            assertThat(received).isEmpty();
        } finally {
            close(client);
            if (markerClient != client) {
                close(markerClient);
            }
            close(central);
        }
    }

    @Test
    void aLegalMaximumBatchPassesAndAPacketOverTheLimitDisconnectsTheKiosk() throws Exception {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        MqttClient central = central(received);
        try {
            Path bundle = bundles.resolve("kiosk-a");
            String topic = "culturecard/v1/venue-1/kiosk-a/up/checkins";
            try (RawMqtt kiosk = RawMqtt.connect(tls(bundle.resolve(KioskBundles.CERT), bundle.resolve(KioskBundles.KEY)),
                    port, "kiosk-a")) {
                kiosk.publishQos0(topic, new byte[org.culturecard.core.wire.CheckInBatch.MAX_BYTES]);
            }
            String arrived = received.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(arrived).startsWith(topic + " ").hasSize(topic.length() + 1 + org.culturecard.core.wire.CheckInBatch.MAX_BYTES);

            try (RawMqtt kiosk = RawMqtt.connect(tls(bundle.resolve(KioskBundles.CERT), bundle.resolve(KioskBundles.KEY)),
                    port, "kiosk-a")) {
                kiosk.publishQos0(topic, new byte[BrokerConfig.MAX_PACKET_SIZE]);
                assertThat(kiosk.awaitDisconnect()).as("the broker's answer to a packet over max_packet_size")
                        .isIn(RawMqtt.CLOSED, RawMqtt.PACKET_TOO_LARGE);
            }
            close(kiosk("kiosk-a")); // the kiosk connects again afterwards
            assertThat(received).isEmpty();
        } finally {
            close(central);
        }
    }

    @Test
    void aKioskCertificateCannotConnectToCentralsListenerAndCentralsCan() throws Exception {
        assertThatThrownBy(() -> connect(kioskIdentity("kiosk-a"), "ingest-0", centralPort).disconnect())
                .isInstanceOf(MqttException.class);
        close(central(new LinkedBlockingQueue<>()));
        Path dir = brokerDir.resolve(BrokerConfig.CENTRAL);
        Issued centralIdentity = new Issued(new java.security.KeyPair(null, Pem.readPrivateKey(dir.resolve("central.key"))),
                Pem.readCertificate(dir.resolve("central.crt")));
        assertThatThrownBy(() -> connect(centralIdentity, "central-on-kiosk-port", port).disconnect())
                .as("central's certificate is not from the scheme CA, so the kiosks' listener refuses it")
                .isInstanceOf(MqttException.class);
    }

    @Test
    void theBrokerStartedAsRootDropsToMosquittoAndReadsTheGeneratedFiles() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(LocalProcesses.runningAsRoot(), "needs root (CI runs as root)");
        String uid = Files.readAllLines(Path.of("/proc/" + mosquitto.pid() + "/status")).stream()
                .filter(line -> line.startsWith("Uid:")).findFirst().orElseThrow();
        String mosquittoUid = LocalProcesses.run(List.of("id", "-u", "mosquitto"), WAIT).strip();
        assertThat(uid.split("\\s+")).as("real and effective uid").contains(mosquittoUid).doesNotContain("0");
        close(kiosk("kiosk-a"));
        assertThat(Files.getPosixFilePermissions(brokerDir)).isEqualTo(PosixFilePermissions.fromString("rwxr-x---"));
        for (String name : List.of(BrokerConfig.CONF, BrokerConfig.ACL, BrokerConfig.SERVER_KEY, BrokerConfig.SERVER_CERT,
                BrokerConfig.CA_CERT, BrokerConfig.CENTRAL_CA_CERT, BrokerConfig.CRL)) {
            Path file = brokerDir.resolve(name);
            assertThat(Files.getPosixFilePermissions(file)).as(name).isEqualTo(PosixFilePermissions.fromString("rw-r-----"));
            assertThat(Files.readAttributes(file, java.nio.file.attribute.PosixFileAttributes.class).group().getName())
                    .as(name).isEqualTo("mosquitto");
        }
    }

    @Test
    void aReRunKeepsTheFilesReadableByTheBroker() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(LocalProcesses.runningAsRoot(), "needs root (CI runs as root)");
        Path again = root.resolve("rerun");
        BrokerConfig.Options options = new BrokerConfig.Options(port, "127.0.0.1", centralPort, "127.0.0.1", List.of(), again,
                root.resolve("data"), new KioskRegistry(bundles), Duration.ofDays(30), null,
                root.resolve("ca").resolve(BrokerConfig.CENTRAL_CA_DIR));
        new BrokerConfig(ca).write(again, options);
        Files.setPosixFilePermissions(again.resolve(BrokerConfig.ACL), PosixFilePermissions.fromString("rw-------"));
        new BrokerConfig(ca).write(again, options);
        assertThat(Files.getPosixFilePermissions(again)).isEqualTo(PosixFilePermissions.fromString("rwxr-x---"));
        assertThat(Files.getPosixFilePermissions(again.resolve(BrokerConfig.ACL))).isEqualTo(PosixFilePermissions.fromString("rw-r-----"));
        assertThat(Files.getPosixFilePermissions(again.resolve(BrokerConfig.SERVER_KEY))).isEqualTo(PosixFilePermissions.fromString("rw-r-----"));
        assertThat(Pem.readCertificate(again.resolve(BrokerConfig.CENTRAL_CA_CERT)))
                .as("the central CA is made once and kept").isEqualTo(Pem.readCertificate(brokerDir.resolve(BrokerConfig.CENTRAL_CA_CERT)));
    }

    @Test
    void kioskReadsOnlyItsOwnVenuesConfigAndAcks() throws Exception {
        BlockingQueue<String> centralInbox = new LinkedBlockingQueue<>();
        MqttClient central = central(centralInbox);
        MqttClient kioskA = kiosk("kiosk-a");
        BlockingQueue<String> kioskInbox = new LinkedBlockingQueue<>();
        try {
            MqttMessage retained = message("config");
            retained.setRetained(true);
            central.publish("culturecard/v1/venue-2/down/config", retained);
            central.publish("culturecard/v1/venue-1/down/config", retained);
            central.publish("culturecard/v1/venue-2/kiosk-b/down/acks", message("ack-b"));
            kioskA.subscribe(new org.eclipse.paho.mqttv5.common.MqttSubscription[] {
                new org.eclipse.paho.mqttv5.common.MqttSubscription("culturecard/v1/+/down/config", 1),
                new org.eclipse.paho.mqttv5.common.MqttSubscription("culturecard/v1/+/+/down/acks", 1)},
                    new org.eclipse.paho.mqttv5.client.IMqttMessageListener[] {
                        (topic, m) -> kioskInbox.add(topic), (topic, m) -> kioskInbox.add(topic)});
            central.publish("culturecard/v1/venue-2/kiosk-b/down/acks", message("ack-b"));
            central.publish("culturecard/v1/venue-1/kiosk-a/down/acks", message("ack-a"));
            assertThat(kioskInbox.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo("culturecard/v1/venue-1/down/config");
            assertThat(kioskInbox.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo("culturecard/v1/venue-1/kiosk-a/down/acks");
            assertThat(kioskInbox).isEmpty();
        } finally {
            close(kioskA);
            close(central);
        }
    }

    @Test
    void kiosksReadTheEnrolledFilterThatOnlyCentralMayWrite() throws Exception {
        String chunk = "culturecard/v1/_scheme/down/filter/enrolled/0";
        MqttClient central = central(new LinkedBlockingQueue<>());
        MqttClient kioskA = kiosk("kiosk-a");
        MqttClient kioskB = kiosk("kiosk-b");
        BlockingQueue<String> kioskInbox = new LinkedBlockingQueue<>();
        try {
            MqttMessage retained = message("generation-1");
            retained.setRetained(true);
            central.publish(chunk, retained);
            MqttMessage forged = message("forged");
            forged.setRetained(true);
            try {
                kioskB.publish(chunk, forged);
            } catch (MqttException refused) {
                // Mosquitto answers a refused QoS 1 publish with PUBACK "not authorized"; either way it is not kept.
            }
            kioskB.disconnect(); // the broker has handled every publish of a connection before its DISCONNECT
            kioskA.subscribe(new org.eclipse.paho.mqttv5.common.MqttSubscription[] {
                new org.eclipse.paho.mqttv5.common.MqttSubscription("culturecard/v1/_scheme/down/filter/enrolled/+", 1)},
                    new org.eclipse.paho.mqttv5.client.IMqttMessageListener[] {
                        (topic, m) -> kioskInbox.add(topic + " " + new String(m.getPayload(), StandardCharsets.UTF_8))});
            assertThat(kioskInbox.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS)).as("the retained chunk, not the kiosk's")
                    .isEqualTo(chunk + " generation-1");
            central.publish(chunk, message("generation-2"));
            assertThat(kioskInbox.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(chunk + " generation-2");
            assertThat(kioskInbox).isEmpty();
        } finally {
            close(kioskA);
            close(kioskB);
            close(central);
        }
    }

    @Test
    void refusesACertificateFromAnotherCa() throws Exception {
        Issued foreign = otherCa.issueClient("kiosk-a", Duration.ofDays(30));
        assertThatThrownBy(() -> connect(foreign, "foreign").disconnect()).isInstanceOf(MqttException.class);
        MqttProbe probe = new MqttProbe(ca.certificate(), foreign.certificate(), foreign.keyPair().getPrivate(), WAIT);
        assertThatThrownBy(() -> probe.connect("127.0.0.1", port, "foreign-probe")).isInstanceOf(IOException.class);
    }

    @Test
    void refusesAnExpiredCertificate() throws Exception {
        Clock twoYearsAgo = Clock.fixed(Instant.now().minus(Duration.ofDays(730)), ZoneOffset.UTC);
        IssuingAuthority past = new IssuingAuthority(ca.certificate(),
                Pem.readPrivateKey(root.resolve("ca").resolve(CertificateAuthority.KEY_FILE)), twoYearsAgo, new SecureRandom());
        Issued expired = past.issueClient("kiosk-a", Duration.ofDays(1));
        assertThatThrownBy(() -> connect(expired, "expired").disconnect()).isInstanceOf(MqttException.class);
    }

    @Test
    void refusesARevokedCertificate() throws Exception {
        assertThatThrownBy(() -> kiosk("kiosk-stolen").disconnect()).isInstanceOf(MqttException.class);
        assertThat(Files.readString(brokerDir.resolve(BrokerConfig.CONF))).contains("crlfile " + brokerDir.resolve(BrokerConfig.CRL));
    }

    @Test
    void doctorsProbeLogsInAsTheDiagnosticsIdentityWithoutDisturbingTheConnectedKiosk() throws Exception {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        MqttClient central = central(received);
        MqttClient kioskA = kiosk("kiosk-a");
        java.util.concurrent.atomic.AtomicInteger lost = new java.util.concurrent.atomic.AtomicInteger();
        kioskA.setCallback(new org.eclipse.paho.mqttv5.client.MqttCallback() {
            @Override public void disconnected(org.eclipse.paho.mqttv5.client.MqttDisconnectResponse response) { lost.incrementAndGet(); }
            @Override public void mqttErrorOccurred(MqttException exception) { }
            @Override public void messageArrived(String topic, MqttMessage message) { }
            @Override public void deliveryComplete(org.eclipse.paho.mqttv5.client.IMqttToken token) { }
            @Override public void connectComplete(boolean reconnect, String serverURI) { }
            @Override public void authPacketArrived(int reasonCode, org.eclipse.paho.mqttv5.common.packet.MqttProperties properties) { }
        });
        try {
            Path bundle = bundles.resolve("kiosk-a");
            MqttProbe probe = new MqttProbe(Pem.readCertificate(bundle.resolve(KioskBundles.CA_CERT)),
                    Pem.readCertificate(bundle.resolve(KioskBundles.DIAG_CERT)), Pem.readPrivateKey(bundle.resolve(KioskBundles.DIAG_KEY)), WAIT);
            // Even under the kiosk's own client id: the listener replaces it with the certificate's CN, kiosk-a.diag.
            assertThat(probe.connect("127.0.0.1", port, "kiosk-a")).isEqualTo(MqttProbe.SUCCESS);
            // The broker handles a takeover before it answers the new CONNECT: a round trip on the kiosk's own
            // connection after the probe's CONNACK proves that connection was never taken over.
            kioskA.publish("culturecard/v1/venue-1/kiosk-a/up/status", message("after-probe"));
            assertThat(received.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo("culturecard/v1/venue-1/kiosk-a/up/status after-probe");
            assertThat(kioskA.isConnected()).isTrue();
            assertThat(lost).hasValue(0);
        } finally {
            close(kioskA);
            close(central);
        }
    }

    @Test
    void theDiagnosticsIdentityMayPublishNothing() throws Exception {
        Path bundle = bundles.resolve("kiosk-a");
        Issued diag = new Issued(new java.security.KeyPair(null, Pem.readPrivateKey(bundle.resolve(KioskBundles.DIAG_KEY))),
                Pem.readCertificate(bundle.resolve(KioskBundles.DIAG_CERT)));
        assertNothingArrivesFrom(diag, List.of("culturecard/v1/venue-1/kiosk-a/up/checkins",
                "culturecard/v1/venue-1/kiosk-a.diag/up/status", "culturecard/v1/venue-1/down/config"),
                kioskIdentity("kiosk-a"), "culturecard/v1/venue-1/kiosk-a/up/checkins");
    }

    @Test
    void doctorSaysARevokedCertificateIsRevokedByTheSchemeCasCrl() throws Exception {
        Path stolen = bundles.resolve("kiosk-stolen");
        Doctor doctor = new Doctor(Clock.systemUTC(), new Doctor.Options(() -> true, () -> List.of("Test Reader 00 00"),
                null, 1, Duration.ofDays(30), WAIT));
        assertThat(doctor.examine(stolen)).filteredOn(r -> r.name().equals("broker")).singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(CheckResult.Status.FAIL))
                .satisfies(r -> assertThat(r.line()).contains("revoked by the scheme CA's CRL"));

        Files.copy(root.resolve("ca").resolve(RevocationList.CRL_FILE), stolen.resolve(RevocationList.CRL_FILE));
        assertThat(doctor.examine(stolen)).filteredOn(r -> r.name().equals("certificates")).singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(CheckResult.Status.FAIL))
                .satisfies(r -> assertThat(r.line()).contains("was revoked by the scheme CA's CRL " + stolen.resolve(RevocationList.CRL_FILE)));
    }

    @Test
    void generatedConfigSetsTheLimitsThatStopSilentDrops() throws IOException {
        String conf = Files.readString(brokerDir.resolve(BrokerConfig.CONF));
        assertThat(conf).contains("require_certificate true", "use_identity_as_username true", "allow_anonymous false",
                "max_inflight_messages 100", "max_queued_messages 100000", "persistence true",
                "max_packet_size " + BrokerConfig.MAX_PACKET_SIZE, "max_queued_bytes " + BrokerConfig.MAX_QUEUED_BYTES);
    }

    @Test
    void theAclHasOneExactRulePerKioskAndNoPattern() throws IOException {
        String acl = Files.readString(brokerDir.resolve(BrokerConfig.ACL));
        assertThat(acl).doesNotContainPattern("(?m)^pattern").contains(
                "user kiosk-b\ntopic write culturecard/v1/venue-2/kiosk-b/up/#\ntopic read culturecard/v1/venue-2/kiosk-b/down/#\n"
                        + "topic read culturecard/v1/venue-2/down/config\n");
    }

    @Test
    void doctorPassesAKioskInstalledFromItsBundle() throws Exception {
        Path installed = root.resolve("kiosk-c"); // the bundle, used where it was written
        BundleOptions options = new BundleOptions(URI.create("ssl://127.0.0.1:" + port), schemeKey, installed, installed,
                Duration.ofDays(90), Duration.ofDays(30));
        new KioskBundles(ca, options, Clock.systemUTC()).provision(KioskSpec.of("venue-1", "kiosk-c", null), root);
        Doctor doctor = new Doctor(Clock.systemUTC(), new Doctor.Options(() -> true, () -> List.of("Test Reader 00 00"),
                null, 1, Duration.ofDays(30), WAIT));

        List<CheckResult> before = doctor.examine(installed);
        assertThat(before).extracting(CheckResult::name, CheckResult::status).contains(
                tuple("config", CheckResult.Status.PASS), tuple("certificates", CheckResult.Status.PASS),
                tuple("broker", CheckResult.Status.PASS), tuple("clock", CheckResult.Status.SKIP),
                tuple("disk", CheckResult.Status.PASS), tuple("database", CheckResult.Status.SKIP));

        try (java.sql.Connection db = java.sql.DriverManager.getConnection("jdbc:sqlite:" + installed.resolve("kiosk.db"));
                java.sql.Statement statement = db.createStatement()) {
            statement.execute("CREATE TABLE t (x INTEGER)");
        }
        assertThat(doctor.examine(installed)).filteredOn(r -> r.name().equals("database"))
                .extracting(CheckResult::status).containsExactly(CheckResult.Status.PASS);
    }

    private MqttClient kiosk(String id) throws Exception {
        return connect(kioskIdentity(id), id, port);
    }

    private Issued kioskIdentity(String id) throws IOException {
        Path bundle = bundles.resolve(id);
        return new Issued(new java.security.KeyPair(null, Pem.readPrivateKey(bundle.resolve(KioskBundles.KEY))),
                Pem.readCertificate(bundle.resolve(KioskBundles.CERT)));
    }

    private SSLContext tls(Path cert, Path key) throws Exception {
        return PemTls.context(ca.certificate(), Pem.readCertificate(cert), Pem.readPrivateKey(key));
    }

    private MqttClient central(BlockingQueue<String> received) throws Exception {
        Path dir = brokerDir.resolve(BrokerConfig.CENTRAL);
        MqttClient client = connect(new Issued(new java.security.KeyPair(null, Pem.readPrivateKey(dir.resolve("central.key"))),
                Pem.readCertificate(dir.resolve("central.crt"))), "central-" + System.nanoTime(), centralPort);
        client.subscribe(new org.eclipse.paho.mqttv5.common.MqttSubscription[] {
            new org.eclipse.paho.mqttv5.common.MqttSubscription("culturecard/v1/+/+/up/#", 1)},
                new org.eclipse.paho.mqttv5.client.IMqttMessageListener[] {
                    (topic, m) -> received.add(topic + " " + new String(m.getPayload(), StandardCharsets.UTF_8))});
        return client;
    }

    private MqttClient connect(Issued identity, String clientId) throws Exception {
        return connect(identity, clientId, port);
    }

    private MqttClient connect(Issued identity, String clientId, int listenerPort) throws Exception {
        SSLContext tls = PemTls.context(ca.certificate(), identity.certificate(), identity.keyPair().getPrivate());
        MqttClient client = new MqttClient("ssl://127.0.0.1:" + listenerPort, clientId, new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setSocketFactory(tls.getSocketFactory());
        options.setCleanStart(true);
        options.setConnectionTimeout(5);
        try {
            client.connect(options);
        } catch (MqttException e) {
            client.close(true);
            throw e;
        }
        return client;
    }

    private static MqttMessage message(String text) {
        MqttMessage message = new MqttMessage(text.getBytes(StandardCharsets.UTF_8));
        message.setQos(1);
        return message;
    }

    private static void close(MqttClient client) throws MqttException {
        if (client.isConnected()) {
            client.disconnect();
        }
        client.close(true);
    }

    private static IssuingAuthority newCa(Path dir) throws IOException {
        new CertificateAuthority(Clock.systemUTC(), new SecureRandom()).init(dir, "Test CA " + dir.getFileName(), Duration.ofDays(365));
        return IssuingAuthority.load(dir, Clock.systemUTC(), new SecureRandom());
    }
}
