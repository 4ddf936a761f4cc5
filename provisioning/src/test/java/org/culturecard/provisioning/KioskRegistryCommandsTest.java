package org.culturecard.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.culturecard.provisioning.broker.BrokerConfig;
import org.culturecard.provisioning.ca.Pem;
import org.culturecard.provisioning.kiosk.KioskBundles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kiosk registry on the command line: {@code kiosk create|bulk|register|move} give central
 * each kiosk's venue and certificate fingerprint ({@code PUT /api/kiosks/{kiosk}}), against a
 * small local stub of central's route; {@code move} rewrites the bundle and the broker's ACL; and
 * {@code broker config} refuses to write anything without a registry.
 */
class KioskRegistryCommandsTest {
    private static final String TOKEN = "admin-token-1";

    /** One request the stub received. */
    record Call(String method, String path, String authorization, JsonNode body) {}

    @TempDir
    Path temp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private PrintStream originalOut;
    private PrintStream originalErr;
    private HttpServer central;
    private volatile int status = 200;
    private Path ca;
    private Path tokenFile;

    @BeforeEach
    void start() throws IOException {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        central = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        central.createContext("/api/kiosks/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            calls.add(new Call(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"), new ObjectMapper().readTree(body)));
            byte[] answer = (status == 200 ? "{}" : "{\"error\":\"venueId museum-x is not a venue\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        central.start();
        ca = temp.resolve("ca");
        assertThat(ProvisionMain.run("ca", "init", "--dir", ca.toString())).isZero();
        tokenFile = temp.resolve("admin.token");
        Files.writeString(tokenFile, TOKEN + "\n");
    }

    @AfterEach
    void stop() {
        central.stop(0);
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    private String url() {
        return "http://127.0.0.1:" + central.getAddress().getPort();
    }

    private static String fingerprintByHand(Path cert) throws Exception {
        byte[] der = Pem.readCertificate(cert).getEncoded();
        StringBuilder hex = new StringBuilder();
        for (byte b : java.security.MessageDigest.getInstance("SHA-256").digest(der)) {
            hex.append(String.format(Locale.ROOT, "%02x", b));
        }
        return hex.toString();
    }

    @Test
    void createWithCentralRegistersTheKioskWithItsVenueAndCertificateFingerprint() throws Exception {
        Path bundles = temp.resolve("bundles");
        assertThat(ProvisionMain.run("kiosk", "create", "--venue", "library", "--id", "library-1", "--ca", ca.toString(),
                "--out", bundles.toString(), "--central", url(), "--token-file", tokenFile.toString())).isZero();

        assertThat(calls).singleElement().satisfies(call -> {
            assertThat(call.method()).isEqualTo("PUT");
            assertThat(call.path()).isEqualTo("/api/kiosks/library-1");
            assertThat(call.authorization()).isEqualTo("Bearer " + TOKEN);
            assertThat(call.body().get("venueId").asText()).isEqualTo("library");
            assertThat(call.body().get("certFingerprint").asText())
                    .isEqualTo(fingerprintByHand(bundles.resolve("library-1").resolve(KioskBundles.CERT)));
            assertThat(call.body().size()).isEqualTo(2);
        });
    }

    @Test
    void bulkAndRegisterAllGiveCentralEveryKiosk() throws Exception {
        Path csv = temp.resolve("kiosks.csv");
        Files.writeString(csv, "library,library-1\nlibrary,library-2\nmuseum,museum-1\n");
        Path bundles = temp.resolve("bundles");
        assertThat(ProvisionMain.run("kiosk", "bulk", "--csv", csv.toString(), "--out", bundles.toString(), "--ca", ca.toString(),
                "--no-progress", "--central", url(), "--token-file", tokenFile.toString())).isZero();
        assertThat(calls).extracting(Call::path, c -> c.body().get("venueId").asText()).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("/api/kiosks/library-1", "library"),
                org.assertj.core.groups.Tuple.tuple("/api/kiosks/library-2", "library"),
                org.assertj.core.groups.Tuple.tuple("/api/kiosks/museum-1", "museum"));

        calls.clear();
        assertThat(ProvisionMain.run("kiosk", "register", "--bundles", bundles.toString(), "--all", "--central", url(),
                "--token-file", tokenFile.toString())).isZero();
        assertThat(calls).hasSize(3);
    }

    @Test
    void moveTellsCentralRewritesTheBundleAndTheAclSoTheOldVenueIsRefused() throws Exception {
        Path bundles = temp.resolve("bundles");
        Path broker = temp.resolve("broker");
        assertThat(ProvisionMain.run("kiosk", "create", "--venue", "library", "--id", "kiosk-b", "--ca", ca.toString(),
                "--out", bundles.toString())).isZero();
        assertThat(ProvisionMain.run("broker", "config", "--ca", ca.toString(), "--out", broker.toString(),
                "--bundles", bundles.toString())).isZero();
        assertThat(Files.readString(broker.resolve(BrokerConfig.ACL))).contains("topic write culturecard/v1/library/kiosk-b/up/#");

        assertThat(ProvisionMain.run("kiosk", "move", "--bundles", bundles.toString(), "--kiosk", "kiosk-b", "--venue", "museum",
                "--broker-dir", broker.toString(), "--central", url(), "--token-file", tokenFile.toString())).isZero();

        assertThat(calls).singleElement().satisfies(call -> assertThat(call.body().get("venueId").asText()).isEqualTo("museum"));
        String acl = Files.readString(broker.resolve(BrokerConfig.ACL));
        assertThat(acl).contains("topic write culturecard/v1/museum/kiosk-b/up/#", "topic read culturecard/v1/museum/down/config")
                .doesNotContain("culturecard/v1/library/");
        assertThat(Files.readString(bundles.resolve("kiosk-b").resolve(KioskBundles.KIOSK_PROPERTIES))).contains("venue.id=museum\n");
        assertThat(Files.readString(bundles.resolve("kiosk-b").resolve(KioskBundles.SYNC_PROPERTIES))).contains("venue.id=museum\n");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("reload Mosquitto");
    }

    @Test
    void aMoveCentralRefusesChangesNothing() throws Exception {
        Path bundles = temp.resolve("bundles");
        Path broker = temp.resolve("broker");
        ProvisionMain.run("kiosk", "create", "--venue", "library", "--id", "kiosk-b", "--ca", ca.toString(), "--out", bundles.toString());
        ProvisionMain.run("broker", "config", "--ca", ca.toString(), "--out", broker.toString(), "--bundles", bundles.toString());
        String aclBefore = Files.readString(broker.resolve(BrokerConfig.ACL));
        status = 400;

        assertThat(ProvisionMain.run("kiosk", "move", "--bundles", bundles.toString(), "--kiosk", "kiosk-b", "--venue", "museum-x",
                "--broker-dir", broker.toString(), "--central", url(), "--token-file", tokenFile.toString())).isEqualTo(ProvisionMain.FAILED);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("central refused (HTTP 400): venueId museum-x is not a venue");
        assertThat(Files.readString(broker.resolve(BrokerConfig.ACL))).isEqualTo(aclBefore);
        assertThat(Files.readString(bundles.resolve("kiosk-b").resolve(KioskBundles.KIOSK_PROPERTIES))).contains("venue.id=library\n");
    }

    @Test
    void brokerConfigRefusesWithoutARegistryAndWritesNothing() throws Exception {
        Path broker = temp.resolve("broker");
        assertThat(ProvisionMain.run("broker", "config", "--ca", ca.toString(), "--out", broker.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--bundles");

        Path empty = Files.createDirectories(temp.resolve("no-bundles"));
        assertThat(ProvisionMain.run("broker", "config", "--ca", ca.toString(), "--out", broker.toString(),
                "--bundles", empty.toString())).isEqualTo(ProvisionMain.FAILED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Nothing written: no kiosk registry: " + empty + " holds no kiosk bundle");
        assertThat(broker).doesNotExist();
    }

    @Test
    void aVenueIdThatWouldWidenTheAclIsRefusedNamingTheFileAndKey() throws Exception {
        Path bundles = temp.resolve("bundles");
        ProvisionMain.run("kiosk", "create", "--venue", "library", "--id", "kiosk-b", "--ca", ca.toString(), "--out", bundles.toString());
        Path properties = bundles.resolve("kiosk-b").resolve(KioskBundles.KIOSK_PROPERTIES);
        Files.writeString(properties, Files.readString(properties).replace("venue.id=library", "venue.id=+"));

        assertThat(ProvisionMain.run("broker", "config", "--ca", ca.toString(), "--out", temp.resolve("broker").toString(),
                "--bundles", bundles.toString())).isEqualTo(ProvisionMain.FAILED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(properties + ": venue.id is not a valid id: '+'");
    }
}
