package org.culturecard.kioskdb;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Plain JDBC on a kiosk database file, as another process (or an older release) reaches it: no
 * kiosk-db in between, so that the tests see exactly what is on disk and run exactly the SQL an
 * older kiosk or agent ran.
 */
final class RawFile implements AutoCloseable {
    private final Connection connection;

    RawFile(Path file) throws SQLException {
        this.connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        execute("PRAGMA busy_timeout=5000");
    }

    /** A hand-made store older than the settings table, with no schema history: as provisioning's tests make one. */
    static void createStaffOnlyStore(Path file) throws SQLException {
        try (RawFile raw = new RawFile(file)) {
            raw.execute("CREATE TABLE staff (id TEXT PRIMARY KEY, display_name TEXT NOT NULL, pin_hash TEXT,"
                    + " card_token TEXT UNIQUE, created_at TEXT NOT NULL)");
        }
    }

    void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }

    int update(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(sql, parameters)) {
            return statement.executeUpdate();
        }
    }

    /** Every row of {@code sql}, each as its columns joined with "|". */
    List<String> rows(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(sql, parameters); ResultSet rows = statement.executeQuery()) {
            int columns = rows.getMetaData().getColumnCount();
            List<String> found = new ArrayList<>();
            while (rows.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i > 1 ? "|" : "").append(rows.getString(i));
                }
                found.add(row.toString());
            }
            return found;
        }
    }

    String one(String sql, Object... parameters) throws SQLException {
        List<String> rows = rows(sql, parameters);
        return rows.isEmpty() ? null : rows.get(0);
    }

    private PreparedStatement prepare(String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
