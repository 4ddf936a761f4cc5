package org.culturecard.sync.venue;

import java.sql.SQLException;
import java.time.Instant;
import org.culturecard.core.staff.VenueStaff;
import org.culturecard.kioskdb.SettingKey;
import org.culturecard.kioskdb.Tables;

/**
 * The staff part of a venue config, written into the kiosk's {@code staff} table and settings
 * inside the transaction that applies the snapshot (ADR 0012):
 * <ul>
 *   <li>the venue's staff-auth setting always goes to {@link SettingKey#STAFF_AUTH};</li>
 *   <li>while central does not manage the venue's staff, the table is left alone: staff provisioned
 *       on the kiosk keep working;</li>
 *   <li>once it does, the table becomes exactly central's list (origin {@code central}, revoked
 *       members with their {@code revoked_at}); rows provisioned on the kiosk are deleted with their
 *       PIN hashes, and {@link SettingKey#CENTRAL_KEEPS_STAFF} is set, so that {@code provision staff
 *       --db} refuses to add rows nobody would honour.</li>
 * </ul>
 * Replacing the whole table (rather than merging) is what makes a revocation certain: whatever a
 * kiosk held before, after the config it holds what central holds.
 */
final class VenueStaffRows {
    private VenueStaffRows() {}

    static void apply(Tables tables, VenueStaff staff, long version, Instant at) throws SQLException {
        tables.settings().put(SettingKey.STAFF_AUTH, staff.auth());
        if (!staff.managed()) {
            return;
        }
        tables.staff().replaceWithCentral(staff.members(), version, at);
        tables.settings().put(SettingKey.CENTRAL_KEEPS_STAFF, true);
    }
}
