package org.culturecard.kiosk.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/**
 * What the sync agent writes into the kiosk's staff table from the venue config, done by hand for
 * kiosk tests (the kiosk itself never revokes anyone).
 */
public final class StaffRows {
    private StaffRows() {}

    /** Marks a staff member revoked, as a config from central does. */
    public static void revoke(Path database, UUID staffId, Instant at) {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE staff SET revoked_at = ?, origin = 'central' WHERE id = ?")) {
            update.setString(1, at.toString());
            update.setString(2, staffId.toString());
            if (update.executeUpdate() != 1) {
                throw new IllegalStateException("no staff member " + staffId);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
