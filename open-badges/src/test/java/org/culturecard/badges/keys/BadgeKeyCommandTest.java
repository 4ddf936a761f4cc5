package org.culturecard.badges.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BadgeKeyCommandTest {
    @TempDir
    Path dir;

    private int run(StringWriter out, StringWriter err, String... args) {
        CommandLine cli = BadgeKeyCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void createsAKeyFileAndShowsOnlyItsPublicHalf() throws Exception {
        Path file = dir.resolve("badge-key.json");
        StringWriter out = new StringWriter();

        assertThat(run(out, new StringWriter(), "create", "--file", file.toString(), "--key-id", "2026-12")).isZero();
        assertThat(run(out, new StringWriter(), "show", "--file", file.toString())).isZero();

        String publicKey = BadgeKeyFiles.load(file).published().publicKeyMultibase();
        assertThat(out.toString()).contains("keyId: 2026-12", "publicKeyMultibase: " + publicKey)
                .doesNotContain("secret", "z3u2");
    }

    @Test
    void refusesToOverwriteAnExistingKeyFile() throws Exception {
        Path file = dir.resolve("badge-key.json");
        run(new StringWriter(), new StringWriter(), "create", "--file", file.toString(), "--key-id", "a");
        StringWriter err = new StringWriter();

        assertThat(run(new StringWriter(), err, "create", "--file", file.toString(), "--key-id", "b")).isNotZero();
        assertThat(BadgeKeyFiles.load(file).keyId()).isEqualTo("a");
        assertThat(err.toString()).startsWith("badge-key: ").contains(file.toString());
    }

    @Test
    void saysWhyItRefusesAKeyFileOthersCanRead() throws Exception {
        Path file = dir.resolve("badge-key.json");
        run(new StringWriter(), new StringWriter(), "create", "--file", file.toString(), "--key-id", "a");
        java.nio.file.Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw----"));
        StringWriter err = new StringWriter();

        assertThat(run(new StringWriter(), err, "show", "--file", file.toString())).isEqualTo(1);
        assertThat(err.toString()).contains(file.toString(), "rw-rw----", "chmod 600").doesNotContain("at org.");
    }
}
