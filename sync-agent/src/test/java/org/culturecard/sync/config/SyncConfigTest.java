package org.culturecard.sync.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncConfigTest {
    @TempDir
    Path dir;

    private static Properties minimal() {
        Properties p = new Properties();
        p.setProperty("broker.uri", "tcp://broker.example:1883");
        p.setProperty("kiosk.id", "kiosk-1");
        p.setProperty("venue.id", "central-library");
        p.setProperty("database.path", "/var/lib/culturecard/kiosk.db");
        return p;
    }

    @Test
    void fillsInTheDefaults() {
        SyncConfig config = SyncConfig.fromProperties(minimal(), Map.of());

        assertThat(config.brokerUri()).isEqualTo(URI.create("tcp://broker.example:1883"));
        assertThat(config.keepAliveSeconds()).isEqualTo(30);
        assertThat(config.ackTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.batchMaxRecords()).isEqualTo(100);
        assertThat(config.batchMaxBytes()).isEqualTo(64 * 1024);
        assertThat(config.backoffMin()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.backoffMax()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.purgeAfter()).isEqualTo(Duration.ofDays(30));
        assertThat(config.tlsConfigured()).isFalse();
    }

    @Test
    void changesOnlyWhatItIsToldAndChecksTheResultAgain() {
        SyncConfig loaded = SyncConfig.fromProperties(minimal(), Map.of());

        SyncConfig changed = loaded.with(b -> b.ackTimeout(Duration.ofSeconds(2)).batchLimits(5, 4096));

        assertThat(changed).isEqualTo(SyncConfig.builder(loaded.brokerUri(), loaded.kioskId(), loaded.venueId(),
                loaded.databasePath()).ackTimeout(Duration.ofSeconds(2)).batchLimits(5, 4096).build());
        assertThat(changed.backoffMax()).isEqualTo(loaded.backoffMax());
        assertThat(loaded.ackTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThatThrownBy(() -> loaded.with(b -> b.backoff(Duration.ofSeconds(5), Duration.ofSeconds(1))))
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining("backoff.max");
    }

    @Test
    void loadsAFileAndLetsTheEnvironmentOverrideIt() throws Exception {
        Path file = dir.resolve("sync.properties");
        Files.writeString(file, "broker.uri=tcp://a:1883\nkiosk.id=kiosk-1\nvenue.id=v-1\ndatabase.path=/tmp/k.db\nack.timeout=10s\n");

        SyncConfig config = SyncConfig.load(file, Map.of(
                "CULTURECARD_SYNC_BROKER_URI", "tcp://b:1884",
                "CULTURECARD_SYNC_BATCH_MAX_RECORDS", "50",
                "CULTURECARD_SYNC_BACKOFF_MAX", "PT2M",
                "UNRELATED", "x"));

        assertThat(config.brokerUri()).isEqualTo(URI.create("tcp://b:1884"));
        assertThat(config.ackTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.batchMaxRecords()).isEqualTo(50);
        assertThat(config.backoffMax()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void namesAMissingKeyAndItsVariable() {
        Properties p = minimal();
        p.remove("kiosk.id");

        assertThatThrownBy(() -> SyncConfig.fromProperties(p, Map.of()))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.key()).isEqualTo("kiosk.id"))
                .hasMessageContaining("CULTURECARD_SYNC_KIOSK_ID");
    }

    @Test
    void namesTheKeyOfAnInvalidValue() {
        assertInvalid("kiosk.id", "Kiosk_1");
        assertInvalid("venue.id", "-x");
        assertInvalid("broker.uri", "http://broker:80");
        assertInvalid("broker.uri", "not a uri");
        assertInvalid("keepalive.seconds", "soon");
        assertInvalid("keepalive.seconds", "0");
        assertInvalid("ack.timeout", "forever");
        assertInvalid("ack.timeout", "0s");
        assertInvalid("batch.max-records", "101");
        assertInvalid("batch.max-bytes", "70000");
        assertInvalid("backoff.max", "500ms");
        assertInvalid("tls.ca-cert", dir.resolve("absent.pem").toString());
    }

    @Test
    void refusesAnUnknownKeyAsATypo() {
        Properties p = minimal();
        p.setProperty("ack.timout", "5s");

        assertThatThrownBy(() -> SyncConfig.fromProperties(p, Map.of()))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.key()).isEqualTo("ack.timout"));
    }

    @Test
    void requiresTheClientKeyWithTheClientCertificate() throws Exception {
        Path cert = Files.writeString(dir.resolve("kiosk.pem"), "-----BEGIN CERTIFICATE-----\n");
        Properties p = minimal();
        p.setProperty("tls.client-cert", cert.toString());

        assertThatThrownBy(() -> SyncConfig.fromProperties(p, Map.of()))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.key()).isEqualTo("tls.client-key"));
    }

    @Test
    void readsTheDiskBudgetInBytesOrWithAUnit() {
        assertThat(SyncConfig.fromProperties(minimal(), Map.of()).diskBudgetBytes()).isEqualTo(1L << 30);
        Properties p = minimal();
        p.setProperty("disk.budget", "200MB");
        assertThat(SyncConfig.fromProperties(p, Map.of()).diskBudgetBytes()).isEqualTo(200L << 20);
        p.setProperty("disk.budget", "2gb");
        assertThat(SyncConfig.fromProperties(p, Map.of()).diskBudgetBytes()).isEqualTo(2L << 30);
        p.setProperty("disk.budget", "5000000");
        assertThat(SyncConfig.fromProperties(p, Map.of()).diskBudgetBytes()).isEqualTo(5_000_000L);
        assertInvalid("disk.budget", "lots");
        assertInvalid("disk.budget", "10KB");
    }

    @Test
    void tlsFilesNeedAnSslBrokerUriAndTheCaWithAClientCertificate() throws Exception {
        Path pem = Files.writeString(dir.resolve("any.pem"), "-----BEGIN CERTIFICATE-----\n");
        Properties overTcp = minimal();
        overTcp.setProperty("tls.ca-cert", pem.toString());
        assertThatThrownBy(() -> SyncConfig.fromProperties(overTcp, Map.of()))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.key()).isEqualTo("broker.uri"));

        Properties noCa = minimal();
        noCa.setProperty("broker.uri", "ssl://broker.example:8883");
        noCa.setProperty("tls.client-cert", pem.toString());
        noCa.setProperty("tls.client-key", pem.toString());
        assertThatThrownBy(() -> SyncConfig.fromProperties(noCa, Map.of()))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.key()).isEqualTo("tls.ca-cert"));

        noCa.setProperty("tls.ca-cert", pem.toString());
        assertThat(SyncConfig.fromProperties(noCa, Map.of()).tlsConfigured()).isTrue();
    }

    @Test
    void redactsThePasswordWhenPrinted() {
        Properties p = minimal();
        p.setProperty("broker.username", "kiosk-1");
        p.setProperty("broker.password", "s3cret-pass");

        String shown = SyncConfig.fromProperties(p, Map.of()).toString();

        assertThat(shown).doesNotContain("s3cret-pass").contains("broker.password = (redacted)")
                .contains("broker.uri = tcp://broker.example:1883");
    }

    private void assertInvalid(String key, String value) {
        Properties p = minimal();
        p.setProperty(key, value);
        assertThatThrownBy(() -> SyncConfig.fromProperties(p, Map.of()))
                .as("%s=%s", key, value)
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.key()).isEqualTo(key))
                .hasMessageContaining(key);
    }
}
