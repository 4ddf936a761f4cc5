package org.culturecard.sip2.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.culturecard.sip2.InvalidSip2ConfigException;
import org.culturecard.sip2.Sip2Config;

/**
 * The TLS context for an LMS connection: trusting the CA certificates of a PEM file (the JDK reads
 * PEM certificates itself, so this module needs no PEM library), or the JDK's trust store when no
 * file is given. Built once, when the client is created, so a bad file stops the app at start.
 */
final class TlsContexts {
    private TlsContexts() {
    }

    static SSLContext forConfig(Sip2Config config) {
        try {
            if (config.caFile() == null) {
                return SSLContext.getDefault();
            }
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            int n = 0;
            for (Certificate certificate : certificates(config.caFile())) {
                trust.setCertificateEntry("ca-" + n++, certificate);
            }
            if (n == 0) {
                throw new InvalidSip2ConfigException(Sip2Config.CA_FILE, "holds no certificate: " + config.caFile());
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new InvalidSip2ConfigException(Sip2Config.CA_FILE, "cannot be read as PEM certificates: " + e.getMessage(), e);
        }
    }

    private static Collection<? extends Certificate> certificates(Path file) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(file)) {
            return CertificateFactory.getInstance("X.509").generateCertificates(in);
        }
    }
}
