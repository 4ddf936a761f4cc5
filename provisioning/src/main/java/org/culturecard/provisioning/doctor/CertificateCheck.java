package org.culturecard.provisioning.doctor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import org.culturecard.provisioning.ca.CertificateAuthority;
import org.culturecard.provisioning.ca.Pem;
import org.culturecard.provisioning.ca.RevocationList;
import org.culturecard.provisioning.kiosk.KioskBundles;

/**
 * The doctor's certificate check: the kiosk's certificate signed by the scheme CA, current, not
 * expiring within the warning, not on the CA's revocation list, its CN the kiosk id and its key its own.
 */
final class CertificateCheck {
    static final String WITHDRAWN = "this kiosk's certificates are withdrawn: provision it again under a new id,"
            + " or delete its bundle and provision it again (a new serial number), and install the new bundle";

    private final Clock clock;
    private final Duration expiryWarning;

    CertificateCheck(Clock clock, Duration expiryWarning) {
        this.clock = clock;
        this.expiryWarning = expiryWarning;
    }

    CheckResult check(Properties sync) {
        try {
            X509Certificate ca = Pem.readCertificate(Path.of(sync.getProperty("tls.ca-cert")));
            X509Certificate cert = Pem.readCertificate(Path.of(sync.getProperty("tls.client-cert")));
            PrivateKey key = Pem.readPrivateKey(Path.of(sync.getProperty("tls.client-key")));
            String fix = "re-issue with 'provision kiosk create' (see docs/operations.md, rotating certificates)";
            try {
                cert.verify(ca.getPublicKey());
            } catch (java.security.GeneralSecurityException e) {
                return CheckResult.fail("certificates", "kiosk certificate was not signed by " + sync.getProperty("tls.ca-cert"), fix);
            }
            CheckResult revoked = revocation(Path.of(sync.getProperty("tls.ca-cert")), ca, cert);
            if (revoked != null) {
                return revoked;
            }
            Instant notAfter = cert.getNotAfter().toInstant();
            Instant now = clock.instant();
            if (notAfter.isBefore(now) || cert.getNotBefore().toInstant().isAfter(now)) {
                return CheckResult.fail("certificates", "kiosk certificate is not valid now (" + cert.getNotBefore().toInstant() + " to " + notAfter + ")", fix);
            }
            if (notAfter.isBefore(now.plus(expiryWarning))) {
                return CheckResult.fail("certificates", "kiosk certificate expires " + notAfter, fix);
            }
            if (ca.getNotAfter().toInstant().isBefore(now.plus(expiryWarning))) {
                return CheckResult.fail("certificates", "CA certificate expires " + ca.getNotAfter().toInstant(), "plan a CA rotation (docs/operations.md)");
            }
            if (!sync.getProperty("kiosk.id").equals(CertificateAuthority.commonName(cert.getSubjectX500Principal()))) {
                return CheckResult.fail("certificates", "certificate CN is not the kiosk id " + sync.getProperty("kiosk.id"), fix);
            }
            if (!KioskBundles.matches(key, cert)) {
                return CheckResult.fail("certificates", "tls.client-key does not belong to tls.client-cert", fix);
            }
            return CheckResult.pass("certificates", "kiosk certificate valid until " + notAfter + ", signed by the scheme CA");
        } catch (IOException | RuntimeException e) {
            return CheckResult.fail("certificates", "cannot read: " + e.getMessage(), "re-install the bundle's kiosk.crt, kiosk.key and ca.crt");
        }
    }

    /**
     * When the scheme CA's {@code crl.pem} lies beside the kiosk's {@code ca.crt} (copied from the
     * CA directory), a FAIL if it lists the kiosk's certificate, else null. A list not signed by
     * the CA is a FAIL too: it proves nothing.
     */
    private static CheckResult revocation(Path caCert, X509Certificate ca, X509Certificate cert) throws IOException {
        Path file = caCert.resolveSibling(RevocationList.CRL_FILE);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        X509CRL crl;
        try (java.io.InputStream in = Files.newInputStream(file)) {
            crl = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(in);
            crl.verify(ca.getPublicKey());
        } catch (java.security.GeneralSecurityException e) {
            return CheckResult.fail("certificates", file + " is not a revocation list signed by the scheme CA (" + e.getMessage() + ")",
                    "copy crl.pem from the CA directory again, or remove it");
        }
        X509CRLEntry entry = crl.getRevokedCertificate(cert);
        if (entry == null) {
            return null;
        }
        return CheckResult.fail("certificates", "kiosk certificate (serial " + cert.getSerialNumber().toString(16)
                + ") was revoked by the scheme CA's CRL " + file + " on " + entry.getRevocationDate().toInstant(),
                WITHDRAWN);
    }

}
