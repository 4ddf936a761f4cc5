package org.culturecard.kiosk.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * A settings row written as plain text, as the sync agent (another process, perhaps another
 * release) writes it into the kiosk's database, done by hand for kiosk tests: the kiosk itself
 * only writes typed values, so only this way can a test give it a row it cannot read.
 */
public final class SettingRows {
    private SettingRows() {}

    /** Inserts or replaces the row {@code key} with {@code text}. */
    public static void put(Path database, String key, String text) {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
                PreparedStatement upsert = connection.prepareStatement("INSERT INTO settings (key, value) VALUES (?, ?)"
                        + " ON CONFLICT (key) DO UPDATE SET value = excluded.value")) {
            upsert.setString(1, key);
            upsert.setString(2, text);
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
