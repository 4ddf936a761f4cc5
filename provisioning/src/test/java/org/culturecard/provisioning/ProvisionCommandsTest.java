package org.culturecard.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line itself: help everywhere, and exit codes that mean what the javadoc says. */
class ProvisionCommandsTest {
    @TempDir
    Path temp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;
    private InputStream originalIn;

    @BeforeEach
    void capture() {
        originalOut = System.out;
        originalErr = System.err;
        originalIn = System.in;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
        System.setErr(originalErr);
        System.setIn(originalIn);
    }

    @Test
    void everyCommandHasHelpThatListsExitCodes() {
        List<List<String>> paths = new ArrayList<>();
        collect(new CommandLine(new ProvisionMain()), new ArrayList<>(), paths);
        assertThat(paths).extracting(p -> String.join(" ", p)).contains("ca init", "kiosk create", "kiosk bulk",
                "broker config", "readers list", "readers test", "staff add", "staff card", "doctor", "scheme-key create");
        for (List<String> path : paths) {
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            assertThat(ProvisionMain.run(args.toArray(String[]::new))).as(String.join(" ", path)).isZero();
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Exit codes:", "4   partly done");
    }

    @Test
    void refusesToOverwriteACaWithExitCode3() {
        Path ca = temp.resolve("ca");
        assertThat(ProvisionMain.run("ca", "init", "--dir", ca.toString())).isZero();
        assertThat(ProvisionMain.run("ca", "init", "--dir", ca.toString())).isEqualTo(ProvisionMain.REFUSED);
    }

    @Test
    void schemeKeyCreateWritesAKeyOnceAndRefusesToOverwriteItWithExitCode3() throws Exception {
        Path key = temp.resolve("scheme.key");
        assertThat(ProvisionMain.run("scheme-key", "create", "--out", key.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Created the scheme key " + key + " (mode 0600)", "Back it up");
        byte[] created = Files.readAllBytes(key);

        assertThat(ProvisionMain.run("scheme-key", "create", "--out", key.toString())).isEqualTo(ProvisionMain.REFUSED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Refused: " + key + " exists");
        assertThat(Files.readAllBytes(key)).isEqualTo(created);
        assertThat(ProvisionMain.run("scheme-key", "create")).isEqualTo(2);
        assertThat(ProvisionMain.run("scheme-key", "create", "--out", temp.resolve("no/such/dir/key").toString()))
                .isEqualTo(ProvisionMain.FAILED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Failed: cannot create the scheme key " + temp.resolve("no/such/dir/key"));
    }

    @Test
    void bulkWithBadLinesIsPartlyDoneWithLineNumbersAndSafeToRerun() throws Exception {
        Path ca = temp.resolve("ca");
        ProvisionMain.run("ca", "init", "--dir", ca.toString());
        Path csv = temp.resolve("kiosks.csv");
        Files.writeString(csv, "venue,kiosk,venue name\nlibrary,library-1,Library\nlibrary,central,Library\nmuseum,museum-1\n");
        String[] args = {"kiosk", "bulk", "--csv", csv.toString(), "--out", temp.resolve("out").toString(), "--ca", ca.toString(), "--no-progress"};

        assertThat(ProvisionMain.run(args)).isEqualTo(ProvisionMain.PARTLY_DONE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(csv + ":3: kiosk id 'central' is reserved");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("2 created, 0 kept");

        assertThat(ProvisionMain.run(args)).isEqualTo(ProvisionMain.PARTLY_DONE);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("0 created, 2 kept");
    }

    @Test
    void createRefusesABadIdWithExitCode2() {
        Path ca = temp.resolve("ca");
        ProvisionMain.run("ca", "init", "--dir", ca.toString());
        assertThat(ProvisionMain.run("kiosk", "create", "--venue", "library", "--id", "Kiosk_1", "--ca", ca.toString(),
                "--out", temp.toString())).isEqualTo(2);
        assertThat(ProvisionMain.run("kiosk", "create", "--venue", "library", "--id", "kiosk-1", "--ca", ca.toString(),
                "--out", temp.toString(), "--broker", "tcp://plain:1883")).isEqualTo(ProvisionMain.FAILED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("kiosks only speak TLS");
    }

    @Test
    void staffAddReadsThePinFromStandardInputAndStoresTheKiosksHashFormat() throws Exception {
        Path db = temp.resolve("kiosk.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE staff (id TEXT PRIMARY KEY, display_name TEXT NOT NULL, pin_hash TEXT,"
                    + " card_token TEXT UNIQUE, created_at TEXT NOT NULL)");
        }
        System.setIn(new ByteArrayInputStream("4821\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(ProvisionMain.run("staff", "add", "--db", db.toString(), "--name", "Ada Reyes")).isZero();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT pin_hash FROM staff WHERE display_name = 'Ada Reyes'")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).matches("pbkdf2-sha256\\$210000\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        }
        System.setIn(new ByteArrayInputStream("12\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(ProvisionMain.run("staff", "add", "--db", db.toString(), "--name", "Ada Reyes")).isEqualTo(2);
    }

    private static void collect(CommandLine line, List<String> path, List<List<String>> into) {
        if (line.getSubcommands().isEmpty()) {
            into.add(path);
        }
        line.getSubcommands().forEach((name, sub) -> {
            List<String> next = new ArrayList<>(path);
            next.add(name);
            collect(sub, next, into);
        });
    }
}
