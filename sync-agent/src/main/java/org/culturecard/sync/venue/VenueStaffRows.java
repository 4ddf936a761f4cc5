package org.culturecard.sync.venue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import org.culturecard.core.kioskdb.KioskTimes;
import org.culturecard.core.staff.StaffMember;
import org.culturecard.core.staff.StaffSettings;
import org.culturecard.core.staff.VenueStaff;
import org.culturecard.sync.outbox.KioskDatabase;

/**
 * The staff part of a venue config, written into the kiosk's {@code staff} table and settings
 * inside the transaction that applies the snapshot (ADR 0012):
 * <ul>
 *   <li>the venue's staff-auth setting always goes to the {@code staff.auth} row;</li>
 *   <li>while central does not manage the venue's staff, the table is left alone: staff provisioned
 *       on the kiosk keep working;</li>
 *   <li>once it does, the table becomes exactly central's list (origin {@code central}, revoked
 *       members with their {@code revoked_at}); rows provisioned on the kiosk are deleted with their
 *       PIN hashes, and {@code staff.source} says {@code central}, so that {@code provision staff
 *       --db} refuses to add rows nobody would honour.</li>
 * </ul>
 * Replacing the whole table (rather than merging) is what makes a revocation certain: whatever a
 * kiosk held before, after the config it holds what central holds.
 */
final class VenueStaffRows {
    private VenueStaffRows() {}

    static void apply(Connection connection, VenueStaff staff, long version, String at) throws SQLException {
        KioskDatabase.putSetting(connection, StaffSettings.AUTH, staff.auth().code());
        if (!staff.managed()) {
            return;
        }
        try (Statement delete = connection.createStatement()) {
            delete.executeUpdate("DELETE FROM staff");
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO staff (id, display_name, pin_hash,"
                + " card_token, created_at, origin, revoked_at, config_version) VALUES (?, ?, ?, ?, ?, 'central', ?, ?)")) {
            for (StaffMember member : staff.members()) {
                insert.setString(1, member.id().toString());
                insert.setString(2, member.displayName());
                insert.setString(3, member.pinHash());
                insert.setString(4, member.hasCard() ? member.cardToken().value() : null);
                insert.setString(5, at);
                insert.setString(6, member.revoked() ? KioskTimes.format(member.revokedAt()) : null);
                insert.setLong(7, version);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        KioskDatabase.putSetting(connection, StaffSettings.SOURCE, StaffSettings.SOURCE_CENTRAL);
    }
}
