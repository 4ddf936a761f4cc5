package org.culturecard.central.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Check-ins that arrived before their event (which travels on another topic, through another
 * worker). When the event arrives at the check-in's own venue they are attached: moved into
 * {@code check_ins} and their days marked dirty for the rollup, under the same per-event lock that
 * ingest takes, so none is left behind. An event of another venue never takes them (a pre-claimed
 * event id is an attack). After the grace period they are flagged, and still attached if the
 * event comes later; nothing here deletes one except the retention job.
 */
public final class HeldCheckIns {

    private static final String ATTACH = """
            WITH moved AS (
                DELETE FROM held_check_ins h USING events e
                WHERE e.event_id = h.event_id AND e.venue_id = h.venue_id AND h.event_id = ANY (?)
                RETURNING h.*
            ), stored AS (
                INSERT INTO check_ins (%1$s) SELECT %1$s FROM moved ON CONFLICT (id) DO NOTHING
                RETURNING tapped_at, time_basis, token
            )
            SELECT tapped_at, time_basis, token FROM stored""".formatted(CheckInRows.COLUMNS);
    private static final String WAITING_FOR_KNOWN_EVENTS = """
            SELECT DISTINCT h.event_id FROM held_check_ins h JOIN events e
            ON e.event_id = h.event_id AND e.venue_id = h.venue_id""";

    /** Held check-ins waiting within the grace period, and flagged after it. */
    public record Counts(long waiting, long flagged) {
    }

    private final DataSource dataSource;

    public HeldCheckIns(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Attaches the check-ins held for these events, where each event is at the check-in's venue; returns how many. */
    public int attach(Collection<UUID> eventIds) {
        if (eventIds.isEmpty()) {
            return 0;
        }
        try {
            return Transactions.run(dataSource, connection -> attach(connection, eventIds));
        } catch (SQLException e) {
            throw PostgresCheckInStore.classify("attach held check-ins", e);
        }
    }

    /** Attaches every held check-in whose event has since arrived at its venue (the sweep); returns how many. */
    public int attachWaiting() {
        List<UUID> events = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(WAITING_FOR_KNOWN_EVENTS);
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                events.add(rs.getObject(1, UUID.class));
            }
        } catch (SQLException e) {
            throw PostgresCheckInStore.classify("list held check-ins", e);
        }
        return attach(events);
    }

    /** Flags the check-ins held since before {@code cutoff}; returns how many were newly flagged. */
    public int flagHeldBefore(Instant cutoff, Instant now) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement flag = connection.prepareStatement(
                "UPDATE held_check_ins SET flagged_at = ? WHERE flagged_at IS NULL AND received_at < ?")) {
            flag.setObject(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            flag.setObject(2, OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC));
            return flag.executeUpdate();
        } catch (SQLException e) {
            throw PostgresCheckInStore.classify("flag held check-ins", e);
        }
    }

    /** How many are held, waiting and flagged. */
    public Counts counts() {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(
                "SELECT count(*) FILTER (WHERE flagged_at IS NULL), count(*) FILTER (WHERE flagged_at IS NOT NULL)"
                        + " FROM held_check_ins");
             ResultSet rs = select.executeQuery()) {
            rs.next();
            return new Counts(rs.getLong(1), rs.getLong(2));
        } catch (SQLException e) {
            throw PostgresCheckInStore.classify("count held check-ins", e);
        }
    }

    private static int attach(Connection connection, Collection<UUID> eventIds) throws SQLException {
        CheckInRows.lockEvents(connection, eventIds);
        List<Instant> reported = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        int attached = 0;
        try (PreparedStatement move = connection.prepareStatement(ATTACH)) {
            move.setArray(1, connection.createArrayOf("uuid", eventIds.toArray()));
            try (ResultSet rs = move.executeQuery()) {
                while (rs.next()) {
                    attached++;
                    if (!TimeBasis.IMPLAUSIBLE.code().equals(rs.getString(2))) {
                        reported.add(rs.getObject(1, OffsetDateTime.class).toInstant());
                        tokens.add(rs.getString(3));
                    }
                }
            }
        }
        CheckInRows.markTokensDirty(connection, tokens);
        CheckInRows.markDaysDirty(connection, reported);
        return attached;
    }
}
