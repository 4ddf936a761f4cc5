package org.culturecard.central.broker;

import java.util.Objects;
import javax.net.ssl.SSLSocketFactory;
import org.culturecard.central.config.CentralConfig;
import org.culturecard.tls.PemTls;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;

/**
 * Where and how central reaches the broker: the URI and, for {@code ssl://}, a TLS socket factory
 * built once from the PEM files in the config (trusting only the scheme CA and presenting
 * central's certificate, whose CN the broker takes as the user name for its ACL). Every MQTT
 * connection central opens (ingest workers, the fleet listener, the config publisher) starts from
 * {@link #options()}, so none can forget TLS or host name verification.
 */
public final class BrokerEndpoint {
    private final String uri;
    private final SSLSocketFactory socketFactory;

    private BrokerEndpoint(String uri, SSLSocketFactory socketFactory) {
        this.uri = Objects.requireNonNull(uri, "uri");
        this.socketFactory = socketFactory;
    }

    /** The endpoint the config describes; unreadable or mismatched PEM files fail here, at start-up. */
    public static BrokerEndpoint of(CentralConfig config) {
        CentralConfig.BrokerTls tls = config.brokerTls();
        return new BrokerEndpoint(config.brokerUri(),
                tls.enabled() ? PemTls.socketFactory(tls.caCert(), tls.clientCert(), tls.clientKey()) : null);
    }

    /** A plain {@code tcp://} endpoint. */
    public static BrokerEndpoint plain(String uri) {
        return new BrokerEndpoint(uri, null);
    }

    public String uri() {
        return uri;
    }

    /** Fresh connection options: TLS with host name verification when the endpoint is {@code ssl://}. */
    public MqttConnectionOptions options() {
        MqttConnectionOptions options = new MqttConnectionOptions();
        if (socketFactory != null) {
            options.setSocketFactory(socketFactory);
            options.setHttpsHostnameVerificationEnabled(true);
        }
        return options;
    }

    @Override
    public String toString() {
        return uri + (socketFactory == null ? "" : " (TLS, client certificate)");
    }
}
