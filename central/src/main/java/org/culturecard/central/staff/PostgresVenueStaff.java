package org.culturecard.central.staff;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.culturecard.central.store.StoreUnavailableException;
import org.culturecard.core.ids.VenueId;
import org.culturecard.core.privacy.Token;
import org.culturecard.core.staff.StaffAuth;
import org.culturecard.core.staff.StaffMember;
import org.culturecard.core.staff.VenueStaff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The venues' staff in PostgreSQL (tables {@code venue_staff} and {@code venue_staff_auth},
 * migration V7): what the admin API changes and what every venue config carries. Every write is
 * one statement; the unique indexes decide conflicts (one card per venue for good, one active
 * member per name), reported as {@link StaffRecords.Conflict}.
 */
public final class PostgresVenueStaff {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresVenueStaff.class);
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String COLUMNS = "staff_id, venue_id, display_name, pin_hash, card_token, revoked_at,"
            + " created_at, updated_at";

    private final DataSource dataSource;

    public PostgresVenueStaff(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The venue's members, revoked ones included, oldest first. */
    public List<StaffRecord> members(VenueId venue) {
        return select("SELECT " + COLUMNS + " FROM venue_staff WHERE venue_id = ? ORDER BY created_at, staff_id",
                "list the staff of " + venue, venue.value());
    }

    public Optional<StaffRecord> member(VenueId venue, UUID id) {
        return select("SELECT " + COLUMNS + " FROM venue_staff WHERE venue_id = ? AND staff_id = ?",
                "look up staff member " + id, venue.value(), id).stream().findFirst();
    }

    public long activeCount(VenueId venue) {
        return members(venue).stream().filter(record -> !record.member().revoked()).count();
    }

    public StaffAuth auth(VenueId venue) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement("SELECT auth FROM venue_staff_auth WHERE venue_id = ?")) {
            select.setString(1, venue.value());
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? StaffAuth.fromCode(rs.getString(1)) : StaffAuth.DEFAULT;
            }
        } catch (SQLException e) {
            throw unavailable("read the staff auth of " + venue, e);
        }
    }

    public void setAuth(VenueId venue, StaffAuth auth, Instant now) {
        update("INSERT INTO venue_staff_auth (venue_id, auth, updated_at) VALUES (?, ?, ?) ON CONFLICT (venue_id)"
                + " DO UPDATE SET auth = EXCLUDED.auth, updated_at = EXCLUDED.updated_at", "set the staff auth of " + venue,
                venue.value(), auth.code(), utc(now));
    }

    /** Adds a member. @throws StaffRecords.Conflict when the name or the card is taken at the venue */
    public void add(VenueId venue, StaffMember member, Instant now) {
        update("INSERT INTO venue_staff (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, NULL, ?, ?)", "add a staff member",
                member.id(), venue.value(), member.displayName(), member.pinHash(),
                member.hasCard() ? member.cardToken().value() : null, utc(now), utc(now));
    }

    /** Sets an active member's PIN hash; false when there is no such active member. */
    public boolean setPin(VenueId venue, UUID id, String pinHash, Instant now) {
        return update("UPDATE venue_staff SET pin_hash = ?, updated_at = ? WHERE venue_id = ? AND staff_id = ?"
                + " AND revoked_at IS NULL", "set a staff PIN", pinHash, utc(now), venue.value(), id) == 1;
    }

    /** Enrols a card for an active member who has none; false when there is no such member. */
    public boolean setCard(VenueId venue, UUID id, Token card, Instant now) {
        return update("UPDATE venue_staff SET card_token = ?, updated_at = ? WHERE venue_id = ? AND staff_id = ?"
                + " AND revoked_at IS NULL AND card_token IS NULL", "enrol a staff card", card.value(),
                utc(now), venue.value(), id) == 1;
    }

    /** Revokes an active member; false when there is no such active member. */
    public boolean revoke(VenueId venue, UUID id, Instant now) {
        return update("UPDATE venue_staff SET revoked_at = ?, updated_at = ? WHERE venue_id = ? AND staff_id = ?"
                + " AND revoked_at IS NULL", "revoke a staff member", utc(now), utc(now),
                venue.value(), id) == 1;
    }

    /**
     * The staff part of the venue's config: its setting and, once it has any member, all of them, the
     * active first. Past {@link VenueStaff#MAX_MEMBERS} the members revoked longest ago are left out
     * (their cards become unknown cards to the kiosks), and the log says so.
     */
    public VenueStaff snapshot(VenueId venue) {
        StaffAuth auth = auth(venue);
        List<StaffMember> members = new ArrayList<>(members(venue).stream().map(StaffRecord::member).toList());
        if (members.isEmpty()) {
            return VenueStaff.unmanaged(auth);
        }
        members.sort((a, b) -> a.revoked() == b.revoked()
                ? (a.revoked() ? b.revokedAt().compareTo(a.revokedAt()) : 0) : a.revoked() ? 1 : -1);
        if (members.size() > VenueStaff.MAX_MEMBERS) {
            LOG.warn("venue {} has {} staff records; its config carries {} (all active, the most recently revoked)",
                    venue, members.size(), VenueStaff.MAX_MEMBERS);
            members = members.subList(0, VenueStaff.MAX_MEMBERS);
        }
        return new VenueStaff(auth, true, members);
    }

    private List<StaffRecord> select(String sql, String what, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement select = prepare(c, sql, parameters);
                ResultSet rs = select.executeQuery()) {
            List<StaffRecord> found = new ArrayList<>();
            while (rs.next()) {
                found.add(record(rs));
            }
            return found;
        } catch (SQLException e) {
            throw unavailable(what, e);
        }
    }

    private int update(String sql, String what, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement update = prepare(c, sql, parameters)) {
            return update.executeUpdate();
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new StaffRecords.Conflict(e.getMessage() != null && e.getMessage().contains("venue_staff_card")
                        ? "this card is already enrolled for a staff member of the venue (a revoked card stays revoked)"
                        : "an active staff member of the venue already has this displayName");
            }
            throw unavailable(what, e);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = c.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }

    private static StaffRecord record(ResultSet rs) throws SQLException {
        String card = rs.getString(5);
        OffsetDateTime revoked = rs.getObject(6, OffsetDateTime.class);
        StaffMember member = new StaffMember(rs.getObject(1, UUID.class), rs.getString(3), rs.getString(4),
                card == null ? null : Token.of(card), revoked == null ? null : revoked.toInstant());
        return new StaffRecord(VenueId.of(rs.getString(2)), member, rs.getObject(7, OffsetDateTime.class).toInstant(),
                rs.getObject(8, OffsetDateTime.class).toInstant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /**
     * Never the statement's values in the message, and no cause for a data error (PostgreSQL's detail
     * repeats the failing row, PIN hash included): a PIN hash has no business in a log.
     */
    private static StoreUnavailableException unavailable(String what, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        boolean dataError = state.startsWith("22") || state.startsWith("23");
        return new StoreUnavailableException("cannot " + what + " (SQLSTATE " + state + ")", dataError ? null : e);
    }
}
