package org.culturecard.provisioning.staff;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.function.Supplier;
import org.culturecard.core.privacy.Token;

/**
 * The kiosk store's {@code staff} table, reached through plain JDBC ({@code jdbc:sqlite:}) so that
 * provisioning needs no SQLite classes. A staff member is found by display name: adding a PIN or a
 * card to an existing name updates that row.
 */
public final class StaffTable {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** Whether a row was inserted or an existing staff member updated. */
    public enum Change { ADDED, UPDATED }

    private final Path database;
    private final Clock clock;
    private final Supplier<UUID> ids;

    public StaffTable(Path database, Clock clock, Supplier<UUID> ids) {
        this.database = database;
        this.clock = clock;
        this.ids = ids;
    }

    public Change setPin(String name, String pinHash) throws SQLException {
        return upsert(name, "pin_hash", pinHash);
    }

    public Change setCard(String name, Token cardToken) throws SQLException {
        return upsert(name, "card_token", cardToken.value());
    }

    private Change upsert(String name, String column, String value) throws SQLException {
        if (!Files.isRegularFile(database)) {
            throw new SQLException("no kiosk database at " + database + " (start the kiosk once so it creates its store)");
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database)) {
            connection.setAutoCommit(false);
            try {
                Change change = write(connection, name, column, value);
                connection.commit();
                return change;
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private Change write(Connection connection, String name, String column, String value) throws SQLException {
        String existing = null;
        try (PreparedStatement find = connection.prepareStatement("SELECT id FROM staff WHERE display_name = ?")) {
            find.setString(1, name);
            try (ResultSet rows = find.executeQuery()) {
                if (rows.next()) {
                    existing = rows.getString(1);
                }
            }
        }
        if (existing != null) {
            try (PreparedStatement update = connection.prepareStatement("UPDATE staff SET " + column + " = ? WHERE id = ?")) {
                update.setString(1, value);
                update.setString(2, existing);
                update.executeUpdate();
            }
            return Change.UPDATED;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO staff (id, display_name, " + column + ", created_at) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, ids.get().toString());
            insert.setString(2, name);
            insert.setString(3, value);
            insert.setString(4, TIME.format(clock.instant()));
            insert.executeUpdate();
        }
        return Change.ADDED;
    }
}
