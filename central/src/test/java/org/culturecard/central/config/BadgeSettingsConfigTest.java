package org.culturecard.central.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** {@code central.badges.*} as CentralConfig reads them: defaults, values, and a bad value naming its key. */
class BadgeSettingsConfigTest {

    private static Properties valid() {
        Properties p = new Properties();
        p.setProperty(CentralConfig.JDBC_URL, "jdbc:postgresql://127.0.0.1:5432/central");
        p.setProperty(CentralConfig.DB_USER, "central");
        p.setProperty(CentralConfig.MQTT_URI, "tcp://127.0.0.1:1883");
        return p;
    }

    @Test
    void badgesAreOffWithoutAKeyFile() {
        CentralConfig config = CentralConfig.fromProperties(valid(), Map.of());
        assertThat(config.badges()).isEqualTo(BadgeSettings.OFF);
        assertThat(config.badges().enabled()).isFalse();
        assertThat(config.describe()).contains("badges[off]");
    }

    @Test
    void readsEveryBadgeKey() {
        Properties p = valid();
        p.setProperty(BadgeSettings.KEY_FILE, "/etc/culturecard/badge.key");
        p.setProperty(BadgeSettings.PUBLIC_URL, "https://badges.example.org/cc");
        p.setProperty(BadgeSettings.ISSUER, "https");
        p.setProperty(BadgeSettings.ISSUER_NAME, "Cultural Partnership");
        p.setProperty(BadgeSettings.PUBLISHED_KEY_FILES, " /etc/culturecard/old1.key , /etc/culturecard/old2.key");
        BadgeSettings badges = CentralConfig.fromProperties(p, Map.of()).badges();
        assertThat(badges).isEqualTo(new BadgeSettings(Path.of("/etc/culturecard/badge.key"),
                URI.create("https://badges.example.org/cc"), "https", "Cultural Partnership",
                List.of(Path.of("/etc/culturecard/old1.key"), Path.of("/etc/culturecard/old2.key"))));
        assertThat(CentralConfig.fromProperties(p, Map.of()).describe())
                .contains("key=/etc/culturecard/badge.key", "publicUrl=https://badges.example.org/cc");
    }

    @Test
    void theEnvironmentOverridesABadgeKey() {
        Properties p = valid();
        p.setProperty(BadgeSettings.KEY_FILE, "/etc/culturecard/badge.key");
        p.setProperty(BadgeSettings.PUBLIC_URL, "https://badges.example.org");
        BadgeSettings badges = CentralConfig.fromProperties(p, Map.of("CULTURECARD_CENTRAL_BADGES_ISSUER_NAME", "From env"))
                .badges();
        assertThat(badges.issuerName()).isEqualTo("From env");
    }

    @Test
    void aBadValueNamesItsKey() {
        Properties issuer = valid();
        issuer.setProperty(BadgeSettings.ISSUER, "did:web");
        assertThatThrownBy(() -> CentralConfig.fromProperties(issuer, Map.of())).hasMessageStartingWith(BadgeSettings.ISSUER + " ");
        Properties url = valid();
        url.setProperty(BadgeSettings.KEY_FILE, "/etc/culturecard/badge.key");
        url.setProperty(BadgeSettings.PUBLIC_URL, "http://badges.example.org");
        assertThatThrownBy(() -> CentralConfig.fromProperties(url, Map.of())).hasMessageStartingWith(BadgeSettings.PUBLIC_URL + " ");
        Properties noKey = valid();
        noKey.setProperty(BadgeSettings.PUBLISHED_KEY_FILES, "/etc/culturecard/old.key");
        assertThatThrownBy(() -> CentralConfig.fromProperties(noKey, Map.of()))
                .hasMessageStartingWith(BadgeSettings.PUBLISHED_KEY_FILES + " ");
        Properties unknown = valid();
        unknown.setProperty("central.badges.colour", "gold");
        assertThatThrownBy(() -> CentralConfig.fromProperties(unknown, Map.of())).hasMessageContaining("central.badges.colour");
    }
}
