package org.culturecard.kioskdb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import org.culturecard.kioskdb.internal.Connections;
import org.culturecard.kioskdb.internal.Migrations;
import org.culturecard.kioskdb.internal.Sql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kiosk's SQLite file, opened the one way every process opens it (ADR 26): WAL,
 * {@code synchronous=FULL}, a 5 s busy timeout and foreign keys on, or read-only for the doctor.
 * What a process may do at open depends on its {@link Role}: only the kiosk creates the file; the
 * kiosk and the sync agent bring its schema forward; provisioning and the doctor never migrate.
 *
 * <p>Work runs through {@link #read} and {@link #write} on the one connection, one caller at a time
 * (this object's monitor); a write is one {@code BEGIN IMMEDIATE} transaction, so the write lock is
 * taken at its start and the other process waits on the busy timeout rather than failing halfway.
 * Between calls the connection holds no lock.
 */
public final class KioskDb implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KioskDb.class);

    /** Who opens the file, and so what the opening may do. */
    public enum Role {
        /** The kiosk: creates the file (and its folder) when missing, and migrates it. */
        KIOSK("kiosk", true, true),
        /** The sync agent: the file must exist; migrates it, since it may be upgraded before the kiosk. */
        SYNC_AGENT("sync-agent", false, true),
        /** {@code provision staff --db}: the file must exist; never migrates, writes only version 1's staff columns. */
        PROVISIONING("provisioning", false, false),
        /** {@code provision doctor}: read-only, never migrates; {@link #write} is refused. */
        DOCTOR("doctor", false, false);

        private final String label;
        private final boolean creates;
        private final boolean migrates;

        Role(String label, boolean creates, boolean migrates) {
            this.label = label;
            this.creates = creates;
            this.migrates = migrates;
        }

        /** The name kept in the schema history of the migrations this role ran. */
        public String label() {
            return label;
        }
    }

    /** Work on the tables; SQL failures become {@link KioskDbException}s naming what was being done. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Tables tables) throws SQLException;
    }

    private final Path file;
    private final Role role;
    private final Connection connection;
    private final Tables tables;
    private final int schemaVersion;

    private KioskDb(Path file, Role role, Connection connection, int schemaVersion) {
        this.file = file;
        this.role = role;
        this.connection = connection;
        this.tables = new Tables(connection);
        this.schemaVersion = schemaVersion;
    }

    /**
     * Opens the kiosk database at {@code file} as {@code role}.
     *
     * @throws KioskDbException when the file is missing (for every role but the kiosk), is not a
     *     database, or cannot be migrated
     */
    public static KioskDb open(Path file, Role role) {
        return open(file, role, Migrations.KIOSK);
    }

    static KioskDb open(Path file, Role role, Migrations migrations) {
        Objects.requireNonNull(file, "file");
        if (role.creates) {
            createParent(file);
        } else if (!Files.isRegularFile(file)) {
            throw new KioskDbException("no kiosk database at " + file + " (the kiosk creates it at its first start)");
        }
        Connection connection = null;
        try {
            connection = role == Role.DOCTOR ? Connections.readOnly(file) : Connections.forWork(file, role.creates);
            int version = role.migrates ? migrate(file, connection, migrations, role) : Migrations.currentVersion(connection);
            return new KioskDb(file, role, connection, version);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection);
            throw new KioskDbException("cannot open the kiosk database " + file + " as the " + role.label + ": "
                    + e.getMessage(), e);
        }
    }

    private static int migrate(Path file, Connection connection, Migrations migrations, Role role) throws SQLException {
        Migrations.Outcome outcome = migrations.migrate(connection, role.label);
        if (outcome.version() > migrations.latest()) {
            LOG.info("The kiosk database {} is at schema version {}, newer than this release's {}: used as it is"
                    + " (migrations only add)", file, outcome.version(), migrations.latest());
        } else if (outcome.applied() > 0) {
            LOG.info("Migrated the kiosk database {} to schema version {} ({} scripts applied by the {})", file,
                    outcome.version(), outcome.applied(), role.label);
        }
        return outcome.version();
    }

    /** Runs {@code work} outside any transaction: each statement sees what was committed when it ran. */
    public synchronized <T> T read(String what, Work<T> work) {
        try {
            return work.run(tables);
        } catch (SQLException e) {
            throw new KioskDbException("cannot " + what + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs {@code work} in one {@code BEGIN IMMEDIATE} transaction, committed (on disk, with
     * {@code synchronous=FULL}) before this returns, and rolled back if it throws.
     */
    public synchronized <T> T write(String what, Work<T> work) {
        if (role == Role.DOCTOR) {
            throw new KioskDbException("cannot " + what + ": the doctor opens the kiosk database read-only");
        }
        try {
            Sql.execute(connection, "BEGIN IMMEDIATE");
        } catch (SQLException e) {
            throw new KioskDbException("cannot " + what + ": the kiosk database is busy or unwritable: " + e.getMessage(), e);
        }
        try {
            T result = work.run(tables);
            Sql.execute(connection, "COMMIT");
            return result;
        } catch (SQLException e) {
            Sql.rollbackQuietly(connection);
            throw new KioskDbException("cannot " + what + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            Sql.rollbackQuietly(connection);
            throw e;
        }
    }

    /** The file's schema version once opened: this release's latest, or more when a newer process migrated it. */
    public int schemaVersion() {
        return schemaVersion;
    }

    public Path file() {
        return file;
    }

    /** A pragma as this connection sees it; for the tests of the opener. */
    synchronized String pragma(String name) {
        return read("read pragma " + name, tables -> Sql.queryString(connection, "PRAGMA " + name).orElse(null));
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("Closing the kiosk database {} failed: {}", file, e.getMessage());
        }
    }

    private static void createParent(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new KioskDbException("cannot create the directory " + parent + ": " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debug("Closing a connection that failed to open: {}", e.getMessage());
        }
    }
}
