package org.culturecard.central.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
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
        assertThat(config.apiTokens().readOnly()).containsExactly("read-token-0123456789");
        assertThat(config.apiTokens().admin()).containsExactly("admin-token-0123456789");
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
