package org.culturecard.kiosk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.culturecard.core.ids.VenueId;
import org.culturecard.core.privacy.Pseudonymiser;
import org.culturecard.kiosk.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KioskConfigTest {
    @TempDir
    Path dir;

    @Test
    void loadsAPropertiesFileWithEnvironmentOverrides() throws Exception {
        Path file = dir.resolve("kiosk.properties");
        Files.writeString(file, String.join("\n",
                "venue.id=riverside-museum", "kiosk.id=riverside-museum-1", "venue.name=Riverside Muzeum ż",
                "database.path=/var/lib/culturecard/kiosk.db", "scheme.key.path=/etc/culturecard/scheme.key",
                "kiosk.mode=false"));

        KioskConfig config = KioskConfig.load(file, Map.of("CULTURECARD_KIOSK_LANGUAGE", "pl",
                "CULTURECARD_KIOSK_KIOSK_MODE", "true"));

        assertThat(config.venueId()).isEqualTo(VenueId.of("riverside-museum"));
        assertThat(config.venueName()).isEqualTo("Riverside Muzeum ż");
        assertThat(config.databasePath()).isEqualTo(Path.of("/var/lib/culturecard/kiosk.db"));
        assertThat(config.language()).isEqualTo(Locale.forLanguageTag("pl"));
        assertThat(config.kioskMode()).isTrue();
        assertThat(config.appVersion()).isNotBlank();
    }

    @Test
    void namesTheBadKey() {
        Properties properties = valid();
        properties.setProperty("venue.id", "Riverside Museum");
        assertThatThrownBy(() -> KioskConfig.from(properties, Map.of()))
                .isInstanceOfSatisfying(KioskConfigException.class, e -> assertThat(e.key()).isEqualTo("venue.id"))
                .hasMessageContaining("venue.id").hasMessageContaining("CULTURECARD_KIOSK_VENUE_ID");

        Properties noName = valid();
        noName.remove("venue.name");
        assertThatThrownBy(() -> KioskConfig.from(noName, Map.of())).hasMessageStartingWith("venue.name: is required");

        assertThatThrownBy(() -> KioskConfig.from(valid(), Map.of("CULTURECARD_KIOSK_KIOSK_MODE", "yes")))
                .hasMessageStartingWith("kiosk.mode: must be true or false");
        assertThatThrownBy(() -> KioskConfig.from(valid(), Map.of("CULTURECARD_KIOSK_LANGUAGE", "fr")))
                .hasMessageStartingWith("language: must be one of");
    }

    @Test
    void aMisspeltKeyIsNamedNotIgnored() {
        Properties properties = valid();
        properties.setProperty("langauge", "pl");
        assertThatThrownBy(() -> KioskConfig.from(properties, Map.of()))
                .isInstanceOfSatisfying(KioskConfigException.class, e -> assertThat(e.key()).isEqualTo("langauge"))
                .hasMessageContaining("is not a kiosk setting").hasMessageContaining("language");
    }

    @Test
    void demoConfigWritesAPrivateDemoKeyThatPseudonymises() throws Exception {
        KioskConfig config = KioskConfig.demo(dir);

        assertThat(Files.getPosixFilePermissions(config.schemeKeyPath()))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        Pseudonymiser pseudonymiser = new Pseudonymiser(SchemeKeyFile.load(config.schemeKeyPath()));
        assertThat(pseudonymiser.tokenFor(Fixtures.AMIRA)).isEqualTo(pseudonymiser.tokenFor(Fixtures.AMIRA));
        assertThat(config.kioskMode()).isFalse();
    }

    @Test
    void refusesAShortSchemeKey() throws Exception {
        Path key = dir.resolve("short.key");
        Files.writeString(key, "abcd");
        assertThatThrownBy(() -> SchemeKeyFile.load(key)).isInstanceOf(KioskConfigException.class)
                .hasMessageStartingWith("scheme.key.path");
    }

    private static Properties valid() {
        Properties properties = new Properties();
        properties.setProperty("venue.id", "riverside-museum");
        properties.setProperty("kiosk.id", "riverside-museum-1");
        properties.setProperty("venue.name", "Riverside Museum");
        properties.setProperty("database.path", "kiosk.db");
        properties.setProperty("scheme.key.path", "scheme.key");
        return properties;
    }
}
