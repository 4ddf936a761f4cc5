package org.culturecard.central.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.culturecard.core.event.AgeBand;
import org.culturecard.core.event.ArtsActivity;
import org.culturecard.core.event.Category;
import org.culturecard.core.event.Event;
import org.culturecard.core.event.LearningLayer;
import org.culturecard.core.event.Mode;
import org.culturecard.core.event.Sector;
import org.culturecard.core.ids.VenueId;
import org.culturecard.core.wire.KioskStatus;

/**
 * The fleet and venue side of the central store: kiosks' live status, events from kiosks and the
 * API, and the per-venue config version counter. Same pool and schema as {@link PostgresCheckInStore}.
 */
public final class PostgresFleetStore implements FleetCounts {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EVENT_COLUMNS = "event_id, venue_id, title, sector, arts_activity, mode, age_band,"
            + " learning_layer, starts_at, ends_at, capacity";

    private final DataSource dataSource;

    public PostgresFleetStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Records a kiosk's retained status on its registry row. Never registers a kiosk: a status from
     * a kiosk the registry does not have, or naming another venue than the registered one, changes
     * nothing (the caller dead-letters it), nor does an older status than the one stored (a late
     * redelivery). Returns whether the status was applied.
     */
    public boolean applyStatus(KioskStatus status) {
        String sql = """
                UPDATE kiosks AS k SET state = ?, last_seen = greatest(k.last_seen, ?), status_at = ?, backlog = ?,
                    oldest_pending_seconds = ?, reader_state = coalesce(?, k.reader_state),
                    free_disk_bytes = coalesce(?, k.free_disk_bytes),
                    versions = CASE WHEN ?::jsonb = '{}'::jsonb THEN k.versions ELSE ?::jsonb END
                WHERE k.kiosk_id = ? AND k.venue_id = ? AND (k.status_at IS NULL OR k.status_at <= ?)""";
        try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement(sql)) {
            OffsetDateTime at = utc(status.at());
            String versions = JSON.writeValueAsString(status.versions());
            Object[] values = {status.state(), at, at, status.backlog(), status.oldestPendingSeconds(), status.readerState(),
                status.freeDiskBytes(), versions, versions, status.kioskId().value(), status.venueId().value(), at};
            for (int i = 0; i < values.length; i++) {
                update.setObject(i + 1, values[i]);
            }
            return update.executeUpdate() == 1;
        } catch (SQLException e) {
            throw PostgresCheckInStore.classify("store status of " + status.kioskId(), e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Of these event ids, those that belong to an event of another venue (a kiosk may not take them over). */
    public List<UUID> eventsOfOtherVenues(VenueId venue, List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(
                "SELECT event_id FROM events WHERE event_id = ANY (?) AND venue_id <> ? ORDER BY event_id")) {
            select.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            select.setString(2, venue.value());
            try (ResultSet rs = select.executeQuery()) {
                List<UUID> foreign = new ArrayList<>();
                while (rs.next()) {
                    foreign.add(rs.getObject(1, UUID.class));
                }
                return foreign;
            }
        } catch (SQLException e) {
            throw PostgresCheckInStore.classify("look up events of other venues", e);
        }
    }

    /** Creates or replaces events of one venue; events of another venue with the same id are left alone. */
    public void upsertEvents(VenueId venue, List<Event> events, String origin) {
        String sql = "INSERT INTO events AS e (" + EVENT_COLUMNS + ", origin, closed, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false, now())"
                + " ON CONFLICT (event_id) DO UPDATE SET title = EXCLUDED.title, sector = EXCLUDED.sector,"
                + " arts_activity = EXCLUDED.arts_activity, mode = EXCLUDED.mode, age_band = EXCLUDED.age_band,"
                + " learning_layer = EXCLUDED.learning_layer, starts_at = EXCLUDED.starts_at, ends_at = EXCLUDED.ends_at,"
                + " capacity = EXCLUDED.capacity, version = e.version + 1, updated_at = now()"
                + " WHERE e.venue_id = EXCLUDED.venue_id AND NOT e.closed";
        try (Connection c = dataSource.getConnection(); PreparedStatement upsert = c.prepareStatement(sql)) {
            for (Event event : events) {
                if (!event.venueId().equals(venue)) {
                    throw new IllegalArgumentException("event " + event.id() + " is not at venue " + venue);
                }
                upsert.setObject(1, event.id());
                upsert.setString(2, venue.value());
                upsert.setString(3, event.title());
                upsert.setString(4, event.category().sector().code());
                upsert.setString(5, event.category().activity() == null ? null : event.category().activity().code());
                upsert.setString(6, event.category().mode().code());
                upsert.setString(7, event.ageBand().code());
                upsert.setString(8, event.learningLayer() == null ? null : event.learningLayer().code());
                upsert.setObject(9, utc(event.startsAt()));
                upsert.setObject(10, utc(event.endsAt()));
                upsert.setObject(11, event.capacity());
                upsert.setString(12, origin);
                upsert.addBatch();
            }
            upsert.executeBatch();
        } catch (SQLException e) {
            throw PostgresCheckInStore.classify("store events of " + venue, e);
        }
    }

    /** Closes events of a venue; returns how many were open. */
    public int closeEvents(VenueId venue, List<UUID> ids) {
        try (Connection c = dataSource.getConnection(); PreparedStatement close = c.prepareStatement(
                "UPDATE events SET closed = true, version = version + 1, updated_at = now()"
                        + " WHERE venue_id = ? AND event_id = ANY (?) AND NOT closed")) {
            close.setString(1, venue.value());
            close.setArray(2, c.createArrayOf("uuid", ids.toArray()));
            return close.executeUpdate();
        } catch (SQLException e) {
            throw PostgresCheckInStore.classify("close events of " + venue, e);
        }
    }

    /** The venue's open events, by start time. */
    public List<Event> openEvents(VenueId venue) {
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(
                "SELECT " + EVENT_COLUMNS + " FROM events WHERE venue_id = ? AND NOT closed ORDER BY starts_at, event_id")) {
            select.setString(1, venue.value());
            try (ResultSet rs = select.executeQuery()) {
                List<Event> events = new ArrayList<>();
                while (rs.next()) {
                    events.add(event(rs));
                }
                return events;
            }
        } catch (SQLException e) {
            throw PostgresCheckInStore.classify("list events of " + venue, e);
        }
    }

    /** Whether the venue has an event with this id, open or not. */
    public Optional<Boolean> eventOpen(VenueId venue, UUID id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(
                "SELECT NOT closed FROM events WHERE venue_id = ? AND event_id = ?")) {
            select.setString(1, venue.value());
            select.setObject(2, id);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(rs.getBoolean(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw PostgresCheckInStore.classify("look up event " + id, e);
        }
    }

    /** Takes the venue's next config version (1 for the first), durably, so versions never repeat. */
    public long nextConfigVersion(VenueId venue, Instant now) {
        try (Connection c = dataSource.getConnection(); PreparedStatement next = c.prepareStatement(
                "INSERT INTO venue_config AS v (venue_id, version, published_at) VALUES (?, 1, ?)"
                        + " ON CONFLICT (venue_id) DO UPDATE SET version = v.version + 1, published_at = EXCLUDED.published_at"
                        + " RETURNING version")) {
            next.setString(1, venue.value());
            next.setObject(2, utc(now));
            try (ResultSet rs = next.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw PostgresCheckInStore.classify("next config version of " + venue, e);
        }
    }

    @Override
    public long kiosksOnline() {
        return count("SELECT count(*) FROM kiosks WHERE state = 'online'");
    }

    @Override
    public long deadLettersStored() {
        return count("SELECT count(*) FROM dead_letters");
    }

    @Override
    public Map<String, Long> heldCheckIns() {
        HeldCheckIns.Counts counts = new HeldCheckIns(dataSource).counts();
        return Map.of("waiting", counts.waiting(), "flagged", counts.flagged());
    }

    @Override
    public Map<String, Long> checkInsByTimeBasis() {
        Map<String, Long> counts = new java.util.TreeMap<>(Map.of(TimeBasis.REBASED.code(), 0L, TimeBasis.IMPLAUSIBLE.code(), 0L));
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(
                "SELECT time_basis, count(*) FROM check_ins WHERE time_basis <> 'kiosk' GROUP BY time_basis");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
            return counts;
        } catch (SQLException e) {
            throw PostgresCheckInStore.classify("count check-ins by time basis", e);
        }
    }

    private long count(String sql) {
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(sql);
             ResultSet rs = select.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw PostgresCheckInStore.classify("count", e);
        }
    }

    private static Event event(ResultSet rs) throws SQLException {
        String activity = rs.getString("arts_activity");
        String layer = rs.getString("learning_layer");
        int capacity = rs.getInt("capacity");
        Integer cap = rs.wasNull() ? null : capacity;
        return new Event(rs.getObject("event_id", UUID.class), VenueId.of(rs.getString("venue_id")), rs.getString("title"),
                new Category(Sector.fromCode(rs.getString("sector")), activity == null ? null : ArtsActivity.fromCode(activity),
                        Mode.fromCode(rs.getString("mode"))),
                AgeBand.fromCode(rs.getString("age_band")), layer == null ? null : LearningLayer.fromCode(layer),
                rs.getObject("starts_at", OffsetDateTime.class).toInstant(), rs.getObject("ends_at", OffsetDateTime.class).toInstant(),
                cap);
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
