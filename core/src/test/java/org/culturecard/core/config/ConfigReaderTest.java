package org.culturecard.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One reader for the three apps: file, environment overlay, typed getters naming the key, unknown keys refused, secrets redacted. */
class ConfigReaderTest {
    /** The app's own exception, as each loader has one. */
    static final class BadSetting extends IllegalArgumentException {
        final String key;

        BadSetting(String key, String problem, Throwable cause) {
            super(key + ": " + problem, cause);
            this.key = key;
        }
    }

    enum Mode { KIOSK, WINDOWED_DEMO }

    private static final ConfigSpec SPEC = new ConfigSpec("test", "CULTURECARD_TEST_",
            Set.of("broker.uri", "ack.timeout", "batch.max-records", "disk.budget", "tls.ca-cert", "kiosk.mode",
                    "display.mode", "broker.password", "api.tokens", "tls.client-key", "name"),
            key -> key.startsWith("tokens."), BadSetting::new);

    @TempDir
    Path dir;

    private static Properties props(String... keysAndValues) {
        Properties p = new Properties();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            p.setProperty(keysAndValues[i], keysAndValues[i + 1]);
        }
        return p;
    }

    @Test
    void readsAFileAndLetsTheEnvironmentWinTrimmingValuesAndTreatingEmptyAsUnset() throws Exception {
        Path file = Files.writeString(dir.resolve("app.properties"), "broker.uri = tcp://a:1883\nname=Żółw\nack.timeout=10s\ndisk.budget=\n");

        ConfigReader reader = ConfigReader.of(SPEC, ConfigReader.readFile(file),
                Map.of("CULTURECARD_TEST_BROKER_URI", " tcp://b:1884 ", "CULTURECARD_TEST_BATCH_MAX_RECORDS", "50", "OTHER", "x"));

        assertThat(reader.string("broker.uri")).isEqualTo("tcp://b:1884");
        assertThat(reader.string("name")).isEqualTo("Żółw");
        assertThat(reader.duration("ack.timeout", Duration.ZERO)).isEqualTo(Duration.ofSeconds(10));
        assertThat(reader.integer("batch.max-records", 100)).isEqualTo(50);
        assertThat(reader.bytes("disk.budget", 7)).isEqualTo(7);
        assertThat(reader.path("tls.ca-cert")).isNull();
        assertThat(reader.values()).containsOnlyKeys("broker.uri", "name", "ack.timeout", "batch.max-records");
    }

    @Test
    void typedGettersReadTheirTypesAndNameTheKeyOfABadValue() {
        ConfigReader reader = ConfigReader.of(SPEC, props("batch.max-records", "lots", "ack.timeout", "forever",
                "disk.budget", "200MB", "kiosk.mode", "yes", "display.mode", "windowed-demo", "tls.ca-cert", "/etc/ca.pem"), Map.of());

        assertThat(reader.bytes("disk.budget", 0)).isEqualTo(200L << 20);
        assertThat(reader.enumValue("display.mode", Mode.class, Mode.KIOSK)).isEqualTo(Mode.WINDOWED_DEMO);
        assertThat(reader.path("tls.ca-cert")).isEqualTo(Path.of("/etc/ca.pem"));
        assertBad(() -> reader.integer("batch.max-records", 1), "batch.max-records", "must be a whole number, not 'lots'");
        assertBad(() -> reader.duration("ack.timeout", Duration.ZERO), "ack.timeout", "must be a duration");
        assertBad(() -> reader.bool("kiosk.mode", true), "kiosk.mode", "must be true or false, not \"yes\"");
        assertBad(() -> reader.string("name"), "name", "is required (or set CULTURECARD_TEST_NAME)");
        assertBad(() -> reader.parsed("tls.ca-cert", text -> {
            throw new IllegalArgumentException("not a CA");
        }), "tls.ca-cert", "not a CA");
        ConfigReader other = ConfigReader.of(SPEC, props("display.mode", "tv", "disk.budget", "9999999999GB"), Map.of());
        assertBad(() -> other.enumValue("display.mode", Mode.class, Mode.KIOSK), "display.mode", "must be one of [kiosk, windowed-demo], not tv");
        assertBad(() -> other.bytes("disk.budget", 0), "disk.budget", "must be a size in bytes");
    }

    @Test
    void refusesAnUnknownKeyByNameWithTheNearestKnownOne() {
        assertBad(() -> ConfigReader.of(SPEC, props("ack.timout", "5s"), Map.of()), "ack.timout",
                "is not a test setting (did you mean ack.timeout? known: ");
        assertBad(() -> ConfigReader.of(SPEC, props("colour", "red"), Map.of()), "colour", "is not a test setting (known: ");
        assertThat(ConfigReader.of(SPEC, props("tokens.desk.role", "admin"), Map.of()).string("tokens.desk.role"))
                .as("a key of a known family").isEqualTo("admin");
    }

    @Test
    void describesTheEffectiveConfigWithSecretsRedactedAndWhereEachCameFrom() {
        ConfigReader reader = ConfigReader.of(SPEC, props("broker.password", "s3cret-pass", "api.tokens", "token-0123456789abcdef",
                "tls.client-key", "/etc/k.pem", "name", "Hall"), Map.of("CULTURECARD_TEST_BROKER_URI", "tcp://kiosk:pw@b:1884"));

        assertThat(reader.describe()).isEqualTo("test config:\n  api.tokens = (redacted)\n  broker.password = (redacted)\n"
                + "  broker.uri = tcp://kiosk:(redacted)@b:1884 (from CULTURECARD_TEST_BROKER_URI)\n  name = Hall\n  tls.client-key = (redacted)");
        assertThat(ConfigReader.describe("Cfg", "name", "Hall", "broker.password", "pw", "tls.ca-cert", null,
                "jdbc.url", "jdbc:postgresql://db/cc?user=c&password=pw&ssl=true"))
                .isEqualTo("Cfg\n  name = Hall\n  broker.password = (redacted)\n  tls.ca-cert = (unset)\n"
                        + "  jdbc.url = jdbc:postgresql://db/cc?user=c&password=(redacted)&ssl=true");
    }

    @Test
    void namesTheEnvironmentVariableOfAKey() {
        assertThat(SPEC.envName("batch.max-records")).isEqualTo("CULTURECARD_TEST_BATCH_MAX_RECORDS");
    }

    // Moved from sync-agent's SyncConfigTest with Durations (assertions unchanged).
    @Test
    void readsDurationsAsPeopleWriteThem() {
        assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(Durations.parse("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(Durations.parse("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(Durations.parse("30d")).isEqualTo(Duration.ofDays(30));
        assertThat(Durations.parse("PT1M30S")).isEqualTo(Duration.ofSeconds(90));
    }

    private static void assertBad(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String key, String problem) {
        assertThatThrownBy(call).isInstanceOfSatisfying(BadSetting.class, e -> assertThat(e.key).isEqualTo(key))
                .hasMessageContaining(key + ": " + problem);
    }
}
