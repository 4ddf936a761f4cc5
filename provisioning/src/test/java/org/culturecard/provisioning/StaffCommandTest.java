package org.culturecard.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code provision staff}'s command line: where the staff are, and what it refuses before calling anyone. */
class StaffCommandTest {
    @TempDir
    Path temp;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalErr;

    @BeforeEach
    void captureErrors() {
        originalErr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setErr(originalErr);
    }

    @Test
    void revokeListAndAuthNeedCentralAndAVenue() {
        assertThat(ProvisionMain.run("staff", "revoke", "--name", "Ada")).isEqualTo(2);
        assertThat(ProvisionMain.run("staff", "list", "--central", "http://127.0.0.1:9")).isEqualTo(2);
        assertThat(ProvisionMain.run("staff", "auth", "--mode", "card-only")).isEqualTo(2);
        assertThat(errors()).contains("--token-file").contains("--venue");
    }

    @Test
    void addTakesEitherCentralOrAKioskDatabaseNotBothNorNeither() {
        assertThat(ProvisionMain.run("staff", "add", "--name", "Ada")).isEqualTo(2);
        assertThat(ProvisionMain.run("staff", "add", "--name", "Ada", "--db", "k.db", "--central", "http://127.0.0.1:9",
                "--token-file", "t", "--venue", "v")).isEqualTo(2);
        assertThat(errors()).contains("mutually exclusive");
    }

    @Test
    void revokeTakesANameOrAnIdNotBoth() {
        assertThat(ProvisionMain.run("staff", "revoke", "--central", "http://127.0.0.1:9", "--token-file", "t",
                "--venue", "v", "--name", "Ada", "--id", "01937a2b-0000-7000-8000-00000000000a")).isEqualTo(2);
    }

    @Test
    void refusesATokenFileThatHoldsNoTokenAndABadVenueBeforeCallingCentral() throws Exception {
        Path empty = Files.writeString(temp.resolve("empty.token"), "\n");
        Path good = Files.writeString(temp.resolve("admin.token"), "admin-token\n");

        assertThat(ProvisionMain.run("staff", "list", "--central", "http://127.0.0.1:9", "--token-file", empty.toString(),
                "--venue", "museum")).isEqualTo(ProvisionMain.FAILED);
        assertThat(ProvisionMain.run("staff", "list", "--central", "http://127.0.0.1:9", "--token-file", good.toString(),
                "--venue", "Museum X")).isEqualTo(ProvisionMain.FAILED);
        assertThat(errors()).contains("must hold one token on one line").contains("venue id must be");
    }

    @Test
    void saysWhenCentralCannotBeReached() throws Exception {
        Path good = Files.writeString(temp.resolve("admin.token"), "admin-token\n");

        assertThat(ProvisionMain.run("staff", "auth", "--central", "http://127.0.0.1:9", "--token-file", good.toString(),
                "--venue", "museum", "--mode", "card-only")).isEqualTo(ProvisionMain.FAILED);
        assertThat(errors()).contains("cannot reach central at http://127.0.0.1:9");
    }

    @Test
    void refusesAnUnknownSignInSetting() throws Exception {
        Path good = Files.writeString(temp.resolve("admin.token"), "admin-token\n");

        assertThat(ProvisionMain.run("staff", "auth", "--central", "http://127.0.0.1:9", "--token-file", good.toString(),
                "--venue", "museum", "--mode", "anyone")).isEqualTo(ProvisionMain.FAILED);
        assertThat(errors()).contains("--mode is card-and-pin, card-only or pin-only, not anyone");
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
