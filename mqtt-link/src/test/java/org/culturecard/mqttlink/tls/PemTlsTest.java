package org.culturecard.mqttlink.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.culturecard.testsupport.tls.TestPki;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real TLS handshakes over loopback between a JDK server that requires a client certificate and
 * the clients {@link PemTls} builds from PEM files, as the scheme CA issues them.
 */
class PemTlsTest {
    @TempDir
    static Path dir;

    private static TestPki ca;
    private static TestPki.Issued server;
    private static Path caPem;
    private static Path kioskPem;

    @BeforeAll
    static void makeCertificates() throws Exception {
        ca = TestPki.ca("Culture Card Test CA");
        caPem = ca.writeCertificate(dir.resolve("ca.pem"));
        server = ca.server("localhost");
        TestPki.Issued kiosk = ca.client("kiosk-1");
        kioskPem = kiosk.writeCertificate(dir.resolve("kiosk.pem"));
        kiosk.writePkcs8Key(dir.resolve("kiosk-pkcs8.key"));
        kiosk.writeTraditionalKey(dir.resolve("kiosk-ec.key"));
    }

    @Test
    void presentsTheClientCertificateFromAPkcs8Key() throws Exception {
        SSLSocketFactory client = PemTls.socketFactory(caPem, kioskPem, dir.resolve("kiosk-pkcs8.key"));

        assertThat(handshake(client)).isEqualTo("CN=kiosk-1");
    }

    @Test
    void presentsTheClientCertificateFromATraditionalEcKey() throws Exception {
        SSLSocketFactory client = PemTls.socketFactory(caPem, kioskPem, dir.resolve("kiosk-ec.key"));

        assertThat(handshake(client)).isEqualTo("CN=kiosk-1");
    }

    @Test
    void trustsOnlyTheSchemeCaNotTheJdkRoots() throws Exception {
        Path otherCa = TestPki.ca("Another CA").writeCertificate(dir.resolve("other-ca.pem"));
        SSLSocketFactory client = PemTls.socketFactory(otherCa, kioskPem, dir.resolve("kiosk-pkcs8.key"));

        assertThatThrownBy(() -> handshake(client)).isInstanceOf(SSLException.class);
    }

    @Test
    void aKeyFileWithoutAKeyIsAConfigErrorNamingTheFile() {
        assertThatThrownBy(() -> PemTls.socketFactory(caPem, kioskPem, kioskPem))
                .isInstanceOf(TlsSetupException.class)
                .hasMessageContaining("no unencrypted private key")
                .hasMessageContaining(kioskPem.toString());
    }

    @Test
    void aMissingCaFileIsAConfigErrorNamingTheFile() {
        Path missing = dir.resolve("nowhere.pem");

        assertThatThrownBy(() -> PemTls.socketFactory(missing, null, null))
                .isInstanceOf(TlsSetupException.class)
                .hasMessageContaining(missing.toString());
    }

    @Test
    void aCertificateWithoutItsKeyIsRefused() {
        assertThatThrownBy(() -> PemTls.socketFactory(caPem, kioskPem, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("go together");
    }

    @Test
    void aFileWithNoCertificateIsRefused() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.pem"), "");

        assertThatThrownBy(() -> PemTls.socketFactory(empty, null, null)).isInstanceOf(TlsSetupException.class);
    }

    /** Accepts one connection on a server requiring a client certificate; returns the client's subject as the server saw it. */
    private static String handshake(SSLSocketFactory client) throws Exception {
        SSLContext serverContext = PemTls.context(ca.certificate(), server.certificate(), server.keys().getPrivate());
        try (SSLServerSocket listener = (SSLServerSocket) serverContext.getServerSocketFactory().createServerSocket(0)) {
            listener.setNeedClientAuth(true);
            CompletableFuture<String> peer = CompletableFuture.supplyAsync(() -> {
                try (SSLSocket accepted = (SSLSocket) listener.accept()) {
                    accepted.startHandshake();
                    return accepted.getSession().getPeerPrincipal().getName();
                } catch (IOException e) {
                    return "refused: " + e.getMessage();
                }
            });
            try (SSLSocket socket = (SSLSocket) client.createSocket("localhost", listener.getLocalPort())) {
                socket.startHandshake();
                socket.getOutputStream().write(1); // TLS 1.3: the server's verdict on the client arrives after the handshake
                socket.getOutputStream().flush();
            }
            return peer.get(10, TimeUnit.SECONDS);
        }
    }
}
