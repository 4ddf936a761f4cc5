package org.culturecard.central.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import org.culturecard.core.checkin.CheckIn;

/**
 * The one way check-in rows are written, to {@code check_ins} or {@code held_check_ins} (same
 * columns), as one {@code INSERT ... SELECT FROM unnest(...)} per call: one round trip per batch.
 */
final class CheckInRows {

    static final String COLUMNS = "id, seq, token, event_id, venue_id, kiosk_id, tapped_at, clock_synced, card_kind,"
            + " app_version, received_at, time_basis, kiosk_tapped_at";
    private static final String INSERT = """
            INSERT INTO %s (%s)
            SELECT u.id, u.seq, u.token, u.event_id, u.venue_id, u.kiosk_id, u.tapped_at, u.clock_synced,
                   u.card_kind, u.app_version, ?, u.time_basis, u.kiosk_tapped_at
            FROM unnest(?::uuid[], ?::bigint[], ?::text[], ?::uuid[], ?::text[], ?::text[], ?::timestamptz[],
                        ?::boolean[], ?::text[], ?::text[], ?::text[], ?::timestamptz[])
                 AS u(id, seq, token, event_id, venue_id, kiosk_id, tapped_at, clock_synced, card_kind, app_version,
                      time_basis, kiosk_tapped_at)
            %s
            ON CONFLICT (id) DO NOTHING""";
    /** Days in array order (sorted), so that two workers marking the same days cannot deadlock. */
    private static final String MARK_DAYS_DIRTY = """
            INSERT INTO report_dirty_days (day, version)
            SELECT d.day, 1 FROM unnest(?::date[]) WITH ORDINALITY AS d(day, n) ORDER BY d.n
            ON CONFLICT (day) DO UPDATE SET version = report_dirty_days.version + 1""";

    /** Tokens in array order (sorted), as the days: two workers marking the same tokens cannot deadlock. */
    private static final String MARK_TOKENS_DIRTY = """
            INSERT INTO recognition_dirty (token, version)
            SELECT t.token, 1 FROM unnest(?::text[]) WITH ORDINALITY AS t(token, n) ORDER BY t.n
            ON CONFLICT (token) DO UPDATE SET version = recognition_dirty.version + 1""";

    private CheckInRows() {
    }

    /** Inserts into {@code check_ins}, skipping ids already there; returns how many are new. */
    static int insert(Connection connection, List<PlacedCheckIn> rows, Instant receivedAt) throws SQLException {
        return insert(connection, "check_ins", "", rows, receivedAt);
    }

    /** Inserts into {@code held_check_ins}, skipping ids already held or stored; returns how many are new. */
    static int hold(Connection connection, List<PlacedCheckIn> rows, Instant receivedAt) throws SQLException {
        return insert(connection, "held_check_ins", "WHERE NOT EXISTS (SELECT 1 FROM check_ins c WHERE c.id = u.id)", rows,
                receivedAt);
    }

    private static int insert(Connection connection, String table, String where, List<PlacedCheckIn> rows, Instant receivedAt)
            throws SQLException {
        if (rows.isEmpty()) {
            return 0;
        }
        int n = rows.size();
        Object[][] columns = new Object[12][n];
        for (int i = 0; i < n; i++) {
            PlacedCheckIn placed = rows.get(i);
            CheckIn r = placed.record();
            Object[] values = {r.id(), r.seq(), r.token().value(), r.eventId(), r.venueId().value(), r.kioskId().value(),
                placed.tappedAt().toString(), r.clockSynced(), r.cardKind().name(), r.appVersion(), placed.basis().code(),
                placed.kioskClaim() == null ? null : placed.kioskClaim().toString()};
            for (int c = 0; c < values.length; c++) {
                columns[c][i] = values[c];
            }
        }
        String[] types = {"uuid", "int8", "text", "uuid", "text", "text", "text", "bool", "text", "text", "text", "text"};
        try (PreparedStatement insert = connection.prepareStatement(String.format(INSERT, table, COLUMNS, where))) {
            insert.setObject(1, OffsetDateTime.ofInstant(receivedAt, ZoneOffset.UTC));
            for (int c = 0; c < types.length; c++) {
                insert.setArray(c + 2, connection.createArrayOf(types[c], columns[c]));
            }
            return insert.executeUpdate();
        }
    }

    /**
     * Marks the UTC days of these tap times dirty for the report rollup. A redelivered record marks
     * its day again, which costs one needless rebuild of that day and is otherwise harmless.
     */
    static void markDaysDirty(Connection connection, Collection<Instant> tappedAt) throws SQLException {
        TreeSet<LocalDate> days = new TreeSet<>();
        tappedAt.forEach(t -> days.add(LocalDate.ofInstant(t, ZoneOffset.UTC)));
        if (days.isEmpty()) {
            return;
        }
        try (PreparedStatement mark = connection.prepareStatement(MARK_DAYS_DIRTY)) {
            mark.setArray(1, connection.createArrayOf("date", days.stream().map(LocalDate::toString).toArray()));
            mark.executeUpdate();
        }
    }

    /**
     * Marks these tokens' people for the recognition evaluator (ADR 33): one statement, tokens sorted,
     * called just before {@link #markDaysDirty} so every writer takes tokens, then days, in one order.
     */
    static void markTokensDirty(Connection connection, Collection<String> tokens) throws SQLException {
        TreeSet<String> sorted = new TreeSet<>(tokens);
        if (sorted.isEmpty()) {
            return;
        }
        try (PreparedStatement mark = connection.prepareStatement(MARK_TOKENS_DIRTY)) {
            mark.setArray(1, connection.createArrayOf("text", sorted.toArray()));
            mark.executeUpdate();
        }
    }

    /**
     * Takes a transaction-scoped advisory lock per event id, in one order, so that a check-in's
     * look-up of its event and the attaching of held check-ins when the event arrives are
     * serialised: a check-in cannot be held after its event's attach step has looked for it.
     */
    static void lockEvents(Connection connection, Collection<UUID> eventIds) throws SQLException {
        TreeSet<Integer> keys = new TreeSet<>();
        eventIds.forEach(id -> keys.add(id.hashCode()));
        if (keys.isEmpty()) {
            return;
        }
        try (PreparedStatement lock = connection.prepareStatement(
                "SELECT pg_advisory_xact_lock(" + EVENT_LOCK_SPACE + ", k) FROM unnest(?::int[]) WITH ORDINALITY AS u(k, n) ORDER BY n")) {
            lock.setArray(1, connection.createArrayOf("int4", keys.toArray()));
            lock.execute();
        }
    }

    /** First key of the event locks ("EVNT"); the rollup's day locks use another. */
    private static final int EVENT_LOCK_SPACE = 0x45564e54;
}
