package org.culturecard.provisioning.ca;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The scheme's CA loaded from its directory, issuing certificates: client certificates for kiosks
 * (CN = kiosk id, which the broker uses as the user name) and for central, and the broker's server
 * certificate. Thread-safe: bulk provisioning signs in parallel.
 */
public final class IssuingAuthority {
    private static final String EC_CURVE = "secp256r1";

    private final X509Certificate certificate;
    private final PrivateKey key;
    private final Clock clock;
    private final SecureRandom random;

    public IssuingAuthority(X509Certificate certificate, PrivateKey key, Clock clock, SecureRandom random) {
        this.certificate = certificate;
        this.key = key;
        this.clock = clock;
        this.random = random;
    }

    /** Loads {@code ca.crt} and {@code ca.key} from {@code dir}, as written by {@code ca init}. */
    public static IssuingAuthority load(Path dir, Clock clock, SecureRandom random) throws IOException {
        Path cert = dir.resolve(CertificateAuthority.CERT_FILE);
        Path keyFile = dir.resolve(CertificateAuthority.KEY_FILE);
        if (!Files.isReadable(cert) || !Files.isReadable(keyFile)) {
            throw new IOException("no certificate authority in " + dir + " (run: provision ca init --dir " + dir + ")");
        }
        return new IssuingAuthority(Pem.readCertificate(cert), Pem.readPrivateKey(keyFile), clock, random);
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** A client certificate (clientAuth) for {@code commonName}, valid from now for {@code validity}. */
    public Issued issueClient(String commonName, Duration validity) {
        return issue(commonName, validity, KeyPurposeId.id_kp_clientAuth, List.of());
    }

    /** A server certificate (serverAuth) with DNS and IP subject alternative names. */
    public Issued issueServer(String commonName, List<String> names, Duration validity) {
        return issue(commonName, validity, KeyPurposeId.id_kp_serverAuth, names);
    }

    /** Revokes {@code cert} in the CRL kept in {@code caDir}; false if it already was. */
    public boolean revoke(Path caDir, X509Certificate cert) throws IOException {
        return new RevocationList(caDir, clock).revoke(cert, certificate, key);
    }

    /** True when {@code cert} was signed by this CA's key. */
    public boolean signed(X509Certificate cert) {
        try {
            cert.verify(certificate.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private Issued issue(String commonName, Duration validity, KeyPurposeId purpose, List<String> names) {
        try {
            KeyPair pair = newKeyPair();
            return new Issued(pair, sign(commonName, pair.getPublic(), validity, purpose, names));
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("cannot issue a certificate for " + commonName + ": " + e.getMessage(), e);
        }
    }

    private KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec(EC_CURVE), random);
        return generator.generateKeyPair();
    }

    private X509Certificate sign(String commonName, PublicKey subjectKey, Duration validity, KeyPurposeId purpose,
            List<String> names) throws GeneralSecurityException, OperatorCreationException, IOException {
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.O, "Culture Card").addRDN(BCStyle.CN, commonName).build();
        Instant now = clock.instant();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(certificate, new BigInteger(127, random),
                Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(validity)), subject, subjectKey);
        JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement));
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
        builder.addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(subjectKey));
        builder.addExtension(Extension.authorityKeyIdentifier, false, extensions.createAuthorityKeyIdentifier(certificate));
        if (!names.isEmpty()) {
            builder.addExtension(Extension.subjectAlternativeName, false, alternativeNames(names));
        }
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(key)));
    }

    private static GeneralNames alternativeNames(List<String> names) {
        List<GeneralName> general = new ArrayList<>();
        for (String name : names) {
            boolean ip = name.matches("[0-9.]+") || name.contains(":");
            general.add(new GeneralName(ip ? GeneralName.iPAddress : GeneralName.dNSName, name));
        }
        return new GeneralNames(general.toArray(GeneralName[]::new));
    }
}
