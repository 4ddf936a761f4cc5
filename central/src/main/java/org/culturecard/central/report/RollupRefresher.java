package org.culturecard.central.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.roaringbitmap.RoaringBitmap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the report rollup for the days that ingest marked dirty, one day per transaction:
 * under an advisory lock on the day, it reads the day's version, gives new tokens a person id,
 * recomputes the day's rows from {@code check_ins} (by canonical person, verified and unverified
 * taps apart: ADR 30), replaces them, and clears the dirty mark only
 * if the version is still the one it read. A check-in committed meanwhile has bumped the version
 * (or, if it commits while the mark is being deleted, the delete waits for it and re-checks the
 * row under READ COMMITTED), so its day stays dirty and the next refresh picks it up. Check-ins
 * whose tap time is implausible (ADR 9) are not counted.
 */
public final class RollupRefresher {

    private static final Logger LOG = LoggerFactory.getLogger(RollupRefresher.class);
    /** First key of this refresher's advisory locks ("RLUP"); the second is the day. */
    private static final int LOCK_SPACE = 0x524c5550;

    private static final String NEW_PEOPLE = """
            INSERT INTO people (token)
            SELECT DISTINCT c.token FROM check_ins c
            WHERE c.tapped_at >= ? AND c.tapped_at < ? AND c.time_basis <> 'implausible'
              AND NOT EXISTS (SELECT 1 FROM people p WHERE p.token = c.token)
            ORDER BY c.token
            ON CONFLICT (token) DO NOTHING""";
    /**
     * Each canonical person's check-ins per place that day (ADR 30): tokens count as their person, a
     * lost token's taps from its loss count for nobody, and {@code verified} says whether the day lies
     * in one of the person's validity intervals.
     */
    private static final String DAY_PEOPLE = """
            SELECT c.venue_id, c.event_id, coalesce(p.canonical_id, p.person_id) AS person,
                   EXISTS (SELECT 1 FROM person_validity v WHERE v.person_id = coalesce(p.canonical_id, p.person_id)
                           AND (v.from_day IS NULL OR v.from_day <= ?) AND ? <= v.until_day) AS verified,
                   count(*)
            FROM check_ins c JOIN people p ON p.token = c.token
            WHERE c.tapped_at >= ? AND c.tapped_at < ? AND c.time_basis <> 'implausible'
              AND (p.lost_at IS NULL OR c.tapped_at < p.lost_at)
            GROUP BY 1, 2, 3, 4""";
    private static final String INSERT_ROWS = """
            INSERT INTO report_rollup (day, venue_id, event_id, check_ins, seen, twice, verified)
            SELECT ?, u.venue_id, u.event_id, u.n, u.seen, u.twice, u.verified
            FROM unnest(?::text[], ?::uuid[], ?::bigint[], ?::bytea[], ?::bytea[], ?::boolean[])
                AS u(venue_id, event_id, n, seen, twice, verified)""";

    private final DataSource dataSource;
    private final Consumer<LocalDate> beforeClearing;

    public RollupRefresher(DataSource dataSource) {
        this(dataSource, day -> { });
    }

    /** {@code beforeClearing} runs after a day's rows are replaced and before its dirty mark is cleared (a test seam). */
    RollupRefresher(DataSource dataSource, Consumer<LocalDate> beforeClearing) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.beforeClearing = Objects.requireNonNull(beforeClearing, "beforeClearing");
    }

    /** Rebuilds every dirty day from {@code from} to before {@code to}; returns how many days were rebuilt. */
    public int refresh(LocalDate from, LocalDate to) {
        return refreshAll(dirtyDays(from, to));
    }

    /** Rebuilds every dirty day (the backfill after {@link #markAllDirty()}); returns how many. */
    public int refreshAll() {
        return refreshAll(dirtyDays(LocalDate.of(1, 1, 1), LocalDate.of(9999, 1, 1)));
    }

    /**
     * Marks every day that has check-ins dirty, for a database whose {@code check_ins} were written
     * around ingest (a bulk load); returns how many days are marked.
     */
    public int markAllDirty() {
        try (Connection connection = dataSource.getConnection(); Statement mark = connection.createStatement()) {
            return mark.executeUpdate("INSERT INTO report_dirty_days (day, version)"
                    + " SELECT DISTINCT (tapped_at AT TIME ZONE 'UTC')::date, 1 FROM check_ins"
                    + " ON CONFLICT (day) DO UPDATE SET version = report_dirty_days.version + 1");
        } catch (SQLException e) {
            throw new IllegalStateException("marking days dirty failed: " + e.getMessage(), e);
        }
    }

    /** The dirty days from {@code from} to before {@code to}, in order. */
    public List<LocalDate> dirtyDays(LocalDate from, LocalDate to) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT day FROM report_dirty_days WHERE day >= ? AND day < ? ORDER BY day")) {
            select.setObject(1, from);
            select.setObject(2, to);
            try (ResultSet rs = select.executeQuery()) {
                List<LocalDate> days = new ArrayList<>();
                while (rs.next()) {
                    days.add(rs.getObject(1, LocalDate.class));
                }
                return days;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading dirty days failed: " + e.getMessage(), e);
        }
    }

    /** Rebuilds one day if it is dirty; returns whether it was. */
    public boolean refresh(LocalDate day) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                boolean rebuilt = rebuild(connection, day);
                connection.commit();
                return rebuilt;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("refreshing the report rollup for " + day + " failed: " + e.getMessage(), e);
        }
    }

    private int refreshAll(List<LocalDate> days) {
        long started = System.nanoTime();
        int rebuilt = 0;
        for (LocalDate day : days) {
            rebuilt += refresh(day) ? 1 : 0;
        }
        if (rebuilt > 0) {
            LOG.debug("report rollup: {} days rebuilt in {} ms", rebuilt, (System.nanoTime() - started) / 1_000_000);
        }
        return rebuilt;
    }

    private boolean rebuild(Connection connection, LocalDate day) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?, ?)")) {
            lock.setInt(1, LOCK_SPACE);
            lock.setInt(2, Math.toIntExact(day.toEpochDay()));
            lock.execute();
        }
        OptionalLong version = version(connection, day);
        if (version.isEmpty()) {
            return false; // rebuilt by another refresher since the dirty days were listed
        }
        OffsetDateTime start = OffsetDateTime.of(day.atStartOfDay(), ZoneOffset.UTC);
        OffsetDateTime end = start.plusDays(1);
        try (PreparedStatement people = connection.prepareStatement(NEW_PEOPLE)) {
            people.setObject(1, start);
            people.setObject(2, end);
            people.executeUpdate();
        }
        List<Keyed> rows = dayRows(connection, day, start, end);
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM report_rollup WHERE day = ?")) {
            delete.setObject(1, day);
            delete.executeUpdate();
        }
        insert(connection, day, rows);
        beforeClearing.accept(day);
        try (PreparedStatement clear = connection.prepareStatement(
                "DELETE FROM report_dirty_days WHERE day = ? AND version = ?")) {
            clear.setObject(1, day);
            clear.setLong(2, version.getAsLong());
            if (clear.executeUpdate() == 0) {
                LOG.debug("report rollup: {} changed during its rebuild and stays dirty", day);
            }
        }
        return true;
    }

    private static OptionalLong version(Connection connection, LocalDate day) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT version FROM report_dirty_days WHERE day = ?")) {
            select.setObject(1, day);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
            }
        }
    }

    private record Place(String venueId, UUID eventId, boolean verified) {
    }

    /** A rollup row and whether its people's taps were verified that day (the row key's last part). */
    private record Keyed(RollupRow row, boolean verified) {
    }

    private static List<Keyed> dayRows(Connection connection, LocalDate day, OffsetDateTime start, OffsetDateTime end)
            throws SQLException {
        Map<Place, long[]> counts = new HashMap<>();
        Map<Place, RoaringBitmap> seen = new HashMap<>();
        Map<Place, RoaringBitmap> twice = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(DAY_PEOPLE)) {
            select.setObject(1, day);
            select.setObject(2, day);
            select.setObject(3, start);
            select.setObject(4, end);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    Place place = new Place(rs.getString(1), rs.getObject(2, UUID.class), rs.getBoolean(4));
                    int person = rs.getInt(3);
                    long n = rs.getLong(5);
                    counts.computeIfAbsent(place, p -> new long[1])[0] += n;
                    seen.computeIfAbsent(place, p -> new RoaringBitmap()).add(person);
                    RoaringBitmap two = twice.computeIfAbsent(place, p -> new RoaringBitmap());
                    if (n >= 2) {
                        two.add(person);
                    }
                }
            }
        }
        List<Keyed> rows = new ArrayList<>(counts.size());
        counts.forEach((place, n) -> rows.add(new Keyed(new RollupRow(day, place.venueId(), place.eventId(), n[0],
                seen.get(place), twice.get(place)), place.verified())));
        return rows;
    }

    private static void insert(Connection connection, LocalDate day, List<Keyed> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        int n = rows.size();
        String[] venues = new String[n];
        UUID[] events = new UUID[n];
        Long[] counts = new Long[n];
        byte[][] seen = new byte[n][];
        byte[][] twice = new byte[n][];
        Boolean[] verified = new Boolean[n];
        for (int i = 0; i < n; i++) {
            RollupRow row = rows.get(i).row();
            verified[i] = rows.get(i).verified();
            venues[i] = row.venueId();
            events[i] = row.eventId();
            counts[i] = row.checkIns();
            seen[i] = RollupRow.serialise(row.seen());
            twice[i] = RollupRow.serialise(row.twice());
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT_ROWS)) {
            insert.setObject(1, day);
            insert.setArray(2, connection.createArrayOf("text", venues));
            insert.setArray(3, connection.createArrayOf("uuid", events));
            insert.setArray(4, connection.createArrayOf("int8", counts));
            insert.setArray(5, connection.createArrayOf("bytea", seen));
            insert.setArray(6, connection.createArrayOf("bytea", twice));
            insert.setArray(7, connection.createArrayOf("bool", verified));
            insert.executeUpdate();
        }
    }
}
