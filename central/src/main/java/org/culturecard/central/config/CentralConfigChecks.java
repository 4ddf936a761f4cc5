package org.culturecard.central.config;

import static org.culturecard.central.config.CentralConfig.CA_CERT;
import static org.culturecard.central.config.CentralConfig.CLIENT_CERT;
import static org.culturecard.central.config.CentralConfig.CLIENT_KEY;
import static org.culturecard.central.config.CentralConfig.MQTT_URI;
import static org.culturecard.central.config.CentralConfig.require;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.culturecard.central.config.CentralConfig.BrokerTls;

/** The checks behind {@link CentralConfig}'s validation that concern the broker, each naming the key it refuses. */
final class CentralConfigChecks {
    private CentralConfigChecks() {
    }

    /** TLS settings must fit the broker URI, go together, and name readable files. */
    static void checkTls(String brokerUri, BrokerTls tls) {
        boolean ssl = brokerUri.startsWith("ssl:");
        require(CA_CERT, !ssl || tls.caCert() != null, "is required for an ssl:// broker (the broker is trusted only through it)");
        require(MQTT_URI, ssl || tls.caCert() == null, "must be ssl://host:port when " + CA_CERT + " is set");
        require(CLIENT_CERT, tls.clientCert() != null || tls.clientKey() == null, "is required when " + CLIENT_KEY + " is set");
        require(CLIENT_KEY, tls.clientKey() != null || tls.clientCert() == null, "is required when " + CLIENT_CERT + " is set");
        require(CA_CERT, tls.clientCert() == null || tls.caCert() != null, "is required with " + CLIENT_CERT);
        readable(CA_CERT, tls.caCert());
        readable(CLIENT_CERT, tls.clientCert());
        readable(CLIENT_KEY, tls.clientKey());
    }

    static void readable(String key, Path file) {
        require(key, file == null || Files.isReadable(file), "names a file that cannot be read: " + file);
    }

    static boolean isBrokerUri(String uri) {
        if (uri == null) {
            return false;
        }
        try {
            URI parsed = new URI(uri);
            return ("tcp".equals(parsed.getScheme()) || "ssl".equals(parsed.getScheme()))
                    && parsed.getHost() != null && parsed.getPort() > 0;
        } catch (URISyntaxException e) {
            return false;
        }
    }

}
