package org.culturecard.central.config;

import static org.culturecard.central.config.CentralConfigChecks.checkTls;
import static org.culturecard.central.config.CentralConfigChecks.isBrokerUri;
import static org.culturecard.central.config.CentralConfigChecks.readable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.culturecard.core.config.ConfigReader;
import org.culturecard.core.config.ConfigSpec;
import org.slf4j.LoggerFactory;

/**
 * Everything central needs to run, loaded once from one properties file with environment
 * overrides, validated up front so that a bad setting stops start-up with the name of the key.
 *
 * <p>Keys (environment variable in brackets, which wins over the file):
 * {@code central.jdbc.url} [CULTURECARD_CENTRAL_JDBC_URL], {@code central.db.user}
 * [CULTURECARD_CENTRAL_DB_USER], {@code central.db.password} [CULTURECARD_CENTRAL_DB_PASSWORD],
 * {@code central.mqtt.uri} [CULTURECARD_CENTRAL_MQTT_URI], {@code central.mqtt.client-id-prefix}
 * [CULTURECARD_CENTRAL_MQTT_CLIENT_ID_PREFIX], {@code central.workers} (default 1),
 * {@code central.http.host} (default 127.0.0.1; any other address needs TLS or
 * {@code central.http.allow-plain-http=true}), {@code central.http.port} (0 = a free port),
 * {@code central.http.tls.cert} and {@code central.http.tls.key} (PEM: the API over HTTPS with HSTS),
 * the API's named tokens {@code central.api.tokens.<name>.role|secret|secret-sha256|venues}
 * ({@link TokenSettings}) and the legacy {@code central.api.read-tokens} (officer) and
 * {@code central.api.admin-tokens} (admin), comma-separated, at least 16 characters each; for an {@code ssl://} broker, {@code central.mqtt.ca-cert}
 * (the scheme CA, PEM: the only root the broker is trusted through), {@code central.mqtt.client-cert}
 * and {@code central.mqtt.client-key} (central's own certificate and key, CN {@code central}, as
 * {@code provision broker config} writes them); {@code central.report.refresh-seconds} (default 60,
 * 0 = off): how often the report rollup's dirty days are rebuilt in the background;
 * {@code central.filter.publish-seconds} (default 30, 0 = off): at most how often the enrolled-card
 * filter is republished after enrolments change (one central publishes, under a lock); and the
 * limits on what kiosks' messages may cost ({@link IngestLimits}: junk kept, quotas, retention);
 * recognition's ({@link RecognitionSettings}) and Open Badges' ({@link BadgeSettings}: {@code central.badges.*}).
 * Read through core's {@link ConfigReader}: unknown keys are refused by name, an empty value counts
 * as unset, and {@link #load} logs the effective config once with its secrets redacted.
 */
public record CentralConfig(
        String jdbcUrl,
        String dbUser,
        String dbPassword,
        String brokerUri,
        String clientIdPrefix,
        int workers,
        String httpHost,
        int httpPort,
        ApiTokens apiTokens,
        BrokerTls brokerTls,
        int reportRefreshSeconds,
        IngestLimits limits,
        HttpTls httpTls,
        int filterPublishSeconds,
        RecognitionSettings recognition,
        BadgeSettings badges) {

    public static final String JDBC_URL = "central.jdbc.url";
    public static final String DB_USER = "central.db.user";
    public static final String DB_PASSWORD = "central.db.password";
    public static final String MQTT_URI = "central.mqtt.uri";
    public static final String CLIENT_ID_PREFIX = "central.mqtt.client-id-prefix";
    public static final String WORKERS = "central.workers";
    public static final String HTTP_HOST = "central.http.host";
    public static final String HTTP_PORT = "central.http.port";
    public static final String HTTP_TLS_CERT = "central.http.tls.cert";
    public static final String HTTP_TLS_KEY = "central.http.tls.key";
    public static final String HTTP_ALLOW_PLAIN = "central.http.allow-plain-http";
    public static final String READ_TOKENS = "central.api.read-tokens";
    public static final String ADMIN_TOKENS = "central.api.admin-tokens";
    /** Named tokens: {@code central.api.tokens.<name>.role}, {@code .secret} or {@code .secret-sha256}, {@code .venues}. */
    public static final String TOKENS_PREFIX = "central.api.tokens.";
    public static final String CA_CERT = "central.mqtt.ca-cert";
    public static final String CLIENT_CERT = "central.mqtt.client-cert";
    public static final String CLIENT_KEY = "central.mqtt.client-key";
    public static final String REPORT_REFRESH_SECONDS = "central.report.refresh-seconds";
    /** How often the report rollup's dirty days are rebuilt in the background by default. */
    public static final int DEFAULT_REPORT_REFRESH_SECONDS = 60;
    public static final String FILTER_PUBLISH_SECONDS = "central.filter.publish-seconds";
    /** At most how often the enrolled-card filter is republished after changes by default. */
    public static final int DEFAULT_FILTER_PUBLISH_SECONDS = 30;

    private static final ConfigSpec SPEC = new ConfigSpec("central", "CULTURECARD_", keys(), TokenSettings::isTokenKey,
            (key, problem, cause) -> new IllegalArgumentException(key + " " + problem, cause));
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9_-]{1,40}");
    private static final String REDACTED = "<redacted>";

    public CentralConfig {
        require(JDBC_URL, jdbcUrl != null && jdbcUrl.startsWith("jdbc:postgresql:"), "must be a jdbc:postgresql: URL");
        require(DB_USER, dbUser != null && !dbUser.isBlank(), "must not be empty");
        dbPassword = dbPassword == null ? "" : dbPassword;
        require(MQTT_URI, isBrokerUri(brokerUri), "must be tcp://host:port or ssl://host:port");
        require(CLIENT_ID_PREFIX, clientIdPrefix != null && CLIENT_ID.matcher(clientIdPrefix).matches(),
                "must be 1 to 40 of [A-Za-z0-9_-]");
        require(WORKERS, workers >= 1 && workers <= 64, "must be 1 to 64");
        require(HTTP_HOST, httpHost != null && !httpHost.isBlank(), "must not be empty");
        require(HTTP_PORT, httpPort >= 0 && httpPort <= 65535, "must be 0 to 65535");
        Objects.requireNonNull(apiTokens, "apiTokens");
        brokerTls = brokerTls == null ? BrokerTls.NONE : brokerTls;
        checkTls(brokerUri, brokerTls);
        require(REPORT_REFRESH_SECONDS, reportRefreshSeconds >= 0 && reportRefreshSeconds <= 86_400,
                "must be 0 (off) to 86400 seconds");
        limits = limits == null ? IngestLimits.DEFAULTS : limits;
        httpTls = httpTls == null ? HttpTls.NONE : httpTls;
        require(FILTER_PUBLISH_SECONDS, filterPublishSeconds >= 0 && filterPublishSeconds <= 86_400,
                "must be 0 (off) to 86400 seconds");
        recognition = recognition == null ? RecognitionSettings.DEFAULTS : recognition;
        badges = badges == null ? BadgeSettings.OFF : badges;
        require(HTTP_TLS_CERT, (httpTls.cert() == null) == (httpTls.key() == null), "and " + HTTP_TLS_KEY + " go together");
        readable(HTTP_TLS_CERT, httpTls.cert());
        readable(HTTP_TLS_KEY, httpTls.key());
        require(HTTP_HOST, isLoopback(httpHost) || httpTls.enabled() || httpTls.allowPlainHttp(), "is " + httpHost
                + ", not a loopback address: set " + HTTP_TLS_CERT + " and " + HTTP_TLS_KEY + " (or put central behind a TLS"
                + " reverse proxy on this machine), or " + HTTP_ALLOW_PLAIN + "=true to serve plain HTTP on it anyway");
    }

    /** A config without Open Badges ({@link BadgeSettings#OFF}), as before they were read. */
    public CentralConfig(String jdbcUrl, String dbUser, String dbPassword, String brokerUri, String clientIdPrefix,
            int workers, String httpHost, int httpPort, ApiTokens apiTokens, BrokerTls brokerTls, int reportRefreshSeconds,
            IngestLimits limits, HttpTls httpTls, int filterPublishSeconds, RecognitionSettings recognition) {
        this(jdbcUrl, dbUser, dbPassword, brokerUri, clientIdPrefix, workers, httpHost, httpPort, apiTokens, brokerTls,
                reportRefreshSeconds, limits, httpTls, filterPublishSeconds, recognition, BadgeSettings.OFF);
    }

    /** A config for a plain {@code tcp://} broker (tests and the demo). */
    public CentralConfig(String jdbcUrl, String dbUser, String dbPassword, String brokerUri, String clientIdPrefix,
            int workers, String httpHost, int httpPort, ApiTokens apiTokens) {
        this(jdbcUrl, dbUser, dbPassword, brokerUri, clientIdPrefix, workers, httpHost, httpPort, apiTokens, BrokerTls.NONE,
                DEFAULT_REPORT_REFRESH_SECONDS, IngestLimits.DEFAULTS, HttpTls.NONE, DEFAULT_FILTER_PUBLISH_SECONDS,
                RecognitionSettings.DEFAULTS);
    }

    /** Loads the file, applies environment overrides from {@code env}, and logs the effective config. */
    public static CentralConfig load(Path file, Map<String, String> env) {
        ConfigReader reader;
        try {
            reader = ConfigReader.of(SPEC, ConfigReader.readFile(file), env);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read central config " + file, e);
        }
        CentralConfig config = from(reader);
        LoggerFactory.getLogger(CentralConfig.class).info("{}", reader.describe());
        return config;
    }

    /** Builds a config from properties plus environment overrides. */
    public static CentralConfig fromProperties(Properties file, Map<String, String> env) {
        return from(ConfigReader.of(SPEC, file, env));
    }

    private static CentralConfig from(ConfigReader v) {
        return new CentralConfig(v.string(JDBC_URL, null), v.string(DB_USER, null), v.string(DB_PASSWORD, ""),
                v.string(MQTT_URI, null), v.string(CLIENT_ID_PREFIX, "central"), v.integer(WORKERS, 1),
                v.string(HTTP_HOST, "127.0.0.1"), v.integer(HTTP_PORT, 8080), TokenSettings.parse(v.values()),
                new BrokerTls(v.path(CA_CERT), v.path(CLIENT_CERT), v.path(CLIENT_KEY)),
                v.integer(REPORT_REFRESH_SECONDS, DEFAULT_REPORT_REFRESH_SECONDS), IngestLimits.from(v),
                new HttpTls(v.path(HTTP_TLS_CERT), v.path(HTTP_TLS_KEY), v.bool(HTTP_ALLOW_PLAIN, false)),
                v.integer(FILTER_PUBLISH_SECONDS, DEFAULT_FILTER_PUBLISH_SECONDS), RecognitionSettings.from(v),
                BadgeSettings.from(v));
    }

    /** The environment variable that overrides {@code key}, e.g. CULTURECARD_CENTRAL_JDBC_URL. */
    public static String envName(String key) {
        return SPEC.envName(key);
    }

    /** The settings as they are in effect, secrets redacted: safe to log. */
    public String describe() {
        return "jdbcUrl=" + redactUrl(jdbcUrl) + ", dbUser=" + dbUser + ", dbPassword="
                + (dbPassword.isEmpty() ? "(none)" : REDACTED) + ", brokerUri=" + brokerUri + ", clientIdPrefix="
                + clientIdPrefix + ", workers=" + workers + ", http=" + httpHost + ":" + httpPort + " " + httpTls + ", apiTokens=" + apiTokens
                + ", brokerTls=" + brokerTls + ", reportRefreshSeconds=" + reportRefreshSeconds + ", filterPublishSeconds="
                + filterPublishSeconds + ", " + limits + ", " + recognition + ", " + badges;
    }

    @Override
    public String toString() {
        return "CentralConfig[" + describe() + "]";
    }

    /** This config with {@code changes} made to a builder holding its values, validated again. */
    public CentralConfig with(Consumer<CentralConfigBuilder> changes) {
        CentralConfigBuilder builder = new CentralConfigBuilder(this);
        changes.accept(builder);
        return builder.build();
    }

    private static Set<String> keys() {
        Set<String> keys = new java.util.HashSet<>(Set.of(JDBC_URL, DB_USER, DB_PASSWORD, MQTT_URI, CLIENT_ID_PREFIX, WORKERS,
                HTTP_HOST, HTTP_PORT, HTTP_TLS_CERT, HTTP_TLS_KEY, HTTP_ALLOW_PLAIN, READ_TOKENS, ADMIN_TOKENS, CA_CERT, CLIENT_CERT, CLIENT_KEY, REPORT_REFRESH_SECONDS,
                FILTER_PUBLISH_SECONDS));
        keys.addAll(IngestLimits.KEYS);
        keys.addAll(RecognitionSettings.KEYS);
        keys.addAll(BadgeSettings.KEYS);
        return keys;
    }

    /** A loopback literal (127.0.0.0/8, ::1) or localhost; no name is looked up. */
    static boolean isLoopback(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return "localhost".equalsIgnoreCase(h) || "::1".equals(h) || "0:0:0:0:0:0:0:1".equals(h)
                || h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }

    private static String redactUrl(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1" + REDACTED);
    }

    static void require(String key, boolean ok, String rule) {
        if (!ok) {
            throw new IllegalArgumentException(key + " " + rule);
        }
    }

    /**
     * The HTTP API's named bearer tokens ({@link ApiToken}: name, role, SHA-256 of the secret,
     * venues). The legacy lists {@code central.api.read-tokens} and {@code central.api.admin-tokens}
     * still work, as officer and admin tokens named {@code read-token-N} and {@code admin-token-N}.
     */
    public record ApiTokens(List<ApiToken> tokens) {
        public ApiTokens {
            tokens = List.copyOf(tokens);
            Set<String> names = new java.util.HashSet<>();
            for (ApiToken token : tokens) {
                require(TOKENS_PREFIX + token.name(), names.add(token.name()), "is named twice");
            }
        }

        /** Officer tokens and admin tokens from their secrets (tests, the demo, the legacy keys). */
        public ApiTokens(Set<String> officer, Set<String> admin) {
            this(TokenSettings.legacy(officer, admin));
        }

        @Override
        public String toString() {
            return "ApiTokens[" + tokens.stream().map(t -> t.name() + "=" + t.role().code()).collect(Collectors.joining(", "))
                    + ", secrets " + REDACTED + "]";
        }
    }

    /**
     * The API's own TLS: the server certificate (chain) and its key, PEM, both or neither; and
     * whether plain HTTP may be served on a non-loopback address anyway (behind a network that
     * the operator trusts, which ADR 0016 advises against).
     */
    public record HttpTls(Path cert, Path key, boolean allowPlainHttp) {
        /** Plain HTTP, on loopback only. */
        public static final HttpTls NONE = new HttpTls(null, null, false);

        /** True when the API is served over HTTPS. */
        public boolean enabled() {
            return cert != null;
        }

        @Override
        public String toString() {
            return enabled() ? "https[cert=" + cert + ", key=" + key + "]" : allowPlainHttp ? "plain-http-allowed" : "plain-http";
        }
    }

    /**
     * PEM files for TLS towards the broker; all null for a plain {@code tcp://} broker. The private
     * key's path is shown in logs, never its contents.
     */
    public record BrokerTls(Path caCert, Path clientCert, Path clientKey) {
        /** No TLS. */
        public static final BrokerTls NONE = new BrokerTls(null, null, null);

        /** True when the broker is reached over TLS. */
        public boolean enabled() {
            return caCert != null;
        }

        @Override
        public String toString() {
            return enabled() ? "[ca=" + caCert + ", cert=" + clientCert + ", key=" + clientKey + "]" : "none";
        }
    }
}
