package org.culturecard.provisioning.kiosk.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import org.culturecard.core.ids.KioskId;
import org.culturecard.core.ids.VenueId;
import org.culturecard.provisioning.ca.Pem;
import org.culturecard.provisioning.internal.central.CentralApi;
import org.culturecard.provisioning.kiosk.KioskBundles;
import org.culturecard.provisioning.kiosk.KioskRegistry;

/**
 * Gives central the kiosk registry provisioning owns (ADR 6): {@code PUT /api/kiosks/{kioskId}}
 * with {@code {"venueId":"...","certFingerprint":"<sha256 hex of the kiosk certificate>"}}, for a
 * new kiosk and for a moved one alike. Central's registry then changes only through this route,
 * never from what a kiosk sends.
 */
public final class CentralKioskClient {
    private final CentralApi api;

    public CentralKioskClient(URI central, String bearer) {
        this.api = new CentralApi(central, bearer);
    }

    /** Registers (or moves) {@code kiosk} at {@code venue} with the certificate of its bundle. */
    public void register(KioskId kiosk, VenueId venue, X509Certificate certificate) {
        api.call("PUT", "/api/kiosks/" + kiosk.value(), api.object().put("venueId", venue.value())
                .put("certFingerprint", fingerprint(certificate)));
    }

    /** Registers the kiosk of the bundle in {@code dir} at the venue its registry entry names. */
    public void register(KioskRegistry registry, KioskId kiosk) throws IOException {
        Path cert = registry.directory().resolve(kiosk.value()).resolve(KioskBundles.CERT);
        register(kiosk, registry.venueOf(kiosk), Pem.readCertificate(cert));
    }

    /** The SHA-256 of the certificate's DER encoding, in lower-case hex (as {@code openssl x509 -fingerprint -sha256}, without colons). */
    public static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot fingerprint " + certificate.getSubjectX500Principal(), e);
        }
    }
}
