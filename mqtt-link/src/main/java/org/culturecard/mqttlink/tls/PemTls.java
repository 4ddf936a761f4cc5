package org.culturecard.mqttlink.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * Builds a TLS client (the sync agent's, central's, the doctor's probe) from the PEM files an installer
 * drops next to the config: the CA that signed the broker's certificate, and the client's own certificate
 * and private key
 * (PKCS#8 {@code PRIVATE KEY}, or the traditional {@code EC PRIVATE KEY} / {@code RSA PRIVATE KEY}).
 * No keystore files and no passwords on disk: the PEMs are what the scheme CA issues.
 *
 * <p>The broker is trusted only when its chain ends at {@code caCert} (the JDK's default roots are not
 * consulted); hostname verification is switched on by the caller in Paho's options.
 */
public final class PemTls {
    private static final char[] IN_MEMORY = new char[0];

    private PemTls() {}

    /** A factory trusting {@code caCert}; with {@code clientCert} and {@code clientKey} (both or neither) it also presents them. */
    public static SSLSocketFactory socketFactory(Path caCert, Path clientCert, Path clientKey) {
        if ((clientCert == null) != (clientKey == null)) {
            throw new IllegalArgumentException("a client certificate and its key go together: " + clientCert + ", " + clientKey);
        }
        try {
            return context(certificates(caCert), clientCert == null ? null : privateKey(clientKey),
                    clientCert == null ? List.of() : certificates(clientCert)).getSocketFactory();
        } catch (GeneralSecurityException | IOException e) {
            throw new TlsSetupException("cannot set up TLS from " + caCert + ", " + clientCert + ", " + clientKey
                    + ": " + e.getMessage(), e);
        }
    }

    /** A context trusting only {@code ca} and presenting {@code clientCert} with {@code clientKey}: for callers that hold parsed material. */
    public static SSLContext context(X509Certificate ca, X509Certificate clientCert, PrivateKey clientKey)
            throws GeneralSecurityException {
        return context(List.of(ca), clientKey, List.of(clientCert));
    }

    private static SSLContext context(List<X509Certificate> cas, PrivateKey key, List<X509Certificate> chain)
            throws GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(key == null ? null : keyManagers(chain, key).getKeyManagers(), trustManagers(cas).getTrustManagers(), null);
        return context;
    }

    private static TrustManagerFactory trustManagers(List<X509Certificate> cas) throws GeneralSecurityException {
        KeyStore trusted = emptyKeyStore();
        for (int i = 0; i < cas.size(); i++) {
            trusted.setCertificateEntry("ca-" + i, cas.get(i));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trusted);
        return factory;
    }

    private static KeyManagerFactory keyManagers(List<X509Certificate> chain, PrivateKey key) throws GeneralSecurityException {
        KeyStore own = emptyKeyStore();
        own.setKeyEntry("client", key, IN_MEMORY, chain.toArray(new Certificate[0]));
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(own, IN_MEMORY);
        return factory;
    }

    private static KeyStore emptyKeyStore() throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try {
            store.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException("cannot create an in-memory key store", e);
        }
        return store;
    }

    /** Every certificate in a PEM file, in order. */
    public static List<X509Certificate> certificates(Path file) throws GeneralSecurityException, IOException {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        try (InputStream in = Files.newInputStream(file)) {
            Collection<? extends Certificate> all = factory.generateCertificates(in);
            List<X509Certificate> certificates = new ArrayList<>();
            for (Certificate certificate : all) {
                certificates.add((X509Certificate) certificate);
            }
            if (certificates.isEmpty()) {
                throw new GeneralSecurityException("no certificate in " + file);
            }
            return certificates;
        }
    }

    /** The private key in a PEM file: PKCS#8, or a traditional EC or RSA key. Encrypted keys are refused. */
    public static PrivateKey privateKey(Path file) throws IOException, GeneralSecurityException {
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser parser = new PEMParser(reader)) {
            for (Object item = parser.readObject(); item != null; item = parser.readObject()) {
                if (item instanceof PrivateKeyInfo pkcs8) {
                    return converter.getPrivateKey(pkcs8);
                }
                if (item instanceof PEMKeyPair pair) {
                    return converter.getPrivateKey(pair.getPrivateKeyInfo()); // the public half is optional in EC PEM
                }
            }
        }
        throw new GeneralSecurityException("no unencrypted private key (PKCS#8, EC or RSA PEM) in " + file);
    }
}
