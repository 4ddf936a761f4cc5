package org.culturecard.central.identity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import javax.sql.DataSource;
import org.culturecard.central.store.StoreUnavailableException;
import org.culturecard.core.enrolment.UnregisteredCards;
import org.culturecard.core.ids.VenueId;

/**
 * Each venue's {@link UnregisteredCards} choice in PostgreSQL (table {@code venue_identity_settings},
 * migration V12): empty for a venue that never chose, whose config then leaves the field out.
 */
public final class PostgresUnregisteredCards {
    private final DataSource dataSource;

    public PostgresUnregisteredCards(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The venue's choice, or empty when it has never made one. */
    public Optional<UnregisteredCards> setting(VenueId venue) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement(
                        "SELECT unregistered_cards FROM venue_identity_settings WHERE venue_id = ?")) {
            select.setString(1, venue.value());
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(UnregisteredCards.fromCode(rs.getString(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot read the unregistered-cards setting of " + venue + ": "
                    + e.getSQLState(), e);
        }
    }

    /** Stores the venue's choice (one upsert). */
    public void set(VenueId venue, UnregisteredCards setting, Instant now) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement upsert = c.prepareStatement("INSERT INTO venue_identity_settings (venue_id,"
                        + " unregistered_cards, updated_at) VALUES (?, ?, ?) ON CONFLICT (venue_id) DO UPDATE SET"
                        + " unregistered_cards = EXCLUDED.unregistered_cards, updated_at = EXCLUDED.updated_at")) {
            upsert.setString(1, venue.value());
            upsert.setString(2, setting.code());
            upsert.setObject(3, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot store the unregistered-cards setting of " + venue + ": "
                    + e.getSQLState(), e);
        }
    }
}
