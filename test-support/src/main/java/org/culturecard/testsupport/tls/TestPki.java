package org.culturecard.testsupport.tls;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;

/** A throwaway certificate authority for TLS tests: EC P-256 keys, PEM files readable by the broker. */
public final class TestPki {
    private static final AtomicLong SERIALS = new AtomicLong(System.currentTimeMillis());

    private final String name;
    private final KeyPair keys;
    private final X509Certificate certificate;

    private TestPki(String name, KeyPair keys, X509Certificate certificate) {
        this.name = name;
        this.keys = keys;
        this.certificate = certificate;
    }

    public static TestPki ca(String name) throws Exception {
        KeyPair keys = ecKeys();
        X500Name subject = new X500Name("CN=" + name);
        X509v3CertificateBuilder builder = builder(subject, subject, keys)
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        return new TestPki(name, keys, sign(builder, keys));
    }

    /** A server certificate for 127.0.0.1 and localhost. */
    public Issued server(String cn) throws Exception {
        KeyPair serverKeys = ecKeys();
        X509v3CertificateBuilder builder = builder(new X500Name("CN=" + name), new X500Name("CN=" + cn), serverKeys)
                .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                    new GeneralName(GeneralName.iPAddress, "127.0.0.1"), new GeneralName(GeneralName.dNSName, "localhost")}));
        return new Issued(serverKeys, sign(builder, keys));
    }

    /** A server certificate valid only for {@code dnsName} (no IP address). */
    public Issued serverFor(String dnsName) throws Exception {
        KeyPair serverKeys = ecKeys();
        X509v3CertificateBuilder builder = builder(new X500Name("CN=" + name), new X500Name("CN=" + dnsName), serverKeys)
                .addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(new GeneralName(GeneralName.dNSName, dnsName)));
        return new Issued(serverKeys, sign(builder, keys));
    }

    /** A client certificate whose CN is {@code cn} (the kiosk id). */
    public Issued client(String cn) throws Exception {
        KeyPair clientKeys = ecKeys();
        X509v3CertificateBuilder builder = builder(new X500Name("CN=" + name), new X500Name("CN=" + cn), clientKeys);
        return new Issued(clientKeys, sign(builder, keys));
    }

    /** This CA's own (self-signed) certificate. */
    public X509Certificate certificate() {
        return certificate;
    }

    public Path writeCertificate(Path file) throws IOException {
        return write(file, certificate);
    }

    public record Issued(KeyPair keys, X509Certificate certificate) {
        public Path writeCertificate(Path file) throws IOException {
            return write(file, certificate);
        }

        /** The key as PKCS#8 ({@code BEGIN PRIVATE KEY}). */
        public Path writePkcs8Key(Path file) throws IOException {
            return write(file, new JcaPKCS8Generator(keys.getPrivate(), null).generate());
        }

        /** The key in OpenSSL's traditional SEC 1 form ({@code BEGIN EC PRIVATE KEY}), curve and public key included. */
        public Path writeTraditionalKey(Path file) throws IOException {
            java.security.interfaces.ECPrivateKey key = (java.security.interfaces.ECPrivateKey) keys.getPrivate();
            PrivateKeyInfo pkcs8 = PrivateKeyInfo.getInstance(key.getEncoded());
            SubjectPublicKeyInfo publicKey = SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded());
            ECPrivateKey sec1 = new ECPrivateKey(256, key.getS(), publicKey.getPublicKeyData(),
                    pkcs8.getPrivateKeyAlgorithm().getParameters());
            return write(file, new PemObject("EC PRIVATE KEY", sec1.getEncoded()));
        }
    }

    private static Path write(Path file, Object pemObject) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(pemObject);
        }
        Files.writeString(file, text.toString());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--")); // the broker runs as mosquitto
        return file;
    }

    private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair subjectKeys) {
        Instant now = Instant.now();
        return new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(SERIALS.incrementAndGet()),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(2))), subject,
                subjectKeys.getPublic());
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair issuerKeys) throws Exception {
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate())));
    }

    private static KeyPair ecKeys() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }
}
