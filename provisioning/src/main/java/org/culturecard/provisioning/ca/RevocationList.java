package org.culturecard.provisioning.ca;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The CA's certificate revocation list: {@code revoked.txt} (one line per revoked certificate:
 * serial in hex, when, CN) and {@code crl.pem} made from it, both in the CA directory. The broker
 * is given {@code crl.pem} ({@code crlfile}) and then refuses a stolen kiosk's certificate.
 *
 * <p>The CRL's next-update time is the CA's own expiry: OpenSSL, and so Mosquitto, refuses every
 * client once a CRL is past its next update, and a kiosk fleet must not stop because nobody
 * re-signed a list.
 */
public final class RevocationList {
    public static final String CRL_FILE = "crl.pem";
    public static final String REVOKED_FILE = "revoked.txt";

    private final Path caDir;
    private final Clock clock;

    public RevocationList(Path caDir, Clock clock) {
        this.caDir = caDir;
        this.clock = clock;
    }

    /** Revokes {@code cert} (it must come from this CA) and rewrites the CRL. False if already revoked. */
    public boolean revoke(X509Certificate cert, X509Certificate caCert, PrivateKey caKey) throws IOException {
        try {
            cert.verify(caCert.getPublicKey());
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException("that certificate was not issued by the CA in " + caDir);
        }
        List<String> lines = lines();
        String serial = cert.getSerialNumber().toString(16);
        if (lines.stream().anyMatch(line -> line.startsWith(serial + " "))) {
            return false;
        }
        lines.add(serial + " " + clock.instant() + " " + CertificateAuthority.commonName(cert.getSubjectX500Principal()));
        Pem.writeText(caDir.resolve(REVOKED_FILE), String.join("\n", lines) + "\n", Pem.OWNER_ONLY);
        write(caCert, caKey, lines);
        return true;
    }

    /** The CN of every revoked certificate, in order. */
    public List<String> revokedNames() throws IOException {
        return lines().stream().map(line -> line.split(" ", 3)).map(f -> f.length > 2 ? f[2] : "?").toList();
    }

    private void write(X509Certificate caCert, PrivateKey caKey, List<String> lines) throws IOException {
        Instant now = clock.instant();
        X509v2CRLBuilder builder = new X509v2CRLBuilder(X500Name.getInstance(caCert.getSubjectX500Principal().getEncoded()),
                Date.from(now));
        builder.setNextUpdate(caCert.getNotAfter());
        for (String line : lines) {
            String[] fields = line.split(" ", 3);
            builder.addCRLEntry(new BigInteger(fields[0], 16), Date.from(Instant.parse(fields[1])), CRLReason.keyCompromise);
        }
        try {
            X509CRL crl = new JcaX509CRLConverter().getCRL(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(caKey)));
            Path file = caDir.resolve(CRL_FILE);
            Files.deleteIfExists(file);
            try (java.io.Writer out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII);
                    org.bouncycastle.openssl.jcajce.JcaPEMWriter pem = new org.bouncycastle.openssl.jcajce.JcaPEMWriter(out)) {
                pem.writeObject(crl);
            }
        } catch (OperatorCreationException | java.security.cert.CRLException e) {
            throw new IOException("cannot sign the revocation list: " + e.getMessage(), e);
        }
    }

    private List<String> lines() throws IOException {
        Path file = caDir.resolve(REVOKED_FILE);
        List<String> lines = new ArrayList<>();
        if (Files.isRegularFile(file)) {
            Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(line -> !line.isBlank()).forEach(lines::add);
        }
        return lines;
    }
}
