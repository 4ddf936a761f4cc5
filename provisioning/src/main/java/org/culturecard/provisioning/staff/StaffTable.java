package org.culturecard.provisioning.staff;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;
import org.culturecard.core.kioskdb.KioskTimes;
import org.culturecard.core.privacy.Token;
import org.culturecard.core.staff.StaffSettings;

/**
 * The kiosk store's {@code staff} table, reached through plain JDBC ({@code jdbc:sqlite:}) so that
 * provisioning needs no SQLite classes. A staff member is found by display name: adding a PIN or a
 * card to an existing name updates that row. For kiosks whose venue's staff central does not keep
 * yet: once it does (the sync agent wrote {@code staff.source = central}), the kiosk's own rows are
 * gone and this refuses, pointing at {@code --central} (ADR 0012).
 */
public final class StaffTable {

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
            if (centralKeepsStaff(connection)) {
                throw new SQLException("central keeps the staff of this kiosk's venue: use --central, --token-file and"
                        + " --venue instead of --db (a row written here would be deleted at the next config)");
            }
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

    /** True once the sync agent applied a config in which central manages the venue's staff. */
    private static boolean centralKeepsStaff(Connection connection) throws SQLException {
        try (ResultSet tables = connection.getMetaData().getTables(null, null, "settings", null)) {
            if (!tables.next()) {
                return false; // a store older than settings: nothing from central yet
            }
        }
        try (PreparedStatement find = connection.prepareStatement("SELECT value FROM settings WHERE key = ?")) {
            find.setString(1, StaffSettings.SOURCE);
            try (ResultSet rows = find.executeQuery()) {
                return rows.next() && StaffSettings.SOURCE_CENTRAL.equals(rows.getString(1));
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
            insert.setString(4, KioskTimes.format(clock.instant()));
            insert.executeUpdate();
        }
        return Change.ADDED;
    }
}
