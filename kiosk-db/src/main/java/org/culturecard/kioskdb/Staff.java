package org.culturecard.kioskdb;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.culturecard.core.privacy.Token;
import org.culturecard.core.staff.StaffMember;
import org.culturecard.kioskdb.internal.Sql;

/**
 * The {@code staff} table: display names, PIN hashes (never a PIN) and staff cards' tokens (never a
 * UID). Rows of origin {@code kiosk} are added here by provisioning ({@code provision staff --db}),
 * and by the kiosk in tests and the demo; once central manages the venue's staff, the sync agent
 * replaces the whole table with central's list at every config (ADR 12).
 */
public final class Staff {
    private static final String COLUMNS = "id, display_name, pin_hash, card_token IS NOT NULL, revoked_at IS NOT NULL";

    private final Connection connection;

    Staff(Connection connection) {
        this.connection = connection;
    }

    /** Enrols a staff card (origin {@code kiosk}), creating the staff member if new, renaming them if not. */
    public void enrolCard(UUID staffId, String displayName, Token cardToken, Instant at) throws SQLException {
        Sql.update(connection, "INSERT INTO staff (id, display_name, card_token, created_at) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT (id) DO UPDATE SET display_name = excluded.display_name,"
                        + " card_token = excluded.card_token",
                staffId.toString(), displayName, cardToken.value(), KioskTimes.format(at));
    }

    /** Sets a PIN hash (from {@code PinHasher}), creating the staff member if new, renaming them if not. */
    public void setPin(UUID staffId, String displayName, String pinHash, Instant at) throws SQLException {
        Sql.update(connection, "INSERT INTO staff (id, display_name, pin_hash, created_at) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT (id) DO UPDATE SET display_name = excluded.display_name,"
                        + " pin_hash = excluded.pin_hash",
                staffId.toString(), displayName, pinHash, KioskTimes.format(at));
    }

    /** The id of the staff member of this display name, if there is one. */
    public Optional<UUID> idByName(String displayName) throws SQLException {
        return Sql.queryString(connection, "SELECT id FROM staff WHERE display_name = ?", displayName)
                .map(UUID::fromString);
    }

    /** Every staff member with a PIN who is not revoked, oldest first: the candidates for a PIN alone. */
    public List<StaffRow> withPins() throws SQLException {
        return rows("WHERE pin_hash IS NOT NULL AND revoked_at IS NULL ORDER BY created_at, id");
    }

    /** The staff member whose enrolled card has this token, revoked or not. */
    public Optional<StaffRow> byCard(Token cardToken) throws SQLException {
        return rows("WHERE card_token = ?", cardToken.value()).stream().findFirst();
    }

    /** The staff member with this id, revoked or not. */
    public Optional<StaffRow> byId(UUID staffId) throws SQLException {
        return rows("WHERE id = ?", staffId.toString()).stream().findFirst();
    }

    /**
     * Replaces the whole table with central's list (origin {@code central}, config {@code version},
     * revoked members with their {@code revoked_at}): rows provisioned on the kiosk go, with their PIN hashes.
     */
    public void replaceWithCentral(List<StaffMember> members, long version, Instant at) throws SQLException {
        Sql.update(connection, "DELETE FROM staff");
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO staff (id, display_name, pin_hash,"
                + " card_token, created_at, origin, revoked_at, config_version) VALUES (?, ?, ?, ?, ?, 'central', ?, ?)")) {
            for (StaffMember member : members) {
                insert.setString(1, member.id().toString());
                insert.setString(2, member.displayName());
                insert.setString(3, member.pinHash());
                insert.setString(4, member.hasCard() ? member.cardToken().value() : null);
                insert.setString(5, KioskTimes.format(at));
                insert.setString(6, member.revoked() ? KioskTimes.format(member.revokedAt()) : null);
                insert.setLong(7, version);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private List<StaffRow> rows(String where, Object... parameters) throws SQLException {
        try (PreparedStatement select = Sql.prepare(connection, "SELECT " + COLUMNS + " FROM staff " + where, parameters);
                ResultSet rows = select.executeQuery()) {
            List<StaffRow> found = new ArrayList<>();
            while (rows.next()) {
                found.add(new StaffRow(UUID.fromString(rows.getString(1)), rows.getString(2), rows.getString(3),
                        rows.getBoolean(4), rows.getBoolean(5)));
            }
            return found;
        }
    }
}
