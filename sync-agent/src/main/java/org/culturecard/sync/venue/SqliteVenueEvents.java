package org.culturecard.sync.venue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.culturecard.core.event.AgeBand;
import org.culturecard.core.event.ArtsActivity;
import org.culturecard.core.event.Category;
import org.culturecard.core.event.Event;
import org.culturecard.core.event.LearningLayer;
import org.culturecard.core.event.Mode;
import org.culturecard.core.event.Sector;
import org.culturecard.core.ids.VenueId;
import org.culturecard.core.kioskdb.KioskRows;
import org.culturecard.core.kioskdb.KioskTimes;
import org.culturecard.core.wire.VenueConfig;
import org.culturecard.sync.outbox.KioskDatabase;
import org.culturecard.sync.outbox.OutboxException;

/**
 * The kiosk's {@code events}, {@code staff} and {@code settings} tables, seen from the sync agent: central's venue
 * snapshots are applied here, and the events staff made on the kiosk are read from here to be sent up.
 * Settings rows pass both ways: the kiosk's {@link org.culturecard.core.status.ReaderState#SETTING} is read, the agent's
 * {@code disk.budget} verdict written.
 *
 * <p>Applying a snapshot is one transaction: events are upserted with origin {@code central} and the
 * snapshot's version (their {@code active} and {@code closed} flags, which belong to staff, are left
 * alone); central-origin events that the snapshot no longer lists are closed; the version is kept in
 * {@code settings} under {@value #VERSION_KEY}, and a snapshot not newer than it is ignored (retained
 * messages come again on every reconnect, and may arrive out of order after a broker restart).
 *
 * <p>A v2 snapshot's staff part is applied in the same transaction ({@link VenueStaffRows}): the
 * venue's staff-auth setting, and, once central manages the venue's staff, its whole staff list in
 * place of what the kiosk held. A v1 snapshot leaves staff alone.
 *
 * <p>Times are written as the kiosk writes them ({@link KioskTimes#format}), so its SQL
 * comparisons keep working. Thread-safe: one connection, every method synchronized.
 */
public final class SqliteVenueEvents implements AutoCloseable {
    /** The settings key holding the version of the last venue snapshot applied. */
    public static final String VERSION_KEY = "config.version";

    private final Connection connection;

    private SqliteVenueEvents(Connection connection) {
        this.connection = connection;
    }

    /** Opens the kiosk's database (WAL, busy timeout 5 s); the file must exist, the kiosk owns it. */
    public static SqliteVenueEvents open(Path database) {
        try {
            return new SqliteVenueEvents(KioskDatabase.open(database));
        } catch (SQLException e) {
            throw new OutboxException("cannot open the events of " + database + ": " + e.getMessage(), e);
        }
    }

    /** A row of the kiosk's {@code settings} table, or null. */
    public synchronized String setting(String key) {
        try (PreparedStatement select = connection.prepareStatement("SELECT value FROM settings WHERE key = ?")) {
            select.setString(1, key);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new OutboxException("cannot read setting " + key + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes a row of the kiosk's {@code settings} table (inserted or replaced) in its own
     * transaction: how the agent tells the kiosk things only it knows, such as its disk-budget verdict.
     */
    public synchronized void putSetting(String key, String value) {
        KioskDatabase.inTransaction(connection, () -> {
            upsertSetting(key, value);
            return null;
        }, "write setting " + key);
    }

    /** The version of the last snapshot applied, 0 when none. */
    public synchronized long appliedVersion() {
        try (PreparedStatement select = connection.prepareStatement("SELECT value FROM settings WHERE key = ?")) {
            select.setString(1, VERSION_KEY);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Long.parseLong(rows.getString(1)) : 0;
            }
        } catch (SQLException | NumberFormatException e) {
            throw new OutboxException("cannot read the applied config version: " + e.getMessage(), e);
        }
    }

    /**
     * Applies {@code snapshot} if it is newer than the last one applied; returns how many central
     * events it closed, or -1 when the snapshot was not newer and nothing changed.
     */
    public synchronized int apply(VenueConfig snapshot, Instant now) {
        return KioskDatabase.inTransaction(connection, () -> {
            if (snapshot.version() <= appliedVersion()) {
                return -1;
            }
            String at = KioskTimes.format(now);
            try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO events (" + KioskRows.EVENT_COLUMNS
                    + ", origin, config_version, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'central', ?, ?)"
                    + " ON CONFLICT (id) DO UPDATE SET venue_id = excluded.venue_id, "
                    + KioskRows.EVENT_DETAILS_FROM_EXCLUDED
                    + ", config_version = excluded.config_version, updated_at = excluded.updated_at")) {
                for (Event event : snapshot.events()) {
                    bindEvent(upsert, event);
                    upsert.setLong(12, snapshot.version());
                    upsert.setString(13, at);
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
            int closed;
            try (PreparedStatement close = connection.prepareStatement("UPDATE events SET closed = 1, active = 0,"
                    + " updated_at = ? WHERE origin = 'central' AND closed = 0"
                    + " AND (config_version IS NULL OR config_version < ?)")) {
                close.setString(1, at);
                close.setLong(2, snapshot.version());
                closed = close.executeUpdate();
            }
            if (snapshot.staffPart().isPresent()) {
                VenueStaffRows.apply(connection, snapshot.staffPart().get(), snapshot.version(), at);
            }
            upsertSetting(VERSION_KEY, Long.toString(snapshot.version()));
            return closed;
        }, "apply venue config version " + snapshot.version());
    }

    /** Events staff made or changed on this kiosk that central has not had yet (oldest first, at most {@code max}). */
    public synchronized List<KioskEvent> unpublished(int max) {
        String sql = "SELECT " + KioskRows.EVENT_COLUMNS + ", closed, updated_at FROM events"
                + " WHERE origin = 'kiosk' AND published = 0 ORDER BY updated_at, id LIMIT ?";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setInt(1, max);
            List<KioskEvent> found = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(new KioskEvent(event(rows), rows.getInt(12) == 1, rows.getString(13)));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new OutboxException("cannot read unpublished kiosk events: " + e.getMessage(), e);
        }
    }

    /**
     * Marks these events published, each only if it has not changed since it was read (a change made
     * while the message was on its way is sent again). Returns how many were marked.
     */
    public synchronized int markPublished(List<KioskEvent> sent) {
        return KioskDatabase.inTransaction(connection, () -> {
            int marked = 0;
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE events SET published = 1 WHERE id = ? AND updated_at = ? AND published = 0")) {
                for (KioskEvent event : sent) {
                    update.setString(1, event.event().id().toString());
                    update.setString(2, event.updatedAt());
                    marked += update.executeUpdate();
                }
            }
            return marked;
        }, "mark kiosk events published");
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new OutboxException("cannot close the events connection: " + e.getMessage(), e);
        }
    }

    private void upsertSetting(String key, String value) throws SQLException {
        KioskDatabase.putSetting(connection, key, value);
    }

    private static void bindEvent(PreparedStatement statement, Event event) throws SQLException {
        List<Object> values = KioskRows.eventValues(event);
        for (int i = 0; i < values.size(); i++) {
            statement.setObject(i + 1, values.get(i));
        }
    }

    private static Event event(ResultSet rows) throws SQLException {
        String activity = rows.getString(5);
        String layer = rows.getString(8);
        int capacity = rows.getInt(11);
        Integer capacityOrNull = rows.wasNull() ? null : capacity;
        return new Event(UUID.fromString(rows.getString(1)), VenueId.of(rows.getString(2)), rows.getString(3),
                new Category(Sector.fromCode(rows.getString(4)),
                        activity == null ? null : ArtsActivity.fromCode(activity), Mode.fromCode(rows.getString(6))),
                AgeBand.fromCode(rows.getString(7)), layer == null ? null : LearningLayer.fromCode(layer),
                KioskTimes.parse(rows.getString(9)), KioskTimes.parse(rows.getString(10)), capacityOrNull);
    }

}
