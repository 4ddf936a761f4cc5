package org.culturecard.badges.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BadgeKeyFilesTest {
    @TempDir
    Path dir;

    @Test
    void createsAnOwnerOnlyFileThatLoadsAsTheSameKey() throws Exception {
        Path file = dir.resolve("badge-key.json");

        SigningKey created = BadgeKeyFiles.create(file, "2026-12", new SecureRandom());
        SigningKey loaded = BadgeKeyFiles.load(file);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(loaded.keyId()).isEqualTo("2026-12");
        assertThat(loaded.published()).isEqualTo(created.published());
        assertThat(loaded.published().publicKeyMultibase()).startsWith("z6Mk");
        assertThat(Files.readString(file)).contains("\"secretKeyMultibase\":\"z3u2");
    }

    @Test
    void refusesAFileOthersCanReadAndNamesIt() throws Exception {
        Path file = dir.resolve("badge-key.json");
        BadgeKeyFiles.create(file, "k1", new SecureRandom());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> BadgeKeyFiles.load(file)).isInstanceOf(InsecureKeyFileException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("rw-r--r--").hasMessageContaining("chmod 600");
    }

    @Test
    void acceptsAReadOnlyOwnerFile() throws Exception {
        Path file = dir.resolve("badge-key.json");
        BadgeKeyFiles.create(file, "k1", new SecureRandom());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--------"));

        assertThat(BadgeKeyFiles.load(file).keyId()).isEqualTo("k1");
    }

    @Test
    void neverOverwritesAKey() throws Exception {
        Path file = dir.resolve("badge-key.json");
        SigningKey first = BadgeKeyFiles.create(file, "k1", new SecureRandom());

        assertThatThrownBy(() -> BadgeKeyFiles.create(file, "k2", new SecureRandom()))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(BadgeKeyFiles.load(file).published()).isEqualTo(first.published());
    }

    @Test
    void refusesAFileWhosePublicKeyIsNotItsSecretKeys() throws Exception {
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        BadgeKeyFiles.create(a, "k1", new SecureRandom());
        SigningKey other = BadgeKeyFiles.create(b, "k1", new SecureRandom());
        String mixed = Files.readString(a).replaceAll("\"publicKeyMultibase\":\"[^\"]+\"",
                "\"publicKeyMultibase\":\"" + other.published().publicKeyMultibase() + "\"");
        Files.writeString(a, mixed);

        assertThatThrownBy(() -> BadgeKeyFiles.load(a)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(a.toString()).hasMessageContaining("match");
    }

    @Test
    void refusesAKeyIdThatCannotGoIntoAUrl() {
        assertThatThrownBy(() -> BadgeKeyFiles.create(dir.resolve("x.json"), "../k", new SecureRandom()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("key id");
        assertThat(dir.resolve("x.json")).doesNotExist();
    }
}
