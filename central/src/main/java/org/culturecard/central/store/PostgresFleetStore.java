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
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.culturecard.central.metrics.PrometheusMetrics;
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
public final class PostgresFleetStore implements PrometheusMetrics.FleetCounts {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EVENT_COLUMNS = "event_id, venue_id, title, sector, arts_activity, mode, age_band,"
            + " learning_layer, starts_at, ends_at, capacity";

    private final DataSource dataSource;

    public PostgresFleetStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Records a kiosk's retained status, registering the kiosk if it is new. An older status than
     * the one stored (a late redelivery) changes nothing, nor does a status naming another venue
     * than the kiosk's registered one. Returns whether the status was applied.
     */
    public boolean applyStatus(KioskStatus status) {
        String sql = """
                INSERT INTO kiosks AS k (kiosk_id, venue_id, state, last_seen, status_at, backlog, oldest_pending_seconds,
                                         reader_state, free_disk_bytes, versions)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)
                ON CONFLICT (kiosk_id) DO UPDATE SET state = EXCLUDED.state,
                    last_seen = greatest(k.last_seen, EXCLUDED.last_seen), status_at = EXCLUDED.status_at,
                    backlog = EXCLUDED.backlog, oldest_pending_seconds = EXCLUDED.oldest_pending_seconds,
                    reader_state = coalesce(EXCLUDED.reader_state, k.reader_state),
                    free_disk_bytes = coalesce(EXCLUDED.free_disk_bytes, k.free_disk_bytes),
                    versions = CASE WHEN EXCLUDED.versions = '{}'::jsonb THEN k.versions ELSE EXCLUDED.versions END
                WHERE k.venue_id = EXCLUDED.venue_id AND (k.status_at IS NULL OR k.status_at <= EXCLUDED.status_at)""";
        try (Connection c = dataSource.getConnection(); PreparedStatement upsert = c.prepareStatement(sql)) {
            OffsetDateTime at = utc(status.at());
            upsert.setString(1, status.kioskId().value());
            upsert.setString(2, status.venueId().value());
            upsert.setString(3, status.state());
            upsert.setObject(4, at);
            upsert.setObject(5, at);
            upsert.setLong(6, status.backlog());
            upsert.setObject(7, status.oldestPendingSeconds());
            upsert.setString(8, status.readerState());
            upsert.setObject(9, status.freeDiskBytes());
            upsert.setString(10, JSON.writeValueAsString(status.versions()));
            return upsert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw PostgresCheckInStore.classify("store status of " + status.kioskId(), e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
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
