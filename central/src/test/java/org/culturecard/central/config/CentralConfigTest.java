package org.culturecard.central.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.culturecard.core.ids.VenueId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CentralConfigTest {

    private static Properties valid() {
        Properties p = new Properties();
        p.setProperty("central.jdbc.url", "jdbc:postgresql://127.0.0.1:5432/central");
        p.setProperty("central.db.user", "central");
        p.setProperty("central.db.password", "s3cret-db-password");
        p.setProperty("central.mqtt.uri", "tcp://127.0.0.1:1883");
        p.setProperty("central.api.read-tokens", "read-token-0123456789");
        p.setProperty("central.api.admin-tokens", "admin-token-0123456789");
        return p;
    }

    @Test
    void loadsAFileWithDefaultsForOptionalKeys(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("central.properties");
        try (var out = Files.newBufferedWriter(file)) {
            valid().store(out, null);
        }
        CentralConfig config = CentralConfig.load(file, Map.of());
        assertThat(config.workers()).isEqualTo(1);
        assertThat(config.clientIdPrefix()).isEqualTo("central");
        assertThat(config.httpHost()).isEqualTo("127.0.0.1");
        assertThat(config.apiTokens().tokens()).extracting(ApiToken::name, ApiToken::role, ApiToken::secretSha256)
                .containsExactly(tuple("read-token-1", Role.OFFICER, ApiToken.sha256Hex("read-token-0123456789")),
                        tuple("admin-token-1", Role.ADMIN, ApiToken.sha256Hex("admin-token-0123456789")));
        assertThat(config.reportRefreshSeconds()).isEqualTo(60);
    }

    @Test
    void environmentOverridesTheFile() {
        CentralConfig config = CentralConfig.fromProperties(valid(), Map.of(
                "CULTURECARD_CENTRAL_WORKERS", "3",
                "CULTURECARD_CENTRAL_MQTT_URI", "tcp://broker:1884",
                "CULTURECARD_CENTRAL_MQTT_CLIENT_ID_PREFIX", "node-b"));
        assertThat(config.workers()).isEqualTo(3);
        assertThat(config.brokerUri()).isEqualTo("tcp://broker:1884");
        assertThat(config.clientIdPrefix()).isEqualTo("node-b");
    }

    @Test
    void namesTheBadKey() {
        Properties p = valid();
        p.setProperty("central.workers", "many");
        assertThatThrownBy(() -> CentralConfig.fromProperties(p, Map.of())).hasMessageContaining("central.workers");
        Properties q = valid();
        q.setProperty("central.mqtt.uri", "mqtt:nowhere");
        assertThatThrownBy(() -> CentralConfig.fromProperties(q, Map.of())).hasMessageStartingWith("central.mqtt.uri");
        Properties r = valid();
        r.remove("central.jdbc.url");
        assertThatThrownBy(() -> CentralConfig.fromProperties(r, Map.of())).hasMessageStartingWith("central.jdbc.url");
        Properties refresh = valid();
        refresh.setProperty("central.report.refresh-seconds", "-1");
        assertThatThrownBy(() -> CentralConfig.fromProperties(refresh, Map.of()))
                .hasMessageStartingWith("central.report.refresh-seconds");
        Properties s = valid();
        s.setProperty("central.api.read-tokens", "short");
        assertThatThrownBy(() -> CentralConfig.fromProperties(s, Map.of()))
                .hasMessageStartingWith("central.api.read-tokens").hasMessageNotContaining("short,");
    }

    @Test
    void theFilterPublishIntervalDefaultsTo30SecondsAndIsBounded() {
        assertThat(CentralConfig.fromProperties(valid(), Map.of()).filterPublishSeconds()).isEqualTo(30);
        Properties p = valid();
        p.setProperty("central.filter.publish-seconds", "0");
        assertThat(CentralConfig.fromProperties(p, Map.of()).filterPublishSeconds()).as("off").isZero();
        p.setProperty("central.filter.publish-seconds", "86401");
        assertThatThrownBy(() -> CentralConfig.fromProperties(p, Map.of())).hasMessageStartingWith("central.filter.publish-seconds");
        assertThat(CentralConfig.fromProperties(valid(), Map.of()).with(b -> b.filterPublishSeconds(5)).filterPublishSeconds())
                .isEqualTo(5);
    }

    @Test
    void readsNamedTokensWithTheirRolesAndVenues() {
        Properties p = valid();
        p.setProperty("central.api.tokens.museum-x-manager.role", "venue-manager");
        p.setProperty("central.api.tokens.museum-x-manager.secret", "manager-secret-0123456789");
        p.setProperty("central.api.tokens.museum-x-manager.venues", "museum-x, gallery-y");
        p.setProperty("central.api.tokens.audit-desk.role", "auditor");
        p.setProperty("central.api.tokens.audit-desk.secret-sha256", ApiToken.sha256Hex("auditor-secret-0123456789"));
        CentralConfig config = CentralConfig.fromProperties(p, Map.of());
        assertThat(config.apiTokens().tokens()).extracting(ApiToken::name, ApiToken::role, ApiToken::venues).contains(
                tuple("museum-x-manager", Role.VENUE_MANAGER, Set.of(VenueId.of("museum-x"), VenueId.of("gallery-y"))),
                tuple("audit-desk", Role.AUDITOR, Set.of()));
        assertThat(config.describe()).contains("audit-desk=auditor").doesNotContain("secret-0123456789")
                .doesNotContain(ApiToken.sha256Hex("auditor-secret-0123456789"));
    }

    @Test
    void aBadNamedTokenIsRefusedNamingTheKey() {
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("central.api.tokens.x.role=boss", "central.api.tokens.x.role is one of");
        bad.put("central.api.tokens.x.secret=short", "central.api.tokens.x.role is required");
        bad.put("central.api.tokens.x.role=officer", "central.api.tokens.x.secret or central.api.tokens.x.secret-sha256 is required");
        bad.put("central.api.tokens.x.role=officer|central.api.tokens.x.secret=short", "central.api.tokens.x.secret needs at least");
        bad.put("central.api.tokens.x.role=officer|central.api.tokens.x.secret-sha256=ABC", "central.api.tokens.x.secret-sha256 must");
        bad.put("central.api.tokens.x.role=venue-manager|central.api.tokens.x.secret=long-enough-secret-123",
                "central.api.tokens.x.venues is required for a venue manager");
        bad.put("central.api.tokens.x.role=officer|central.api.tokens.x.secret=long-enough-secret-123"
                + "|central.api.tokens.x.venues=v1", "central.api.tokens.x.venues is only for a venue manager");
        bad.put("central.api.tokens.x.role=venue-manager|central.api.tokens.x.secret=long-enough-secret-123"
                + "|central.api.tokens.x.venues=Bad Venue", "central.api.tokens.x.venues has a bad venue id");
        bad.put("central.api.tokens.Bad_Name.role=officer", "central.api.tokens.Bad_Name has a bad name");
        bad.put("central.api.tokens.x.colour=red", "central.api.tokens.x.colour is not a central setting");
        bad.forEach((settings, message) -> {
            Properties p = valid();
            for (String setting : settings.split("\\|")) {
                String[] kv = setting.split("=", 2);
                p.setProperty(kv[0], kv[1]);
            }
            assertThatThrownBy(() -> CentralConfig.fromProperties(p, Map.of())).as(settings).hasMessageStartingWith(message)
                    .hasMessageNotContaining("long-enough-secret");
        });
    }

    @Test
    void bindsLoopbackByDefaultAndAnotherAddressOnlyWithTlsOrConsent(@TempDir Path dir) throws Exception {
        assertThat(CentralConfig.fromProperties(valid(), Map.of()).httpHost()).isEqualTo("127.0.0.1");
        Properties open = valid();
        open.setProperty("central.http.host", "0.0.0.0");
        assertThatThrownBy(() -> CentralConfig.fromProperties(open, Map.of())).hasMessageStartingWith("central.http.host is 0.0.0.0")
                .hasMessageContaining("central.http.tls.cert").hasMessageContaining("central.http.allow-plain-http");
        open.setProperty("central.http.allow-plain-http", "true");
        assertThat(CentralConfig.fromProperties(open, Map.of()).httpTls().allowPlainHttp()).isTrue();
        open.setProperty("central.http.allow-plain-http", "yes");
        assertThatThrownBy(() -> CentralConfig.fromProperties(open, Map.of())).hasMessageStartingWith("central.http.allow-plain-http");
        open.remove("central.http.allow-plain-http");
        open.setProperty("central.http.tls.cert", Files.writeString(dir.resolve("c.pem"), "x").toString());
        assertThatThrownBy(() -> CentralConfig.fromProperties(open, Map.of())).hasMessageStartingWith("central.http.tls.cert and");
        open.setProperty("central.http.tls.key", Files.writeString(dir.resolve("k.pem"), "x").toString());
        assertThat(CentralConfig.fromProperties(open, Map.of()).httpTls().enabled()).isTrue();
        for (String loopback : new String[] {"127.0.0.1", "127.1.2.3", "localhost", "::1", "[::1]"}) {
            assertThat(CentralConfig.isLoopback(loopback)).as(loopback).isTrue();
        }
        for (String other : new String[] {"0.0.0.0", "::", "10.0.0.1", "127.0.0.1.example.org", "central"}) {
            assertThat(CentralConfig.isLoopback(other)).as(other).isFalse();
        }
    }

    @Test
    void aMisspeltKeyIsNamedNotIgnored() {
        Properties p = valid();
        p.setProperty("central.mqtt.client-crt", "/etc/culturecard/central/central.crt");
        assertThatThrownBy(() -> CentralConfig.fromProperties(p, Map.of()))
                .hasMessageStartingWith("central.mqtt.client-crt is not a central setting")
                .hasMessageContaining("central.mqtt.client-cert");
    }

    @Test
    void describesItselfWithoutSecrets() {
        CentralConfig config = CentralConfig.fromProperties(valid(), Map.of());
        assertThat(config.describe()).contains("workers=1", "tcp://127.0.0.1:1883")
                .doesNotContain("s3cret-db-password", "read-token-0123456789", "admin-token-0123456789");
        assertThat(config.toString()).doesNotContain("s3cret-db-password", "read-token-0123456789");
    }

    @Test
    void anSslBrokerTakesTheSchemeCaAndCentralsCertificateAndKey(@TempDir Path dir) throws Exception {
        Properties p = tls(valid(), dir);
        CentralConfig config = CentralConfig.fromProperties(p, Map.of());
        assertThat(config.brokerTls().enabled()).isTrue();
        assertThat(config.brokerTls().clientCert()).isEqualTo(dir.resolve("central.crt"));
        assertThat(config.describe()).contains("ssl://localhost:8883", "central.key").doesNotContain("PRIVATE KEY");
    }

    @Test
    void tlsSettingsMustFitTheBrokerAndEachOther(@TempDir Path dir) throws Exception {
        Properties noCa = tls(valid(), dir);
        noCa.remove("central.mqtt.ca-cert");
        assertThatThrownBy(() -> CentralConfig.fromProperties(noCa, Map.of())).hasMessageStartingWith("central.mqtt.ca-cert");
        Properties plainBroker = tls(valid(), dir);
        plainBroker.setProperty("central.mqtt.uri", "tcp://localhost:1883");
        assertThatThrownBy(() -> CentralConfig.fromProperties(plainBroker, Map.of())).hasMessageStartingWith("central.mqtt.uri");
        Properties certWithoutKey = tls(valid(), dir);
        certWithoutKey.remove("central.mqtt.client-key");
        assertThatThrownBy(() -> CentralConfig.fromProperties(certWithoutKey, Map.of()))
                .hasMessageStartingWith("central.mqtt.client-key");
        Properties missingFile = tls(valid(), dir);
        missingFile.setProperty("central.mqtt.client-cert", dir.resolve("nowhere.crt").toString());
        assertThatThrownBy(() -> CentralConfig.fromProperties(missingFile, Map.of()))
                .hasMessageStartingWith("central.mqtt.client-cert").hasMessageContaining("nowhere.crt");
    }

    private static Properties tls(Properties p, Path dir) throws Exception {
        for (String file : new String[] {"ca.crt", "central.crt", "central.key"}) {
            Files.writeString(dir.resolve(file), "PEM placeholder: the config checks only that the file is readable");
        }
        p.setProperty("central.mqtt.uri", "ssl://localhost:8883");
        p.setProperty("central.mqtt.ca-cert", dir.resolve("ca.crt").toString());
        p.setProperty("central.mqtt.client-cert", dir.resolve("central.crt").toString());
        p.setProperty("central.mqtt.client-key", dir.resolve("central.key").toString());
        return p;
    }

    @Test
    void ingestLimitsHaveDefaultsAndABadOneNamesItsKey() {
        java.util.Properties p = new java.util.Properties();
        p.setProperty(CentralConfig.JDBC_URL, "jdbc:postgresql://localhost/x");
        p.setProperty(CentralConfig.DB_USER, "central");
        p.setProperty(CentralConfig.MQTT_URI, "tcp://localhost:1883");
        assertThat(CentralConfig.fromProperties(p, java.util.Map.of()).limits()).isEqualTo(IngestLimits.DEFAULTS);
        p.setProperty(IngestLimits.CHECKIN_RETENTION_DAYS, "400");
        assertThat(CentralConfig.fromProperties(p, java.util.Map.of()).limits().checkInRetentionDays()).isEqualTo(400);
        p.setProperty(IngestLimits.JUNK_BYTES, "10");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CentralConfig.fromProperties(p, java.util.Map.of()))
                .hasMessageStartingWith("central.dead-letters.junk-bytes ");
        p.setProperty(IngestLimits.JUNK_BYTES, "lots");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CentralConfig.fromProperties(p, java.util.Map.of()))
                .hasMessageContaining("central.dead-letters.junk-bytes must be a whole number");
    }
}
