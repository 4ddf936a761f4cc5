package org.culturecard.central.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.culturecard.central.Central;
import org.culturecard.central.TestBatches;
import org.culturecard.central.config.CentralConfig;
import org.culturecard.testsupport.mqtt.MosquittoExtension;
import org.culturecard.testsupport.postgres.PostgresExtension;
import org.culturecard.testsupport.tls.TestPki;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The API over HTTPS with a certificate made here: a real TLS client, HSTS on every answer, no plain HTTP beside it. */
class ApiTlsIT {

    @RegisterExtension
    static final MosquittoExtension BROKER = new MosquittoExtension();
    @RegisterExtension
    static final PostgresExtension DB = new PostgresExtension();

    private static final String READ = "read-token-0123456789";
    private static TestPki ca;
    private static Central central;
    private static HttpClient https;

    @BeforeAll
    static void startCentralOverHttps() throws Exception {
        Path dir = Files.createTempDirectory("central-tls");
        ca = TestPki.ca("central-api-ca");
        TestPki.Issued server = ca.server("central");
        CentralConfig.HttpTls tls = new CentralConfig.HttpTls(server.writeCertificate(dir.resolve("central.crt")),
                server.writePkcs8Key(dir.resolve("central.key")), false);
        CentralConfig config = new CentralConfig(DB.server().createDatabase("central_tls"), DB.server().user(), "",
                BROKER.server().uri(), "tls-it", 1, "127.0.0.1", 0, new CentralConfig.ApiTokens(Set.of(READ), Set.of()))
                .with(b -> b.http("127.0.0.1", tls));
        central = Central.start(config, TestBatches.CLOCK);
        https = HttpClient.newBuilder().sslContext(trusting(ca)).build();
    }

    @AfterAll
    static void stopCentral() {
        if (central != null) {
            central.close();
        }
    }

    private static SSLContext trusting(TestPki authority) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", authority.certificate());
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }

    private static HttpResponse<String> get(HttpClient client, String url, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesTheApiOverHttpsWithHsts() throws Exception {
        assertThat(central.httpUrl()).startsWith("https://127.0.0.1:");
        HttpResponse<String> kiosks = get(https, central.httpUrl() + "/api/kiosks", READ);
        assertThat(kiosks.statusCode()).isEqualTo(200);
        assertThat(kiosks.headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000");
        HttpResponse<String> refused = get(https, central.httpUrl() + "/api/kiosks", null);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000");
    }

    @Test
    void aClientThatDoesNotTrustTheCertificateIsRefused() throws Exception {
        HttpClient stranger = HttpClient.newBuilder().sslContext(trusting(TestPki.ca("another-ca"))).build();
        assertThatThrownBy(() -> get(stranger, central.httpUrl() + "/health", null)).isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void noPlainHttpIsServedOnTheApiPort() throws Exception {
        String plain = central.httpUrl().replace("https://", "http://") + "/api/kiosks";
        try {
            HttpResponse<String> response = get(HttpClient.newHttpClient(), plain, READ);
            assertThat(response.statusCode()).as("plain HTTP to the TLS port").isEqualTo(400);
            assertThat(response.body()).doesNotContain("kioskId");
        } catch (IOException refused) {
            assertThat(refused).as("the connection is closed instead").isNotNull();
        }
    }
}
