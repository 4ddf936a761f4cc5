package org.culturecard.central.config;

import org.culturecard.central.config.CentralConfig.HttpTls;

/**
 * Changes the values tests, the demo and tools vary ({@link CentralConfig#with}); {@link #build}
 * validates the result as loading does. Not thread-safe: one caller builds one config.
 */
public final class CentralConfigBuilder {
    private final CentralConfig from;
    private int workers;
    private String httpHost;
    private int httpPort;
    private HttpTls httpTls;
    private int reportRefreshSeconds;
    private IngestLimits limits;
    private int filterPublishSeconds;
    private RecognitionSettings recognition;
    private BadgeSettings badges;

    CentralConfigBuilder(CentralConfig c) {
        from = c;
        workers = c.workers();
        httpHost = c.httpHost();
        httpPort = c.httpPort();
        httpTls = c.httpTls();
        reportRefreshSeconds = c.reportRefreshSeconds();
        limits = c.limits();
        filterPublishSeconds = c.filterPublishSeconds();
        recognition = c.recognition();
        badges = c.badges();
    }

    /** {@value CentralConfig#WORKERS}. */
    public CentralConfigBuilder workers(int count) {
        workers = count;
        return this;
    }

    /** {@value CentralConfig#HTTP_PORT} (0: a free port). */
    public CentralConfigBuilder httpPort(int port) {
        httpPort = port;
        return this;
    }

    /** {@value CentralConfig#HTTP_HOST} and the API's own TLS. */
    public CentralConfigBuilder http(String host, HttpTls tls) {
        httpHost = host;
        httpTls = tls;
        return this;
    }

    /** {@value CentralConfig#REPORT_REFRESH_SECONDS} (0: only when a report asks). */
    public CentralConfigBuilder reportRefreshSeconds(int seconds) {
        reportRefreshSeconds = seconds;
        return this;
    }

    /** The limits on what kiosks' messages may cost. */
    public CentralConfigBuilder limits(IngestLimits newLimits) {
        limits = newLimits;
        return this;
    }

    /** {@value CentralConfig#FILTER_PUBLISH_SECONDS} (0: never). */
    public CentralConfigBuilder filterPublishSeconds(int seconds) {
        filterPublishSeconds = seconds;
        return this;
    }

    /** Recognition's achievements file and evaluation interval. */
    public CentralConfigBuilder recognition(RecognitionSettings settings) {
        recognition = settings;
        return this;
    }

    /** Open Badges' key, public URL and issuer ({@link BadgeSettings#OFF}: none). */
    public CentralConfigBuilder badges(BadgeSettings settings) {
        badges = settings;
        return this;
    }

    /** The config, validated. */
    public CentralConfig build() {
        return new CentralConfig(from.jdbcUrl(), from.dbUser(), from.dbPassword(), from.brokerUri(), from.clientIdPrefix(),
                workers, httpHost, httpPort, from.apiTokens(), from.brokerTls(), reportRefreshSeconds, limits, httpTls,
                filterPublishSeconds, recognition, badges);
    }
}
