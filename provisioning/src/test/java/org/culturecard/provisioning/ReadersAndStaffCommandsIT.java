package org.culturecard.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.culturecard.testsupport.pcsc.PcscdServer.PORT_READER_0;
import static org.culturecard.testsupport.pcsc.PcscdServer.READER_0;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.culturecard.core.card.CardUid;
import org.culturecard.core.privacy.Pseudonymiser;
import org.culturecard.core.privacy.SchemeKeyFiles;
import org.culturecard.testsupport.pcsc.PcscdExtension;
import org.culturecard.testsupport.pcsc.VirtualCard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code provision readers list|test} and {@code provision staff card} against the real pcscd with
 * vpcd's virtual reader and a virtual card: they show and store the token, never the UID.
 */
@ExtendWith(PcscdExtension.class)
class ReadersAndStaffCommandsIT {
    private static final byte[] UID = HexFormat.of().parseHex("04A1523C7E6180");
    private static final String UID_HEX = HexFormat.of().formatHex(UID);

    @TempDir
    Path temp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private Path schemeKey;
    private VirtualCard card;

    @BeforeEach
    void captureOutput() throws Exception {
        originalOut = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        schemeKey = temp.resolve("scheme.key");
        Files.writeString(schemeKey, "ef".repeat(32));
        Files.setPosixFilePermissions(schemeKey, PosixFilePermissions.fromString("rw-------"));
    }

    @AfterEach
    void restoreOutput() throws InterruptedException {
        System.setOut(originalOut);
        if (card != null) {
            card.remove();
            Thread.sleep(500); // let pcscd see the card leave before the next test inserts one
        }
        String printed = out.toString(StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        assertThat(printed).doesNotContain(UID_HEX).doesNotContain("04:a1:52");
    }

    @Test
    void listsTheAttachedReaders() {
        assertThat(ProvisionMain.run("readers", "list")).isZero();
        assertThat(printed()).contains(READER_0);
    }

    @Test
    void tapTestShowsReaderKindAndMaskedTokenButNeverTheUid() throws Exception {
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() ->
                ProvisionMain.run("readers", "test", "--scheme-key", schemeKey.toString(), "--timeout", "20"));
        tapWhenAsked();

        assertThat(exit.get(25, TimeUnit.SECONDS)).isZero();
        String token = new Pseudonymiser(SchemeKeyFiles.load(schemeKey)).tokenFor(CardUid.of(UID)).value();
        assertThat(printed()).contains("reader: " + READER_0, "card:   MIFARE_CLASSIC_1K", "token:  " + token.substring(0, 8) + "…", "ms from")
                .doesNotContain(token);
    }

    @Test
    void tapTestWithoutATapExitsWithFive() {
        assertThat(ProvisionMain.run("readers", "test", "--scheme-key", schemeKey.toString(), "--timeout", "1"))
                .isEqualTo(ProvisionMain.NO_TAP);
    }

    @Test
    void enrolsAStaffCardByItsToken() throws Exception {
        Path db = temp.resolve("kiosk.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE staff (id TEXT PRIMARY KEY, display_name TEXT NOT NULL, pin_hash TEXT,"
                    + " card_token TEXT UNIQUE, created_at TEXT NOT NULL)");
        }
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> ProvisionMain.run("staff", "card",
                "--db", db.toString(), "--name", "Ada Reyes", "--scheme-key", schemeKey.toString(), "--timeout", "20"));
        tapWhenAsked();

        assertThat(exit.get(25, TimeUnit.SECONDS)).isZero();
        String token = new Pseudonymiser(SchemeKeyFiles.load(schemeKey)).tokenFor(CardUid.of(UID)).value();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT display_name, card_token FROM staff")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("Ada Reyes");
            assertThat(rows.getString(2)).isEqualTo(token);
        }
        assertThat(Files.readAllBytes(db)).asString(StandardCharsets.ISO_8859_1).doesNotContainIgnoringCase(UID_HEX);
    }

    private void tapWhenAsked() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!printed().contains("waiting") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Thread.sleep(300); // the reader's monitor thread lists the readers first
        card = VirtualCard.insert(PORT_READER_0, UID, VirtualCard.ATR_MIFARE_CLASSIC_1K);
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }
}
