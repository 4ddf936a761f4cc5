package org.culturecard.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A new scheme key file: ADR 20's format, mode 0600, never an overwrite. */
class SchemeKeyFilesTest {
    @TempDir
    Path temp;

    @Test
    void createsSixtyFourLowercaseHexDigitsAndALineFeedWithMode0600() throws Exception {
        Path file = temp.resolve("scheme.key");
        SchemeKeyFiles.create(file, new SecureRandom());

        assertThat(Files.readString(file, StandardCharsets.US_ASCII)).matches("[0-9a-f]{64}\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(SchemeKeyFiles.load(file)).isEqualTo(SchemeKey.parse(Files.readAllBytes(file)));
    }

    @Test
    void everyKeyIsNew() throws Exception {
        SchemeKeyFiles.create(temp.resolve("a.key"), new SecureRandom());
        SchemeKeyFiles.create(temp.resolve("b.key"), new SecureRandom());
        assertThat(SchemeKeyFiles.load(temp.resolve("a.key"))).isNotEqualTo(SchemeKeyFiles.load(temp.resolve("b.key")));
    }

    @Test
    void neverOverwritesAKey() throws Exception {
        Path file = temp.resolve("scheme.key");
        SchemeKeyFiles.create(file, new SecureRandom());
        byte[] before = Files.readAllBytes(file);

        assertThatThrownBy(() -> SchemeKeyFiles.create(file, new SecureRandom())).isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }
}
