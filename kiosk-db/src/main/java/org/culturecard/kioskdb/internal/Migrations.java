package org.culturecard.kioskdb.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * The kiosk database's schema migrations, forward only, each in its own {@code BEGIN IMMEDIATE}
 * transaction, recorded in the schema history that Flyway kept before kiosk-db had its own migrator
 * (ADR 26): the same {@code flyway_schema_history} table, the same version, description, type and
 * checksum (CRC32 over the script's lines, as Flyway computes it) for every script. So a file a
 * kiosk in the field made with Flyway opens here unchanged, and a kiosk still on Flyway (an older
 * release, or one rolled back) opens a file migrated here and validates it.
 *
 * <p>Scripts are listed here in order rather than found by scanning the class path, and are never
 * edited once released: their checksums are in every file in the field.
 */
public final class Migrations {
    static final String HISTORY = "flyway_schema_history";
    private static final Pattern NAME = Pattern.compile("V([1-9][0-9]*)__([A-Za-z0-9_]+)\\.sql");
    private static final String CREATE_HISTORY = "CREATE TABLE IF NOT EXISTS \"" + HISTORY + "\" (\n"
            + "    \"installed_rank\" INT NOT NULL PRIMARY KEY,\n"
            + "    \"version\" VARCHAR(50),\n"
            + "    \"description\" VARCHAR(200) NOT NULL,\n"
            + "    \"type\" VARCHAR(20) NOT NULL,\n"
            + "    \"script\" VARCHAR(1000) NOT NULL,\n"
            + "    \"checksum\" INT,\n"
            + "    \"installed_by\" VARCHAR(100) NOT NULL,\n"
            + "    \"installed_on\" TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f','now')),\n"
            + "    \"execution_time\" INT NOT NULL,\n"
            + "    \"success\" BOOLEAN NOT NULL\n"
            + ")";
    private static final String CREATE_HISTORY_INDEX =
            "CREATE INDEX IF NOT EXISTS \"" + HISTORY + "_s_idx\" ON \"" + HISTORY + "\" (\"success\")";

    /** The scripts of the kiosk database, under {@code db/kiosk} on the class path (after the patterns they are parsed with). */
    public static final Migrations KIOSK = new Migrations(
            List.of("db/kiosk/V1__kiosk_store.sql", "db/kiosk/V2__staff_from_central.sql",
                    "db/kiosk/V3__enrolment_outbox.sql", "db/kiosk/V4__awards.sql"));

    private final List<Script> scripts;

    /**
     * One script: its version, its description as Flyway derives it from the file name, its file
     * name (Flyway's {@code script} column) and where it is on the class path.
     */
    public record Script(int version, String description, String name, String resource) {}

    /** @param resources the scripts on the class path, each named {@code V<n>__<words>.sql}, versions 1, 2, 3... in order */
    public Migrations(List<String> resources) {
        List<Script> parsed = new ArrayList<>();
        for (String resource : resources) {
            String name = resource.substring(resource.lastIndexOf('/') + 1);
            Matcher matcher = NAME.matcher(name);
            if (!matcher.matches()) {
                throw new IllegalArgumentException("not a migration script name: " + name);
            }
            int version = Integer.parseInt(matcher.group(1));
            if (version != parsed.size() + 1) {
                throw new IllegalArgumentException(name + " is out of order: version " + (parsed.size() + 1) + " expected");
            }
            parsed.add(new Script(version, matcher.group(2).replace('_', ' '), name, resource));
        }
        this.scripts = List.copyOf(parsed);
    }

    public List<Script> scripts() {
        return scripts;
    }

    /** The newest version these scripts make. */
    public int latest() {
        return scripts.size();
    }

    /** The version a file is at: the highest successful one in its history, 0 when it has none. */
    public static int currentVersion(Connection connection) throws SQLException {
        if (!Sql.hasTable(connection, HISTORY)) {
            return 0;
        }
        return (int) Sql.queryLong(connection, "SELECT COALESCE(MAX(CAST(version AS INTEGER)), 0) FROM \"" + HISTORY
                + "\" WHERE success = 1 AND version IS NOT NULL");
    }

    /** What {@link #migrate} did: the version the file is at now, and how many scripts this call applied. */
    public record Outcome(int version, int applied) {}

    /**
     * Brings the file up to {@link #latest()}, one script per transaction. The file may end up at
     * more than {@link #latest()} when a newer process has migrated it further; that is left as it is
     * (migrations only add, so this release still works on it). Each transaction takes the write lock
     * first and reads the version again, so two processes starting together apply each script once.
     *
     * @param installedBy who ran it, kept in the history's {@code installed_by}
     */
    public Outcome migrate(Connection connection, String installedBy) throws SQLException {
        int version = currentVersion(connection);
        int applied = 0;
        while (version < latest()) {
            if (applyNext(connection, installedBy)) {
                applied++;
            }
            version = currentVersion(connection);
        }
        return new Outcome(version, applied);
    }

    /** Applies the script after the file's version, under the write lock; false when another process already had. */
    private boolean applyNext(Connection connection, String installedBy) throws SQLException {
        Sql.execute(connection, "BEGIN IMMEDIATE");
        try {
            int version = currentVersion(connection);
            boolean apply = version < latest();
            if (apply) {
                Script script = scripts.get(version);
                long start = System.nanoTime();
                String text = text(script);
                try (Statement statement = connection.createStatement()) {
                    statement.executeUpdate(text); // sqlite3_exec: every statement of the script
                    statement.execute(CREATE_HISTORY);
                    statement.execute(CREATE_HISTORY_INDEX);
                }
                record(connection, script, checksum(text), installedBy, (System.nanoTime() - start) / 1_000_000);
            }
            Sql.execute(connection, "COMMIT");
            return apply;
        } catch (SQLException | RuntimeException e) {
            Sql.rollbackQuietly(connection);
            throw e;
        }
    }

    private static void record(Connection connection, Script script, int checksum, String installedBy, long millis)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO \"" + HISTORY + "\" (installed_rank,"
                + " version, description, type, script, checksum, installed_by, execution_time, success)"
                + " VALUES ((SELECT COALESCE(MAX(installed_rank), 0) + 1 FROM \"" + HISTORY + "\"), ?, ?, 'SQL', ?, ?, ?, ?, 1)")) {
            insert.setString(1, Integer.toString(script.version()));
            insert.setString(2, script.description());
            insert.setString(3, script.name());
            insert.setInt(4, checksum);
            insert.setString(5, installedBy);
            insert.setLong(6, millis);
            insert.executeUpdate();
        }
    }

    /** The script's text, UTF-8. */
    public String text(Script script) {
        String resource = script.resource();
        try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("migration script " + resource + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /**
     * Flyway's checksum of a script: CRC32 over the UTF-8 bytes of each line, line ends left out
     * (so CR LF and LF give the same sum) and a byte order mark at the start ignored.
     */
    public static int checksum(String text) {
        CRC32 crc = new CRC32();
        try (BufferedReader lines = new BufferedReader(new StringReader(text))) {
            String line;
            boolean first = true;
            while ((line = lines.readLine()) != null) {
                if (first && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                first = false;
                crc.update(line.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return (int) crc.getValue();
    }
}
