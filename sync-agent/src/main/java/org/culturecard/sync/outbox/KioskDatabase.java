package org.culturecard.sync.outbox;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.culturecard.core.kioskdb.KioskRows;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * The agent's way into the kiosk's SQLite file, shared by the outbox and the venue events: the same
 * connection settings as the kiosk (WAL, synchronous=FULL, a 5 s busy timeout, safe across the two
 * processes), never creating the file (the kiosk owns it and its schema), and one transaction shape.
 */
public final class KioskDatabase {
    private KioskDatabase() {}

    /** Work on the connection that may throw {@link SQLException}. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run() throws SQLException;
    }

    /** Opens the kiosk's existing database file. */
    public static Connection open(Path database) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(5000);
        config.resetOpenMode(SQLiteOpenMode.CREATE); // never create: the kiosk owns the file
        return config.createConnection("jdbc:sqlite:" + database.toAbsolutePath());
    }

    /** Inserts or replaces a row of the kiosk's {@code settings} table, in the caller's transaction. */
    public static void putSetting(Connection connection, String key, String value) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(KioskRows.UPSERT_SETTING)) {
            upsert.setString(1, key);
            upsert.setString(2, value);
            upsert.executeUpdate();
        }
    }

    /** Runs {@code work} in one transaction, rolled back on any failure; {@code what} names it in errors. */
    public static <T> T inTransaction(Connection connection, SqlWork<T> work, String what) {
        try {
            connection.setAutoCommit(false);
            try {
                T result = work.run();
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new OutboxException("cannot " + what + ": " + e.getMessage(), e);
        }
    }
}
