package org.culturecard.central.badges;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;
import org.culturecard.badges.IssuerIdentity;
import org.culturecard.badges.keys.BadgeKeyFiles;
import org.culturecard.badges.keys.InsecureKeyFileException;
import org.culturecard.badges.keys.PublishedKey;
import org.culturecard.central.config.BadgeSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IssuerSetupTest {
    private static final URI PUBLIC = URI.create("https://central.example.org/");

    @TempDir
    Path dir;

    private Path key(String id) throws Exception {
        Path file = dir.resolve(id + ".json");
        BadgeKeyFiles.create(file, id, new SecureRandom());
        return file;
    }

    @Test
    void withoutAKeyFileBadgesAreOff() {
        assertThat(BadgeSettings.OFF.enabled()).isFalse();
        assertThat(IssuerSetup.open(BadgeSettings.OFF)).isEmpty();
    }

    @Test
    void aDidKeyIssuerServesNoProfile() throws Exception {
        IssuerSetup setup = IssuerSetup.open(new BadgeSettings(key("2026-12"), PUBLIC, BadgeSettings.DID_KEY, "Culture Card",
                List.of())).orElseThrow();

        assertThat(setup.profile()).isEmpty();
        assertThat(setup.keyDocument("2026-12")).isEmpty();
    }

    @Test
    void anHttpsIssuerPublishesTheCurrentAndTheRetiredKeys() throws Exception {
        Path current = key("2026-12");
        Path retired = key("2026-06");

        IssuerSetup setup = IssuerSetup.open(new BadgeSettings(current, PUBLIC, BadgeSettings.HTTPS, "Region of Learning",
                List.of(retired))).orElseThrow();

        assertThat(setup.identity()).isEqualTo(new IssuerIdentity.HttpsProfile("Region of Learning", PUBLIC));
        assertThat(setup.published()).extracting(PublishedKey::keyId).containsExactly("2026-12", "2026-06");
        assertThat(setup.issuer().currentKey().keyId()).isEqualTo("2026-12");
        assertThat(setup.publicUrl()).hasToString("https://central.example.org");
        assertThat(setup.profile()).hasValueSatisfying(profile -> assertThat(profile)
                .contains("\"id\":\"https://central.example.org/badges/issuer\"",
                        "https://central.example.org/badges/keys/2026-12", "https://central.example.org/badges/keys/2026-06"));
        assertThat(setup.keyDocument("2026-06")).hasValueSatisfying(key -> assertThat(key)
                .contains(setup.published().get(1).publicKeyMultibase()));
        assertThat(setup.keyDocument("2025-01")).isEmpty();
    }

    @Test
    void aKeyFileOthersMayReadStopsCentralNamingTheSettingAndTheFile() throws Exception {
        Path current = key("2026-12");
        Files.setPosixFilePermissions(current, PosixFilePermissions.fromString("rw-r--r--"));
        BadgeSettings settings = new BadgeSettings(current, PUBLIC, BadgeSettings.DID_KEY, "Culture Card", List.of());

        assertThatThrownBy(() -> IssuerSetup.open(settings)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(BadgeSettings.KEY_FILE).hasMessageContaining(current.toString())
                .hasMessageContaining("chmod 600").hasCauseInstanceOf(InsecureKeyFileException.class);
    }

    @Test
    void aMissingPublishedKeyFileOrATwiceUsedKeyIdStopsCentral() throws Exception {
        Path current = key("2026-12");
        Path missing = dir.resolve("gone.json");

        assertThatThrownBy(() -> IssuerSetup.open(new BadgeSettings(current, PUBLIC, BadgeSettings.DID_KEY, "Culture Card",
                List.of(missing)))).hasMessageContaining(BadgeSettings.PUBLISHED_KEY_FILES).hasMessageContaining(missing.toString());
        assertThatThrownBy(() -> IssuerSetup.open(new BadgeSettings(current, PUBLIC, BadgeSettings.DID_KEY, "Culture Card",
                List.of(current)))).hasMessageContaining("two key files have the key id 2026-12");
    }

    @Test
    void settingsRefuseABadPublicUrlOrIssuerNamingTheKey() throws Exception {
        Path current = key("2026-12");

        assertThatThrownBy(() -> new BadgeSettings(current, URI.create("http://central.example.org"), BadgeSettings.DID_KEY,
                "Culture Card", List.of())).hasMessageStartingWith(BadgeSettings.PUBLIC_URL);
        assertThatThrownBy(() -> new BadgeSettings(current, null, BadgeSettings.DID_KEY, "Culture Card", List.of()))
                .hasMessageStartingWith(BadgeSettings.PUBLIC_URL);
        assertThatThrownBy(() -> new BadgeSettings(current, PUBLIC, "did:web", "Culture Card", List.of()))
                .hasMessageStartingWith(BadgeSettings.ISSUER);
        assertThatThrownBy(() -> new BadgeSettings(null, null, BadgeSettings.DID_KEY, "Culture Card", List.of(current)))
                .hasMessageStartingWith(BadgeSettings.PUBLISHED_KEY_FILES);
    }
}
