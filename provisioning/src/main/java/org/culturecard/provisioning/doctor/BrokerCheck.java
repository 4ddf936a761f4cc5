package org.culturecard.provisioning.doctor;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import org.culturecard.provisioning.ca.Pem;
import org.culturecard.provisioning.kiosk.KioskBundles;

/**
 * The doctor's broker check: a TLS handshake and an MQTT CONNECT as the kiosk's diagnostics identity,
 * and, when it fails, which of network, TLS alert, revocation or ACL is to blame.
 */
final class BrokerCheck {
    private final Clock clock;
    private final Duration timeout;

    BrokerCheck(Clock clock, Duration timeout) {
        this.clock = clock;
        this.timeout = timeout;
    }

    /**
     * Logs in to the broker as the kiosk's diagnostics identity ({@code <kiosk>.diag}, ADR 18): a
     * TLS handshake with {@code diag.crt} (beside the kiosk's certificate), then an MQTT CONNECT
     * under its own client id. The ACL lets that identity publish and subscribe nothing, and the
     * kiosk's own session is never touched, so a running sync agent is not disturbed.
     */
    CheckResult check(Properties sync) {
        URI uri = URI.create(sync.getProperty("broker.uri"));
        int port = uri.getPort() > 0 ? uri.getPort() : 8883;
        String where = uri.getHost() + ":" + port;
        Path clientCert = Path.of(sync.getProperty("tls.client-cert"));
        Path diagCert = clientCert.resolveSibling(KioskBundles.DIAG_CERT);
        Path diagKey = clientCert.resolveSibling(KioskBundles.DIAG_KEY);
        if (!Files.isReadable(diagCert) || !Files.isReadable(diagKey)) {
            return CheckResult.fail("broker", "no diagnostics certificate " + diagCert + " (the doctor never logs in as the kiosk:"
                    + " that would take over the sync agent's session)", "run 'provision kiosk create' or 'kiosk bulk' again"
                    + " (it adds diag.crt and diag.key to the bundle) and install the bundle");
        }
        String identity = KioskBundles.diagnosticsName(sync.getProperty("kiosk.id"));
        try {
            MqttProbe probe = new MqttProbe(Pem.readCertificate(Path.of(sync.getProperty("tls.ca-cert"))),
                    Pem.readCertificate(diagCert), Pem.readPrivateKey(diagKey), timeout);
            long start = System.nanoTime();
            int reason = probe.connect(uri.getHost(), port, identity);
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (reason != MqttProbe.SUCCESS) {
                return CheckResult.fail("broker", where + " refused the MQTT connection: " + MqttProbe.describe(reason),
                        "check the broker's ACL and that it trusts the scheme CA (provision broker config)");
            }
            return CheckResult.pass("broker", where + " accepted " + identity + " (CONNACK success, " + millis
                    + " ms; the kiosk's own session untouched)");
        } catch (java.net.ConnectException | java.net.UnknownHostException | java.net.SocketTimeoutException e) {
            return CheckResult.fail("broker", where + " unreachable: " + e.getMessage(),
                    "check the network, DNS and firewall (TCP " + port + " outbound), and that mosquitto runs");
        } catch (javax.net.ssl.SSLException e) {
            return tlsRefusal(where, uri.getHost(), e);
        } catch (java.net.SocketException | java.io.EOFException e) {
            return closedOnUs(where, identity, sync, diagCert, e);
        } catch (IOException | java.security.GeneralSecurityException | RuntimeException e) {
            return CheckResult.fail("broker", where + " " + e.getClass().getSimpleName() + ": " + e.getMessage(),
                    "read the broker's log (journalctl -u mosquitto) for this kiosk's connection");
        }
    }

    /**
     * The broker closed the connection during or just after the handshake, before its TLS alert
     * could be read (the alert races the client's next write). A certificate that is signed by the
     * bundle's CA and current is then refused for one reason the kiosk cannot see: the broker's CRL.
     */
    private CheckResult closedOnUs(String where, String identity, Properties sync, Path diagCert, IOException e) {
        String fix = "the certificate must come from the CA the broker trusts, be current and not revoked; the broker's log says which";
        try {
            X509Certificate ca = Pem.readCertificate(Path.of(sync.getProperty("tls.ca-cert")));
            X509Certificate diag = Pem.readCertificate(diagCert);
            diag.verify(ca.getPublicKey());
            diag.checkValidity(java.util.Date.from(clock.instant()));
            return CheckResult.fail("broker", where + " closed the connection in the TLS handshake (" + e.getMessage() + ") although "
                    + identity + "'s certificate is current and signed by the scheme CA: it is revoked by the scheme CA's CRL"
                    + " the broker holds ('provision ca revoke'), unless the broker trusts another CA", CertificateCheck.WITHDRAWN
                    + " (if nothing was revoked: check the broker's cafile, 'provision broker config --ca')");
        } catch (IOException | java.security.GeneralSecurityException | RuntimeException unreadable) {
            return CheckResult.fail("broker", where + " closed the connection in the TLS handshake (" + e.getMessage()
                    + "): it refused " + identity + "'s certificate", fix);
        }
    }

    /** Says why a handshake failed: the TLS alert the broker sent names a revoked, expired or unknown certificate. */
    private static CheckResult tlsRefusal(String where, String host, javax.net.ssl.SSLException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("certificate_revoked")) {
            return CheckResult.fail("broker", where + " refused the certificate as revoked (TLS alert certificate_revoked):"
                    + " revoked by the scheme CA's CRL the broker holds ('provision ca revoke')",
                    CertificateCheck.WITHDRAWN);
        }
        if (message.contains("certificate_expired")) {
            return CheckResult.fail("broker", where + " refused the certificate as expired (TLS alert certificate_expired)",
                    "re-issue with 'provision kiosk create' (see docs/operations.md, rotating certificates)");
        }
        if (message.contains("unknown_ca") || message.contains("bad_certificate")) {
            return CheckResult.fail("broker", where + " refused the certificate (TLS alert: " + message + "): it does not"
                    + " trust the CA that signed it", "the bundle must come from the CA the broker trusts (provision broker config --ca)");
        }
        return CheckResult.fail("broker", where + " TLS failed: " + message,
                "the broker must use a certificate from the scheme CA naming " + host + ", and trust the kiosk's CA");
    }

}
