package org.culturecard.provisioning.ca;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The scheme's certificate authority: an EC P-256 key and a self-signed CA certificate, kept in a
 * directory only its owner can read. The key is PKCS#8 PEM, which OpenSSL, Mosquitto and Java all read. Every kiosk's client certificate is signed by it, and the
 * broker trusts only it.
 */
public final class CertificateAuthority {
    public static final String KEY_FILE = "ca.key";
    public static final String CERT_FILE = "ca.crt";

    private final Clock clock;
    private final SecureRandom random;

    public CertificateAuthority(Clock clock, SecureRandom random) {
        this.clock = clock;
        this.random = random;
    }

    /** The CN of a certificate subject, or null. */
    public static String commonName(X500Principal principal) {
        X500Name name = new X500Name(principal.getName());
        return name.getRDNs(BCStyle.CN).length == 0 ? null
                : IETFUtils.valueToString(name.getRDNs(BCStyle.CN)[0].getFirst().getValue());
    }

    /**
     * Creates the CA in {@code dir} (made 0700; key 0600, certificate 0644). Refuses to overwrite
     * an existing CA: every kiosk certificate depends on it.
     */
    public X509Certificate init(Path dir, String commonName, Duration validity) throws IOException {
        Path key = dir.resolve(KEY_FILE);
        Path cert = dir.resolve(CERT_FILE);
        if (Files.exists(key) || Files.exists(cert)) {
            throw new FileAlreadyExistsException(key.toString(), null,
                    "a certificate authority already exists there; move it away first if you mean to replace it");
        }
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        try {
            KeyPair pair = newKeyPair();
            X509Certificate certificate = selfSigned(pair, commonName, validity);
            Pem.writePrivateKey(key, pair.getPrivate());
            Pem.writeCertificate(cert, certificate, "rw-r--r--");
            return certificate;
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot create the CA key and certificate: " + e.getMessage(), e);
        }
    }

    private KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), random);
        return generator.generateKeyPair();
    }

    private X509Certificate selfSigned(KeyPair pair, String commonName, Duration validity)
            throws GeneralSecurityException, OperatorCreationException, IOException {
        X500Name subject = new X500Name("CN=" + commonName + ",O=Culture Card");
        Instant now = clock.instant();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, new BigInteger(127, random),
                Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(validity)), subject, pair.getPublic());
        JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        builder.addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(pair.getPublic()));
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
    }
}
