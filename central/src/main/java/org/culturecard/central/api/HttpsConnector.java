package org.culturecard.central.api;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.culturecard.central.config.CentralConfig;
import org.culturecard.mqttlink.tls.PemTls;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The API's HTTPS connector (ADR 0016): Jetty's own TLS with the PEM certificate and key from
 * {@code central.http.tls.*}, and {@code Strict-Transport-Security} on every response. When it is
 * configured it is the only connector: central serves no plain HTTP beside it.
 */
final class HttpsConnector {

    /** One year, as browsers' preload lists expect. */
    static final long HSTS_SECONDS = TimeUnit.DAYS.toSeconds(365);

    private HttpsConnector() {
    }

    /** A connector on {@code host:port} for {@code server}; a start-up error names the key whose file is bad. */
    static Connector create(Server server, HttpConfiguration base, String host, int port, CentralConfig.HttpTls tls) {
        HttpConfiguration https = new HttpConfiguration(base);
        // The certificate is checked by clients; a request to the address rather than the name is not refused here.
        https.addCustomizer(new SecureRequestCustomizer(false, false, HSTS_SECONDS, false));
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        char[] password = HexFormat.of().formatHex(new SecureRandom().generateSeed(16)).toCharArray();
        ssl.setKeyStore(keyStore(tls, password));
        ssl.setKeyStorePassword(new String(password));
        ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"),
                new HttpConnectionFactory(https));
        connector.setHost(host);
        connector.setPort(port);
        return connector;
    }

    private static KeyStore keyStore(CentralConfig.HttpTls tls, char[] password) {
        List<X509Certificate> chain;
        try {
            chain = PemTls.certificates(tls.cert());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException(CentralConfig.HTTP_TLS_CERT + " is not a PEM certificate: " + tls.cert(), e);
        }
        if (chain.isEmpty()) {
            throw new IllegalArgumentException(CentralConfig.HTTP_TLS_CERT + " holds no certificate: " + tls.cert());
        }
        PrivateKey key;
        try {
            key = PemTls.privateKey(tls.key());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException(CentralConfig.HTTP_TLS_KEY + " is not an unencrypted PEM private key: " + tls.key(), e);
        }
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("central", key, password, chain.toArray(X509Certificate[]::new));
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException(CentralConfig.HTTP_TLS_KEY + " does not fit " + CentralConfig.HTTP_TLS_CERT, e);
        }
    }
}
