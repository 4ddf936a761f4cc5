package org.culturecard.sync.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import org.culturecard.core.ids.UuidV7;
import org.culturecard.sync.agent.MqttSyncAgent;
import org.culturecard.sync.agent.SyncStatus;
import org.culturecard.sync.config.SyncConfig;
import org.culturecard.sync.outbox.SqliteOutbox;
import org.culturecard.sync.testing.KioskDb;
import org.culturecard.testsupport.mqtt.MosquittoExtension;
import org.culturecard.testsupport.mqtt.MosquittoServer;
import org.culturecard.testsupport.tls.TestPki;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent against a real Mosquitto TLS listener that requires client certificates and takes the
 * certificate's CN as the user name. Certificates are made here, by a throwaway CA.
 */
class TlsIT {
    private static final Path PKI = Pki.create();

    @RegisterExtension
    static final MosquittoExtension BROKER = MosquittoExtension.with(MosquittoServer.builder().listenerConfig(
            "cafile " + PKI.resolve("ca.pem"),
            "certfile " + PKI.resolve("server.pem"),
            "keyfile " + PKI.resolve("server.key"),
            "require_certificate true",
            "use_identity_as_username true"));

    @TempDir
    Path dir;

    @Test
    void connectsWithACertificateFromTheSchemeCaAndAPkcs8Key() throws Exception {
        SyncStatus status = runAgent(PKI.resolve("kiosk.pem"), PKI.resolve("kiosk-pkcs8.key"), Duration.ofSeconds(20));
        assertThat(status.connected()).as(String.valueOf(status.problem())).isTrue();
    }

    @Test
    void connectsWithATraditionalEcKey() throws Exception {
        SyncStatus status = runAgent(PKI.resolve("kiosk.pem"), PKI.resolve("kiosk-ec.key"), Duration.ofSeconds(20));
        assertThat(status.connected()).as(String.valueOf(status.problem())).isTrue();
    }

    @Test
    void isRefusedWithACertificateFromAnotherCa() throws Exception {
        SyncStatus status = runAgent(PKI.resolve("rogue.pem"), PKI.resolve("rogue.key"), Duration.ofSeconds(4));
        assertThat(status.connected()).isFalse();
        assertThat(status.failedAttempts()).isPositive();
        assertThat(status.problem()).contains("cannot connect");
    }

    @Test
    void refusesABrokerWhoseCertificateNamesAnotherHost() throws Exception {
        // Same CA, valid chain, but the certificate is for broker.elsewhere.example, not 127.0.0.1.
        try (MosquittoServer impostor = MosquittoServer.builder().listenerConfig(
                "cafile " + PKI.resolve("ca.pem"),
                "certfile " + PKI.resolve("elsewhere.pem"),
                "keyfile " + PKI.resolve("elsewhere.key"),
                "require_certificate true").build().start()) {
            SyncStatus status = runAgent(impostor.port(), PKI.resolve("kiosk.pem"), PKI.resolve("kiosk-pkcs8.key"),
                    Duration.ofSeconds(4));
            assertThat(status.connected()).isFalse();
            assertThat(status.problem()).contains("No subject alternative names matching IP address 127.0.0.1");
        }
    }

    /** Runs an agent with this client certificate until it connects or {@code patience} runs out. */
    private SyncStatus runAgent(Path cert, Path key, Duration patience) throws Exception {
        return runAgent(BROKER.server().port(), cert, key, patience);
    }

    private SyncStatus runAgent(int port, Path cert, Path key, Duration patience) throws Exception {
        try (KioskDb kiosk = KioskDb.create(dir); SqliteOutbox outbox = SqliteOutbox.open(kiosk.file())) {
            Properties p = new Properties();
            p.setProperty(SyncConfig.BROKER_URI, "ssl://127.0.0.1:" + port);
            p.setProperty(SyncConfig.KIOSK_ID, KioskDb.KIOSK.value());
            p.setProperty(SyncConfig.VENUE_ID, KioskDb.VENUE.value());
            p.setProperty(SyncConfig.DATABASE_PATH, kiosk.file().toString());
            p.setProperty(SyncConfig.BACKOFF_MIN, "100ms");
            p.setProperty(SyncConfig.BACKOFF_MAX, "500ms");
            p.setProperty(SyncConfig.CA_CERT, PKI.resolve("ca.pem").toString());
            p.setProperty(SyncConfig.CLIENT_CERT, cert.toString());
            p.setProperty(SyncConfig.CLIENT_KEY, key.toString());
            SyncConfig config = SyncConfig.fromProperties(p, java.util.Map.of());
            try (MqttSyncAgent agent = new MqttSyncAgent(config, outbox, Clock.systemUTC(), UuidV7.system())) {
                agent.start();
                try {
                    await().atMost(patience).until(() -> agent.status().connected());
                } catch (org.awaitility.core.ConditionTimeoutException e) {
                    // the caller asserts on the status
                }
                return agent.status();
            }
        }
    }

    /** The certificates of this class: the scheme CA, the broker's, a kiosk's and a rogue CA's kiosk. */
    private static final class Pki {
        static Path create() {
            try {
                Path dir = Files.createTempDirectory("tls-it-");
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
                dir.toFile().deleteOnExit();
                TestPki ca = TestPki.ca("Culture Card Test CA");
                ca.writeCertificate(dir.resolve("ca.pem"));
                TestPki.Issued server = ca.server("127.0.0.1");
                server.writeCertificate(dir.resolve("server.pem"));
                server.writePkcs8Key(dir.resolve("server.key"));
                TestPki.Issued kiosk = ca.client(KioskDb.KIOSK.value());
                kiosk.writeCertificate(dir.resolve("kiosk.pem"));
                kiosk.writePkcs8Key(dir.resolve("kiosk-pkcs8.key"));
                kiosk.writeTraditionalKey(dir.resolve("kiosk-ec.key"));
                TestPki.Issued elsewhere = ca.serverFor("broker.elsewhere.example");
                elsewhere.writeCertificate(dir.resolve("elsewhere.pem"));
                elsewhere.writePkcs8Key(dir.resolve("elsewhere.key"));
                TestPki.Issued rogue = TestPki.ca("Rogue CA").client(KioskDb.KIOSK.value());
                rogue.writeCertificate(dir.resolve("rogue.pem"));
                rogue.writePkcs8Key(dir.resolve("rogue.key"));
                return dir;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (Exception e) {
                throw new IllegalStateException("cannot make test certificates", e);
            }
        }
    }
}
