package org.culturecard.sync.config;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/** The checks behind {@link SyncConfig}'s validation, each naming the key it refuses. */
final class SyncConfigChecks {
    private SyncConfigChecks() {
    }

    private static final Set<String> SCHEMES = Set.of("tcp", "ssl", "ws", "wss");

    static void brokerUri(URI brokerUri) {
        require(SyncConfig.BROKER_URI, brokerUri);
        if (!SCHEMES.contains(String.valueOf(brokerUri.getScheme())) || brokerUri.getHost() == null) {
            throw new InvalidConfigException(SyncConfig.BROKER_URI, "must be tcp://, ssl://, ws:// or wss:// with a host, not " + brokerUri);
        }
    }

    static void backoff(Duration min, Duration max) {
        positive(SyncConfig.BACKOFF_MIN, min);
        positive(SyncConfig.BACKOFF_MAX, max);
        if (max.compareTo(min) < 0) {
            throw new InvalidConfigException(SyncConfig.BACKOFF_MAX, "must not be less than " + SyncConfig.BACKOFF_MIN + " (" + min + ")");
        }
    }

    static void diskBudget(long bytes) {
        if (bytes < 1L << 20) {
            throw new InvalidConfigException(SyncConfig.DISK_BUDGET, "must be at least 1MB, not " + bytes + " bytes");
        }
    }

    static void credentials(String username, String password) {
        if (password != null && username == null) {
            throw new InvalidConfigException(SyncConfig.USERNAME, "is required when " + SyncConfig.PASSWORD + " is set");
        }
    }

    /** TLS files go together, need the CA with a client certificate, an ssl:// or wss:// broker, and must be readable. */
    static void tls(URI brokerUri, Path caCert, Path clientCert, Path clientKey) {
        if ((clientCert == null) != (clientKey == null)) {
            throw new InvalidConfigException(clientCert == null ? SyncConfig.CLIENT_CERT : SyncConfig.CLIENT_KEY,
                    "is required when " + (clientCert == null ? SyncConfig.CLIENT_KEY : SyncConfig.CLIENT_CERT) + " is set");
        }
        readable(SyncConfig.CA_CERT, caCert);
        readable(SyncConfig.CLIENT_CERT, clientCert);
        readable(SyncConfig.CLIENT_KEY, clientKey);
        if (clientCert != null && caCert == null) {
            throw new InvalidConfigException(SyncConfig.CA_CERT, "is required with " + SyncConfig.CLIENT_CERT
                    + " (the broker is trusted only through it)");
        }
        if (caCert != null && !Set.of("ssl", "wss").contains(brokerUri.getScheme())) {
            throw new InvalidConfigException(SyncConfig.BROKER_URI, "must be ssl:// or wss:// when " + SyncConfig.CA_CERT
                    + " is set, not " + brokerUri);
        }
    }

    static void require(String key, Object value) {
        if (value == null) {
            throw new InvalidConfigException(key, "is required (or set " + SyncConfig.envName(key) + ")");
        }
    }

    static void range(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidConfigException(key, "must be between " + min + " and " + max + ", not " + value);
        }
    }

    static void positive(String key, Duration value) {
        require(key, value);
        if (value.isNegative() || value.isZero()) {
            throw new InvalidConfigException(key, "must be longer than zero, not " + value);
        }
    }

    static void readable(String key, Path file) {
        if (file != null && !Files.isReadable(file)) {
            throw new InvalidConfigException(key, "names a file that cannot be read: " + file);
        }
    }
}
