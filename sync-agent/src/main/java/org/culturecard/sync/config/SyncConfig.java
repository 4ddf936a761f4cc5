package org.culturecard.sync.config;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;
import org.culturecard.core.ids.KioskId;
import org.culturecard.core.ids.VenueId;
import org.culturecard.core.wire.CheckInBatch;

/**
 * Everything the sync agent needs to run, validated once when loaded so that a bad setting stops
 * the service at start with a message naming the key, rather than failing later at 3 a.m.
 *
 * <p>Loaded from a properties file; each key can be overridden by an environment variable named
 * {@code CULTURECARD_SYNC_} plus the key in upper case with dots and hyphens as underscores
 * ({@code broker.uri} becomes {@code CULTURECARD_SYNC_BROKER_URI}). Durations are written
 * {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 30d} or ISO-8601 ({@code PT30S}).
 * Sizes ({@code disk.budget}) are bytes, or {@code 512KB}, {@code 200MB}, {@code 2GB} (powers of 1024).
 * {@link #toString()} redacts the password, so the effective config can be logged.
 *
 * @param caCert     PEM of the CA that signed the broker's certificate; null for plain TCP
 * @param clientCert PEM of this kiosk's certificate; null without client certificates
 * @param clientKey  PEM of this kiosk's private key; set exactly when clientCert is
 * @param diskBudgetBytes what the kiosk database and its WAL may use; alerts at 50 and 80 percent
 *                   (check-ins are still recorded beyond it: the budget warns, it never drops)
 */
public record SyncConfig(
        URI brokerUri,
        KioskId kioskId,
        VenueId venueId,
        Path databasePath,
        int keepAliveSeconds,
        Duration ackTimeout,
        int batchMaxRecords,
        int batchMaxBytes,
        Duration backoffMin,
        Duration backoffMax,
        Duration statusInterval,
        Duration pollInterval,
        Duration purgeAfter,
        String username,
        String password,
        Path caCert,
        Path clientCert,
        Path clientKey,
        long diskBudgetBytes) {

    public static final String ENV_PREFIX = "CULTURECARD_SYNC_";
    public static final String BROKER_URI = "broker.uri";
    public static final String KIOSK_ID = "kiosk.id";
    public static final String VENUE_ID = "venue.id";
    public static final String DATABASE_PATH = "database.path";
    public static final String KEEPALIVE_SECONDS = "keepalive.seconds";
    public static final String ACK_TIMEOUT = "ack.timeout";
    public static final String BATCH_MAX_RECORDS = "batch.max-records";
    public static final String BATCH_MAX_BYTES = "batch.max-bytes";
    public static final String BACKOFF_MIN = "backoff.min";
    public static final String BACKOFF_MAX = "backoff.max";
    public static final String STATUS_INTERVAL = "status.interval";
    public static final String POLL_INTERVAL = "poll.interval";
    public static final String PURGE_AFTER = "purge.after";
    public static final String USERNAME = "broker.username";
    public static final String PASSWORD = "broker.password";
    public static final String CA_CERT = "tls.ca-cert";
    public static final String CLIENT_CERT = "tls.client-cert";
    public static final String CLIENT_KEY = "tls.client-key";
    public static final String DISK_BUDGET = "disk.budget";
    /** 1 GiB: years of check-ins at a busy venue (a row is well under 1 KB). */
    public static final long DEFAULT_DISK_BUDGET = 1L << 30;

    /** Every key this config understands; anything else in the file is refused as a typo. */
    public static final Set<String> KEYS = Set.of(BROKER_URI, KIOSK_ID, VENUE_ID, DATABASE_PATH,
            KEEPALIVE_SECONDS, ACK_TIMEOUT, BATCH_MAX_RECORDS, BATCH_MAX_BYTES, BACKOFF_MIN, BACKOFF_MAX,
            STATUS_INTERVAL, POLL_INTERVAL, PURGE_AFTER, USERNAME, PASSWORD, CA_CERT, CLIENT_CERT, CLIENT_KEY, DISK_BUDGET);

    private static final Set<String> SCHEMES = Set.of("tcp", "ssl", "ws", "wss");

    public SyncConfig {
        require(BROKER_URI, brokerUri);
        if (!SCHEMES.contains(String.valueOf(brokerUri.getScheme())) || brokerUri.getHost() == null) {
            throw new InvalidConfigException(BROKER_URI, "must be tcp://, ssl://, ws:// or wss:// with a host, not " + brokerUri);
        }
        require(KIOSK_ID, kioskId);
        require(VENUE_ID, venueId);
        require(DATABASE_PATH, databasePath);
        range(KEEPALIVE_SECONDS, keepAliveSeconds, 1, 3600);
        positive(ACK_TIMEOUT, ackTimeout);
        range(BATCH_MAX_RECORDS, batchMaxRecords, 1, CheckInBatch.MAX_RECORDS);
        range(BATCH_MAX_BYTES, batchMaxBytes, 2048, CheckInBatch.MAX_BYTES);
        positive(BACKOFF_MIN, backoffMin);
        positive(BACKOFF_MAX, backoffMax);
        if (backoffMax.compareTo(backoffMin) < 0) {
            throw new InvalidConfigException(BACKOFF_MAX, "must not be less than " + BACKOFF_MIN + " (" + backoffMin + ")");
        }
        positive(STATUS_INTERVAL, statusInterval);
        positive(POLL_INTERVAL, pollInterval);
        positive(PURGE_AFTER, purgeAfter);
        if (diskBudgetBytes < 1L << 20) {
            throw new InvalidConfigException(DISK_BUDGET, "must be at least 1MB, not " + diskBudgetBytes + " bytes");
        }
        if (password != null && username == null) {
            throw new InvalidConfigException(USERNAME, "is required when " + PASSWORD + " is set");
        }
        if ((clientCert == null) != (clientKey == null)) {
            throw new InvalidConfigException(clientCert == null ? CLIENT_CERT : CLIENT_KEY,
                    "is required when " + (clientCert == null ? CLIENT_KEY : CLIENT_CERT) + " is set");
        }
        readable(CA_CERT, caCert);
        readable(CLIENT_CERT, clientCert);
        readable(CLIENT_KEY, clientKey);
        if (clientCert != null && caCert == null) {
            throw new InvalidConfigException(CA_CERT, "is required with " + CLIENT_CERT + " (the broker is trusted only through it)");
        }
        if (caCert != null && !Set.of("ssl", "wss").contains(brokerUri.getScheme())) {
            throw new InvalidConfigException(BROKER_URI, "must be ssl:// or wss:// when " + CA_CERT + " is set, not " + brokerUri);
        }
    }

    /** A config with every default: keepalive 30 s, ack timeout 30 s, 100 records / 64 KB, backoff 1 s to 5 min, poll 1 s. */
    public static SyncConfig of(URI brokerUri, KioskId kioskId, VenueId venueId, Path databasePath) {
        return builder(brokerUri, kioskId, venueId, databasePath).build();
    }

    /** A builder that starts from every default ({@link #of}); {@link Builder#build} validates. */
    public static Builder builder(URI brokerUri, KioskId kioskId, VenueId venueId, Path databasePath) {
        return new Builder(brokerUri, kioskId, venueId, databasePath);
    }

    /** This config with {@code changes} made to a builder holding its values, validated again. */
    public SyncConfig with(Consumer<Builder> changes) {
        Builder builder = new Builder(this);
        changes.accept(builder);
        return builder.build();
    }

    /** Reads {@code file}, applies {@code CULTURECARD_SYNC_*} overrides from {@code env}, and validates. */
    public static SyncConfig load(Path file, Map<String, String> env) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return fromProperties(properties, env);
    }

    /** Validates {@code properties} with {@code CULTURECARD_SYNC_*} overrides from {@code env}. */
    public static SyncConfig fromProperties(Properties properties, Map<String, String> env) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : properties.stringPropertyNames()) {
            if (!KEYS.contains(name)) {
                throw new InvalidConfigException(name, "is not a sync agent setting (known: " + String.join(", ", KEYS.stream().sorted().toList()) + ")");
            }
            values.put(name, properties.getProperty(name).trim());
        }
        for (String key : KEYS) {
            String override = env.get(envName(key));
            if (override != null) {
                values.put(key, override.trim());
            }
        }
        values.values().removeIf(String::isEmpty);
        return fromValues(values);
    }

    /** The environment variable that overrides {@code key}. */
    public static String envName(String key) {
        return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static SyncConfig fromValues(Map<String, String> v) {
        SyncConfig d = of(uri(v), kiosk(v), venue(v), Path.of(required(v, DATABASE_PATH)));
        return d.with(b -> b.keepAliveSeconds(integer(v, KEEPALIVE_SECONDS, d.keepAliveSeconds))
                .ackTimeout(duration(v, ACK_TIMEOUT, d.ackTimeout))
                .batchLimits(integer(v, BATCH_MAX_RECORDS, d.batchMaxRecords), integer(v, BATCH_MAX_BYTES, d.batchMaxBytes))
                .backoff(duration(v, BACKOFF_MIN, d.backoffMin), duration(v, BACKOFF_MAX, d.backoffMax))
                .statusInterval(duration(v, STATUS_INTERVAL, d.statusInterval))
                .pollInterval(duration(v, POLL_INTERVAL, d.pollInterval))
                .purgeAfter(duration(v, PURGE_AFTER, d.purgeAfter))
                .credentials(v.get(USERNAME), v.get(PASSWORD))
                .tls(path(v, CA_CERT), path(v, CLIENT_CERT), path(v, CLIENT_KEY))
                .diskBudget(size(v, DISK_BUDGET, d.diskBudgetBytes)));
    }

    /** True when the config names PEM files for TLS: the agent then connects with them and verifies the broker's hostname. */
    public boolean tlsConfigured() {
        return caCert != null || clientCert != null;
    }

    /** The effective config, one key per line, with the password redacted. */
    @Override
    public String toString() {
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put(BROKER_URI, brokerUri);
        shown.put(KIOSK_ID, kioskId);
        shown.put(VENUE_ID, venueId);
        shown.put(DATABASE_PATH, databasePath);
        shown.put(KEEPALIVE_SECONDS, keepAliveSeconds);
        shown.put(ACK_TIMEOUT, ackTimeout);
        shown.put(BATCH_MAX_RECORDS, batchMaxRecords);
        shown.put(BATCH_MAX_BYTES, batchMaxBytes);
        shown.put(BACKOFF_MIN, backoffMin);
        shown.put(BACKOFF_MAX, backoffMax);
        shown.put(STATUS_INTERVAL, statusInterval);
        shown.put(POLL_INTERVAL, pollInterval);
        shown.put(PURGE_AFTER, purgeAfter);
        shown.put(USERNAME, username);
        shown.put(PASSWORD, password == null ? null : "(redacted)");
        shown.put(CA_CERT, caCert);
        shown.put(CLIENT_CERT, clientCert);
        shown.put(CLIENT_KEY, clientKey);
        shown.put(DISK_BUDGET, diskBudgetBytes + " bytes");
        StringBuilder text = new StringBuilder("SyncConfig");
        shown.forEach((key, value) -> text.append("\n  ").append(key).append(" = ").append(value == null ? "(unset)" : value));
        return text.toString();
    }

    private static URI uri(Map<String, String> v) {
        String text = required(v, BROKER_URI);
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            throw new InvalidConfigException(BROKER_URI, "is not a URI: " + e.getMessage(), e);
        }
    }

    private static KioskId kiosk(Map<String, String> v) {
        try {
            return KioskId.of(required(v, KIOSK_ID));
        } catch (InvalidConfigException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException(KIOSK_ID, e.getMessage(), e);
        }
    }

    private static VenueId venue(Map<String, String> v) {
        try {
            return VenueId.of(required(v, VENUE_ID));
        } catch (InvalidConfigException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException(VENUE_ID, e.getMessage(), e);
        }
    }

    private static String required(Map<String, String> v, String key) {
        String value = v.get(key);
        if (value == null) {
            throw new InvalidConfigException(key, "is required (or set " + envName(key) + ")");
        }
        return value;
    }

    private static int integer(Map<String, String> v, String key, int otherwise) {
        String text = v.get(key);
        if (text == null) {
            return otherwise;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new InvalidConfigException(key, "is not a whole number: " + text, e);
        }
    }

    private static Duration duration(Map<String, String> v, String key, Duration otherwise) {
        String text = v.get(key);
        if (text == null) {
            return otherwise;
        }
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException(key, e.getMessage(), e);
        }
    }

    /** Bytes, written {@code 5000}, {@code 512KB}, {@code 200MB} or {@code 2GB} (powers of 1024). */
    private static long size(Map<String, String> v, String key, long otherwise) {
        String text = v.get(key);
        if (text == null) {
            return otherwise;
        }
        String upper = text.toUpperCase(Locale.ROOT).replace(" ", "");
        long unit = 1;
        for (String[] suffix : new String[][] {{"KB", "10"}, {"MB", "20"}, {"GB", "30"}}) {
            if (upper.endsWith(suffix[0])) {
                unit = 1L << Integer.parseInt(suffix[1]);
                upper = upper.substring(0, upper.length() - 2);
                break;
            }
        }
        try {
            return Math.multiplyExact(Long.parseLong(upper), unit);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new InvalidConfigException(key, "is not a size in bytes (e.g. 500MB): " + text, e);
        }
    }

    private static Path path(Map<String, String> v, String key) {
        String text = v.get(key);
        return text == null ? null : Path.of(text);
    }

    private static void require(String key, Object value) {
        if (value == null) {
            throw new InvalidConfigException(key, "is required (or set " + envName(key) + ")");
        }
    }

    private static void range(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidConfigException(key, "must be between " + min + " and " + max + ", not " + value);
        }
    }

    private static void positive(String key, Duration value) {
        require(key, value);
        if (value.isNegative() || value.isZero()) {
            throw new InvalidConfigException(key, "must be longer than zero, not " + value);
        }
    }

    private static void readable(String key, Path file) {
        if (file != null && !Files.isReadable(file)) {
            throw new InvalidConfigException(key, "names a file that cannot be read: " + file);
        }
    }

    /**
     * Sets a config's values one group at a time, from the defaults or from an existing config
     * ({@link SyncConfig#with}); {@link #build} checks them all as loading does, naming the key.
     * Not thread-safe: one caller builds one config.
     */
    public static final class Builder {
        private URI brokerUri;
        private final KioskId kioskId;
        private final VenueId venueId;
        private final Path databasePath;
        private int keepAliveSeconds = 30;
        private Duration ackTimeout = Duration.ofSeconds(30);
        private int batchMaxRecords = CheckInBatch.MAX_RECORDS;
        private int batchMaxBytes = CheckInBatch.MAX_BYTES;
        private Duration backoffMin = Duration.ofSeconds(1);
        private Duration backoffMax = Duration.ofMinutes(5);
        private Duration statusInterval = Duration.ofMinutes(5);
        private Duration pollInterval = Duration.ofSeconds(1);
        private Duration purgeAfter = Duration.ofDays(30);
        private String username;
        private String password;
        private Path caCert;
        private Path clientCert;
        private Path clientKey;
        private long diskBudgetBytes = DEFAULT_DISK_BUDGET;

        private Builder(URI brokerUri, KioskId kioskId, VenueId venueId, Path databasePath) {
            this.brokerUri = brokerUri;
            this.kioskId = kioskId;
            this.venueId = venueId;
            this.databasePath = databasePath;
        }

        private Builder(SyncConfig c) {
            this(c.brokerUri, c.kioskId, c.venueId, c.databasePath);
            keepAliveSeconds = c.keepAliveSeconds;
            ackTimeout = c.ackTimeout;
            batchLimits(c.batchMaxRecords, c.batchMaxBytes);
            backoff(c.backoffMin, c.backoffMax);
            statusInterval = c.statusInterval;
            pollInterval = c.pollInterval;
            purgeAfter = c.purgeAfter;
            credentials(c.username, c.password);
            tls(c.caCert, c.clientCert, c.clientKey);
            diskBudgetBytes = c.diskBudgetBytes;
        }

        /** {@value SyncConfig#BROKER_URI}. */
        public Builder brokerUri(URI uri) {
            this.brokerUri = uri;
            return this;
        }

        /** {@value SyncConfig#KEEPALIVE_SECONDS}. */
        public Builder keepAliveSeconds(int seconds) {
            this.keepAliveSeconds = seconds;
            return this;
        }

        /** {@value SyncConfig#ACK_TIMEOUT}. */
        public Builder ackTimeout(Duration timeout) {
            this.ackTimeout = timeout;
            return this;
        }

        /** {@value SyncConfig#BATCH_MAX_RECORDS} and {@value SyncConfig#BATCH_MAX_BYTES}. */
        public Builder batchLimits(int maxRecords, int maxBytes) {
            this.batchMaxRecords = maxRecords;
            this.batchMaxBytes = maxBytes;
            return this;
        }

        /** {@value SyncConfig#BACKOFF_MIN} and {@value SyncConfig#BACKOFF_MAX}. */
        public Builder backoff(Duration min, Duration max) {
            this.backoffMin = min;
            this.backoffMax = max;
            return this;
        }

        /** {@value SyncConfig#STATUS_INTERVAL}. */
        public Builder statusInterval(Duration interval) {
            this.statusInterval = interval;
            return this;
        }

        /**
         * {@value SyncConfig#POLL_INTERVAL}: the agent's timer (ack timeouts, status, and a look at the outbox
         * as a safety net; new rows are noticed at once through a watch on the database's WAL). Default 1 s.
         */
        public Builder pollInterval(Duration interval) {
            this.pollInterval = interval;
            return this;
        }

        /** {@value SyncConfig#PURGE_AFTER}. */
        public Builder purgeAfter(Duration age) {
            this.purgeAfter = age;
            return this;
        }

        /** {@value SyncConfig#USERNAME} and {@value SyncConfig#PASSWORD}; null for none. */
        public Builder credentials(String user, String secret) {
            this.username = user;
            this.password = secret;
            return this;
        }

        /** {@value SyncConfig#CA_CERT}, {@value SyncConfig#CLIENT_CERT} and {@value SyncConfig#CLIENT_KEY}; null for none. */
        public Builder tls(Path ca, Path cert, Path key) {
            this.caCert = ca;
            this.clientCert = cert;
            this.clientKey = key;
            return this;
        }

        /** {@value SyncConfig#DISK_BUDGET}, in bytes. */
        public Builder diskBudget(long bytes) {
            this.diskBudgetBytes = bytes;
            return this;
        }

        /** The config, validated; an {@link InvalidConfigException} names the first bad key. */
        public SyncConfig build() {
            return new SyncConfig(brokerUri, kioskId, venueId, databasePath, keepAliveSeconds, ackTimeout,
                    batchMaxRecords, batchMaxBytes, backoffMin, backoffMax, statusInterval, pollInterval, purgeAfter,
                    username, password, caCert, clientCert, clientKey, diskBudgetBytes);
        }
    }
}
