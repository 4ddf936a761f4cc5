package org.culturecard.kioskdb.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * Every connection to the kiosk's SQLite file is made here, in one of three ways: for work (WAL,
 * {@code synchronous=FULL} so that what the screen acknowledged survives a power cut, a busy timeout
 * so that the kiosk and the sync agent wait for each other's short transactions rather than fail,
 * foreign keys on), read-only (the doctor), or bare (an integrity check of a file that may not be a
 * database at all, where a pragma would already fail).
 */
public final class Connections {
    /** How long a statement waits for the other process's write lock before it fails. */
    public static final int BUSY_TIMEOUT_MS = 5_000;
    private static final String URL = "jdbc:sqlite:";

    private Connections() {}

    /** A connection for reading and writing; {@code create} makes the file when it is missing. */
    public static Connection forWork(Path file, boolean create) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.enforceForeignKeys(true);
        if (!create) {
            config.resetOpenMode(SQLiteOpenMode.CREATE);
        }
        return config.createConnection(URL + file.toAbsolutePath());
    }

    /** A connection that cannot write, and never creates the file. */
    public static Connection readOnly(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        return config.createConnection(URL + file.toAbsolutePath());
    }

    /** A connection with no settings applied, read-only or not, that never creates the file. */
    public static Connection bare(Path file, boolean readOnly) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        if (readOnly) {
            config.setReadOnly(true);
        } else {
            config.resetOpenMode(SQLiteOpenMode.CREATE);
        }
        return config.createConnection(URL + file.toAbsolutePath());
    }
}
