package org.culturecard.kioskdb;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.culturecard.core.event.Event;
import org.culturecard.kioskdb.internal.Sql;

/**
 * The {@code events} table. Two writers, each with its own rows' columns: the sync agent upserts the
 * venue config's events (origin {@code central}) and closes those a newer config no longer lists,
 * and marks kiosk-made events published once sent; the kiosk upserts events staff make here (origin
 * {@code kiosk}, unpublished until the agent sends them) and alone sets {@code active} and
 * {@code closed}, which belong to staff. Neither writer's upsert touches the other's flags.
 */
public final class Events {
    private static final String DETAILS = "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?";

    private final Connection connection;

    Events(Connection connection) {
        this.connection = connection;
    }

    /** Makes a value from a kiosk-made event that central has not had yet (see {@link #unpublished}). */
    @FunctionalInterface
    public interface KioskMade<R> {
        R of(Event event, boolean closed, String updatedAt);
    }

    // ---- the kiosk's writes ----

    /** Inserts or updates an event's details with this origin; leaves its active and closed flags alone. */
    public void upsert(Event event, EventOrigin origin, Instant at) throws SQLException {
        Sql.update(connection, "INSERT INTO events (" + EventRows.EVENT_COLUMNS + ", origin, updated_at) VALUES ("
                        + DETAILS + ", ?, ?) ON CONFLICT (id) DO UPDATE SET venue_id = excluded.venue_id, "
                        + EventRows.EVENT_DETAILS_FROM_EXCLUDED + ", updated_at = excluded.updated_at",
                withTail(event, origin.code(), KioskTimes.format(at)));
    }

    /** Saves an event staff made or changed here: origin {@code kiosk}, and unpublished so that the agent sends it (again). */
    public void saveKioskMade(Event event, Instant at) throws SQLException {
        Sql.update(connection, "INSERT INTO events (" + EventRows.EVENT_COLUMNS + ", origin, updated_at, published)"
                        + " VALUES (" + DETAILS + ", ?, ?, 0) ON CONFLICT (id) DO UPDATE SET "
                        + EventRows.EVENT_DETAILS_FROM_EXCLUDED + ", updated_at = excluded.updated_at, published = 0",
                withTail(event, EventOrigin.KIOSK.code(), KioskTimes.format(at)));
    }

    /** Makes this event the active one (and no other). False when it is unknown or closed. */
    public boolean makeActive(UUID eventId, Instant at) throws SQLException {
        if (Sql.queryLong(connection, "SELECT COUNT(*) FROM events WHERE id = ? AND closed = 0", eventId.toString()) == 0) {
            return false;
        }
        Sql.update(connection, "UPDATE events SET active = 0 WHERE active = 1");
        Sql.update(connection, "UPDATE events SET active = 1, updated_at = ? WHERE id = ?",
                KioskTimes.format(at), eventId.toString());
        return true;
    }

    /** Closes the event: no more check-ins count against it. False when it is unknown. */
    public boolean close(UUID eventId, Instant at) throws SQLException {
        // A kiosk-made event is sent up again so that central learns it was closed.
        return Sql.update(connection, "UPDATE events SET active = 0, closed = 1, updated_at = ?,"
                        + " published = CASE WHEN origin = 'kiosk' THEN 0 ELSE published END WHERE id = ?",
                KioskTimes.format(at), eventId.toString()) == 1;
    }

    // ---- the kiosk's reads ----

    /** Events that overlap {@code [from, to)}, closed ones included, by start then title, with their check-in counts. */
    public List<StoredEvent> overlapping(Instant from, Instant to) throws SQLException {
        try (PreparedStatement select = Sql.prepare(connection, "SELECT " + EventRows.EVENT_COLUMNS_OF_E
                        + ", e.active, e.closed, e.origin, (SELECT COUNT(*) FROM check_ins c WHERE c.event_id = e.id)"
                        + " FROM events e WHERE e.starts_at < ? AND e.ends_at > ? ORDER BY e.starts_at, e.title",
                KioskTimes.format(to), KioskTimes.format(from));
                ResultSet rows = select.executeQuery()) {
            List<StoredEvent> events = new ArrayList<>();
            while (rows.next()) {
                events.add(new StoredEvent(EventRows.event(rows), rows.getInt(12) == 1, rows.getInt(13) == 1,
                        EventOrigin.fromCode(rows.getString(14)), rows.getInt(15)));
            }
            return events;
        }
    }

    /** The event staff made active and have not closed: taps count against it. */
    public Optional<Event> active() throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + EventRows.EVENT_COLUMNS
                + " FROM events WHERE active = 1 AND closed = 0 LIMIT 1");
                ResultSet rows = select.executeQuery()) {
            return rows.next() ? Optional.of(EventRows.event(rows)) : Optional.empty();
        }
    }

    /** True once the agent has sent this event to central (kiosk-made events start unpublished). */
    public boolean isPublished(UUID eventId) throws SQLException {
        return Sql.queryLong(connection, "SELECT published FROM events WHERE id = ?", eventId.toString()) == 1;
    }

    // ---- the sync agent's ----

    /** Upserts the venue config's events: origin {@code central}, this config version; active and closed left alone. */
    public void upsertFromCentral(Collection<Event> events, long version, Instant at) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO events (" + EventRows.EVENT_COLUMNS
                + ", origin, config_version, updated_at) VALUES (" + DETAILS + ", 'central', ?, ?)"
                + " ON CONFLICT (id) DO UPDATE SET venue_id = excluded.venue_id, " + EventRows.EVENT_DETAILS_FROM_EXCLUDED
                + ", config_version = excluded.config_version, updated_at = excluded.updated_at")) {
            String updatedAt = KioskTimes.format(at);
            for (Event event : events) {
                Object[] values = withTail(event, version, updatedAt);
                for (int i = 0; i < values.length; i++) {
                    upsert.setObject(i + 1, values[i]);
                }
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    /** Closes the open central events of configs older than {@code version} (a newer config no longer lists them). */
    public int closeCentralBefore(long version, Instant at) throws SQLException {
        return Sql.update(connection, "UPDATE events SET closed = 1, active = 0, updated_at = ? WHERE origin = 'central'"
                + " AND closed = 0 AND (config_version IS NULL OR config_version < ?)", KioskTimes.format(at), version);
    }

    /** Kiosk-made events central has not had yet, oldest change first, at most {@code max}. */
    public <R> List<R> unpublished(int max, KioskMade<R> mapper) throws SQLException {
        try (PreparedStatement select = Sql.prepare(connection, "SELECT " + EventRows.EVENT_COLUMNS + ", closed, updated_at"
                + " FROM events WHERE origin = 'kiosk' AND published = 0 ORDER BY updated_at, id LIMIT ?", max);
                ResultSet rows = select.executeQuery()) {
            List<R> found = new ArrayList<>();
            while (rows.next()) {
                found.add(mapper.of(EventRows.event(rows), rows.getInt(12) == 1, rows.getString(13)));
            }
            return found;
        }
    }

    /** Marks a sent event published unless it changed since it was read ({@code updatedAt}); 1 when marked, else 0. */
    public int markPublished(UUID eventId, String updatedAt) throws SQLException {
        return Sql.update(connection, "UPDATE events SET published = 1 WHERE id = ? AND updated_at = ? AND published = 0",
                eventId.toString(), updatedAt);
    }

    private static Object[] withTail(Event event, Object... tail) {
        List<Object> values = new ArrayList<>(EventRows.eventValues(event));
        values.addAll(Arrays.asList(tail));
        return values.toArray();
    }
}
