package org.culturecard.sync.config;

import static org.culturecard.sync.config.SyncConfigChecks.positive;
import static org.culturecard.sync.config.SyncConfigChecks.range;
import static org.culturecard.sync.config.SyncConfigChecks.require;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;
import org.culturecard.core.config.ConfigReader;
import org.culturecard.core.config.ConfigSpec;
import org.culturecard.core.ids.KioskId;
import org.culturecard.core.ids.VenueId;
import org.culturecard.core.wire.CheckInBatch;
import org.slf4j.LoggerFactory;

/**
 * Everything the sync agent needs to run, validated once when loaded so that a bad setting stops
 * the service at start with a message naming the key, rather than failing later at 3 a.m.
 *
 * <p>Loaded from a properties file; each key can be overridden by an environment variable named
 * {@code CULTURECARD_SYNC_} plus the key in upper case with dots and hyphens as underscores
 * ({@code broker.uri} becomes {@code CULTURECARD_SYNC_BROKER_URI}); durations and sizes as core's
 * {@link ConfigReader} reads them ({@code 30s}, {@code 200MB}). {@link #load} logs the effective
 * config once, password redacted, as {@link #toString()} does. (About 300 lines: the record's validated
 * fields, their keys and the builder stay together; the cross-field checks are {@code SyncConfigChecks}.)
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

    private static final ConfigSpec SPEC = new ConfigSpec("sync agent", ENV_PREFIX, KEYS, InvalidConfigException::new);

    public SyncConfig {
        SyncConfigChecks.brokerUri(brokerUri);
        require(KIOSK_ID, kioskId);
        require(VENUE_ID, venueId);
        require(DATABASE_PATH, databasePath);
        range(KEEPALIVE_SECONDS, keepAliveSeconds, 1, 3600);
        positive(ACK_TIMEOUT, ackTimeout);
        range(BATCH_MAX_RECORDS, batchMaxRecords, 1, CheckInBatch.MAX_RECORDS);
        range(BATCH_MAX_BYTES, batchMaxBytes, 2048, CheckInBatch.MAX_BYTES);
        SyncConfigChecks.backoff(backoffMin, backoffMax);
        positive(STATUS_INTERVAL, statusInterval);
        positive(POLL_INTERVAL, pollInterval);
        positive(PURGE_AFTER, purgeAfter);
        SyncConfigChecks.diskBudget(diskBudgetBytes);
        SyncConfigChecks.credentials(username, password);
        SyncConfigChecks.tls(brokerUri, caCert, clientCert, clientKey);
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

    /** Reads {@code file}, applies {@code CULTURECARD_SYNC_*} overrides from {@code env}, validates, and logs the effective config. */
    public static SyncConfig load(Path file, Map<String, String> env) throws IOException {
        ConfigReader reader = ConfigReader.of(SPEC, ConfigReader.readFile(file), env);
        SyncConfig config = from(reader);
        LoggerFactory.getLogger(SyncConfig.class).info("{}", reader.describe());
        return config;
    }

    /** Validates {@code properties} with {@code CULTURECARD_SYNC_*} overrides from {@code env}. */
    public static SyncConfig fromProperties(Properties properties, Map<String, String> env) {
        return from(ConfigReader.of(SPEC, properties, env));
    }

    /** The environment variable that overrides {@code key}. */
    public static String envName(String key) {
        return SPEC.envName(key);
    }

    private static SyncConfig from(ConfigReader v) {
        SyncConfig d = of(v.parsed(BROKER_URI, URI::create), v.parsed(KIOSK_ID, KioskId::of), v.parsed(VENUE_ID, VenueId::of),
                v.parsed(DATABASE_PATH, Path::of));
        return d.with(b -> b.keepAliveSeconds(v.integer(KEEPALIVE_SECONDS, d.keepAliveSeconds))
                .ackTimeout(v.duration(ACK_TIMEOUT, d.ackTimeout))
                .batchLimits(v.integer(BATCH_MAX_RECORDS, d.batchMaxRecords), v.integer(BATCH_MAX_BYTES, d.batchMaxBytes))
                .backoff(v.duration(BACKOFF_MIN, d.backoffMin), v.duration(BACKOFF_MAX, d.backoffMax))
                .statusInterval(v.duration(STATUS_INTERVAL, d.statusInterval))
                .pollInterval(v.duration(POLL_INTERVAL, d.pollInterval))
                .purgeAfter(v.duration(PURGE_AFTER, d.purgeAfter))
                .credentials(v.string(USERNAME, null), v.string(PASSWORD, null))
                .tls(v.path(CA_CERT), v.path(CLIENT_CERT), v.path(CLIENT_KEY))
                .diskBudget(v.bytes(DISK_BUDGET, d.diskBudgetBytes)));
    }

    /** True when the config names PEM files for TLS: the agent then connects with them and verifies the broker's hostname. */
    public boolean tlsConfigured() {
        return caCert != null || clientCert != null;
    }

    /** The effective config, one key per line, with the password redacted. */
    @Override
    public String toString() {
        return ConfigReader.describe("SyncConfig", BROKER_URI, brokerUri, KIOSK_ID, kioskId, VENUE_ID, venueId,
                DATABASE_PATH, databasePath, KEEPALIVE_SECONDS, keepAliveSeconds, ACK_TIMEOUT, ackTimeout,
                BATCH_MAX_RECORDS, batchMaxRecords, BATCH_MAX_BYTES, batchMaxBytes, BACKOFF_MIN, backoffMin,
                BACKOFF_MAX, backoffMax, STATUS_INTERVAL, statusInterval, POLL_INTERVAL, pollInterval, PURGE_AFTER,
                purgeAfter, USERNAME, username, PASSWORD, password, CA_CERT, caCert, CLIENT_CERT, clientCert,
                CLIENT_KEY, clientKey, DISK_BUDGET, diskBudgetBytes + " bytes");
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
