package org.culturecard.provisioning.ca;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;

/**
 * PEM files in and out: certificates, and private keys in either SEC1 ({@code EC PRIVATE KEY}) or
 * PKCS#8 ({@code PRIVATE KEY}) form. Kiosk and broker keys are written as PKCS#8, which Mosquitto,
 * OpenSSL and Java all read.
 */
public final class Pem {
    /** Owner read/write only: keys, and everything in a kiosk bundle. */
    public static final String OWNER_ONLY = "rw-------";

    private static final BouncyCastleProvider BOUNCY_CASTLE = new BouncyCastleProvider();

    private Pem() {}

    public static X509Certificate readCertificate(Path file) throws IOException {
        Object object = readObject(file);
        if (!(object instanceof X509CertificateHolder holder)) {
            throw new IOException(file + " holds no PEM certificate");
        }
        try {
            return new JcaX509CertificateConverter().getCertificate(holder);
        } catch (CertificateException e) {
            throw new IOException(file + " holds a broken certificate: " + e.getMessage(), e);
        }
    }

    public static PrivateKey readPrivateKey(Path file) throws IOException {
        Object object = readObject(file);
        PrivateKeyInfo info;
        if (object instanceof PEMKeyPair pair) {
            info = pair.getPrivateKeyInfo();
        } else if (object instanceof PrivateKeyInfo plain) {
            info = plain;
        } else {
            throw new IOException(file + " holds no unencrypted PEM private key");
        }
        try {
            return new JcaPEMKeyConverter().getPrivateKey(info);
        } catch (org.bouncycastle.openssl.PEMException e) {
            return viaBouncyCastle(file, info);
        }
    }

    /**
     * A SEC1 key keeps its curve inside the key, which the JDK's provider cannot read: Bouncy Castle
     * parses it, and the JDK gets it back as PKCS#8 with the curve where it expects it.
     */
    private static PrivateKey viaBouncyCastle(Path file, PrivateKeyInfo info) throws IOException {
        PrivateKey parsed = new JcaPEMKeyConverter().setProvider(BOUNCY_CASTLE).getPrivateKey(info);
        try {
            String algorithm = "ECDSA".equals(parsed.getAlgorithm()) ? "EC" : parsed.getAlgorithm();
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(parsed.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IOException(file + " holds a key this Java cannot use: " + e.getMessage(), e);
        }
    }

    /** Writes a certificate, replacing {@code file}, with {@code permissions} such as {@code rw-r--r--}. */
    public static void writeCertificate(Path file, X509Certificate certificate, String permissions) throws IOException {
        write(file, certificate, permissions);
    }

    /** Writes a private key as PKCS#8, replacing {@code file}, readable by its owner only. */
    public static void writePrivateKey(Path file, PrivateKey key) throws IOException {
        writePrivateKey(file, key, OWNER_ONLY);
    }

    /** Writes a private key as PKCS#8, replacing {@code file}, with {@code permissions} (never world-readable). */
    public static void writePrivateKey(Path file, PrivateKey key, String permissions) throws IOException {
        if (permissions.charAt(6) != '-') {
            throw new IllegalArgumentException("a private key is never readable by others: " + permissions);
        }
        write(file, new JcaPKCS8Generator(key, null), permissions);
    }

    /** Writes text, replacing {@code file}, with {@code permissions} set before any byte is written. */
    public static void writeText(Path file, String text, String permissions) throws IOException {
        try (Writer out = open(file, permissions)) {
            out.write(text);
        }
    }

    private static void write(Path file, Object object, String permissions) throws IOException {
        try (Writer out = open(file, permissions); JcaPEMWriter pem = new JcaPEMWriter(out)) {
            pem.writeObject(object);
        }
    }

    private static Writer open(Path file, String permissions) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions)));
        return Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
    }

    private static Object readObject(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser parser = new PEMParser(in)) {
            Object object = parser.readObject();
            if (object == null) {
                throw new IOException(file + " holds no PEM object");
            }
            return object;
        }
    }
}
