package org.culturecard.mqttlink;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;
import javax.net.ssl.SSLSocketFactory;
import org.culturecard.mqttlink.tls.PemTls;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;

/**
 * Where and how a client reaches the broker: the URI and, for {@code ssl://}, a TLS socket factory
 * built once from the PEM files in the config (trusting only the scheme CA and presenting the
 * client's certificate, whose CN the broker takes as the user name for its ACL), and optionally a
 * user name and password. Every MQTT connection (the sync agent's, and central's ingest workers,
 * fleet listener and config publisher) starts from {@link #options()}, so none can forget TLS or
 * host name verification.
 */
public final class BrokerEndpoint {
    private final String uri;
    private final SSLSocketFactory socketFactory;
    private final String username;
    private final String password;

    private BrokerEndpoint(String uri, SSLSocketFactory socketFactory, String username, String password) {
        this.uri = Objects.requireNonNull(uri, "uri");
        this.socketFactory = socketFactory;
        this.username = username;
        this.password = password;
    }

    /** A plain {@code tcp://} endpoint. */
    public static BrokerEndpoint plain(String uri) {
        return new BrokerEndpoint(uri, null, null, null);
    }

    /**
     * TLS trusting {@code caCert}, presenting {@code clientCert} with {@code clientKey} (both or
     * neither); unreadable or mismatched PEM files fail here, at start-up ({@link org.culturecard.mqttlink.tls.TlsSetupException}).
     */
    public static BrokerEndpoint tls(String uri, Path caCert, Path clientCert, Path clientKey) {
        return new BrokerEndpoint(uri, PemTls.socketFactory(caCert, clientCert, clientKey), null, null);
    }

    /** This endpoint, logging in with {@code username} and {@code password} (either may be null: not sent). */
    public BrokerEndpoint withCredentials(String username, String password) {
        return new BrokerEndpoint(uri, socketFactory, username, password);
    }

    public String uri() {
        return uri;
    }

    /** Fresh connection options: TLS with host name verification when the endpoint is {@code ssl://}, and the credentials. */
    public MqttConnectionOptions options() {
        MqttConnectionOptions options = new MqttConnectionOptions();
        if (socketFactory != null) {
            options.setSocketFactory(socketFactory);
            options.setHttpsHostnameVerificationEnabled(true);
        }
        if (username != null) {
            options.setUserName(username);
        }
        if (password != null) {
            options.setPassword(password.getBytes(StandardCharsets.UTF_8));
        }
        return options;
    }

    @Override
    public String toString() {
        return uri + (socketFactory == null ? "" : " (TLS, client certificate)");
    }
}
