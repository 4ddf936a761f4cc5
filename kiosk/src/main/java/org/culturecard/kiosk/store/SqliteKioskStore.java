package org.culturecard.kiosk.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.culturecard.core.checkin.CheckIn;
import org.culturecard.core.event.Event;
import org.culturecard.core.kioskdb.KioskRows;
import org.culturecard.core.kioskdb.KioskTimes;
import org.culturecard.core.privacy.Token;
import org.culturecard.core.staff.StaffAuth;
import org.culturecard.core.staff.StaffSettings;
import org.culturecard.core.wire.WireCodec;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The kiosk's local store: one SQLite file in WAL mode with {@code synchronous=FULL}, so that a
 * check-in the screen has acknowledged survives a power cut. A check-in and its outbox row (the
 * sync agent's only durable queue) are written in one transaction. The schema is migrated by
 * Flyway from {@code classpath:db/kiosk}. A file that fails {@code PRAGMA integrity_check} at open
 * is moved aside and replaced, and {@link #health()} says so.
 *
 * <p>One connection, guarded by this object's monitor: the kiosk is the only writer of check-ins,
 * and the sync agent (another process) waits on the busy timeout.
 */
public final class SqliteKioskStore implements CheckInStore, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteKioskStore.class);
    private static final int BUSY_TIMEOUT_MS = 5_000;
    private static final String EVENT_COLUMNS = "e.id, e.venue_id, e.title, e.sector, e.activity, e.mode, "
            + "e.age_band, e.learning_layer, e.starts_at, e.ends_at, e.capacity";

    private final Connection connection;
    private final StoreHealth health;
    private final Clock clock;
    private final WireCodec codec = new WireCodec();

    private SqliteKioskStore(Connection connection, StoreHealth health, Clock clock) {
        this.connection = connection;
        this.health = health;
        this.clock = clock;
    }

    /**
     * Opens (creating or migrating) the store at {@code file}. A corrupt file is moved aside to
     * {@code <file>.corrupt-<UTC time>} and a fresh store is created in its place.
     */
    public static SqliteKioskStore open(Path file, Clock clock) {
        createParent(file);
        StoreHealth health = SqliteFiles.integrityProblem(file)
                .map(problem -> recover(file, problem, clock))
                .orElseGet(() -> StoreHealth.healthy(file));
        SQLiteDataSource dataSource = dataSource(file);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/kiosk").load().migrate();
        try {
            Connection connection = dataSource.getConnection();
            return new SqliteKioskStore(connection, health, clock);
        } catch (SQLException e) {
            throw new KioskStoreException("cannot open the kiosk store " + file, e);
        }
    }

    private static StoreHealth recover(Path file, String problem, Clock clock) {
        Path aside = SqliteFiles.moveAside(file, clock.instant());
        LOG.error("The kiosk store {} failed its integrity check ({}); moved it to {} and started a new one",
                file, problem, aside);
        return StoreHealth.recovered(file, aside, problem);
    }

    private static void createParent(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new KioskStoreException("cannot create the directory " + parent, e);
        }
    }

    private static SQLiteDataSource dataSource(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.enforceForeignKeys(true);
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        return dataSource;
    }

    /** What the store found at open; staff see an alert when it recovered from corruption. */
    public StoreHealth health() {
        return health;
    }

    // ---- check-ins and the outbox ----

    /**
     * Writes the check-in and its outbox row in one transaction, committed (on disk) before this
     * returns. The check-in gets the next gap-free {@code seq}. Returns empty, writing nothing,
     * when the young person already checked in to this event (or, with no event, visited today).
     */
    public synchronized Optional<CheckIn> recordCheckIn(PendingCheckIn pending) {
        return inTransaction(() -> insertWithOutbox(pending));
    }

    @Override
    public synchronized VisitOutcome recordVisit(VisitRequest request) {
        return inTransaction(() -> {
            Optional<Event> event = activeEvent().filter(e -> request.tappedAt().isBefore(e.endsAt()));
            boolean already = event.isPresent() ? hasCheckedInToEvent(request.token(), event.get().id())
                    : hasGeneralVisitOn(request.token(), request.visitDay());
            Optional<CheckIn> recorded = already ? Optional.empty()
                    : insertWithOutbox(request.toEvent(event.map(Event::id).orElse(null)));
            if (recorded.isEmpty()) {
                return new VisitOutcome.AlreadyRecorded(event);
            }
            return new VisitOutcome.Recorded(recorded.get(), event,
                    visitDaysInYear(request.token(), Year.from(request.visitDay())));
        });
    }

    /** Inside a transaction: the check-in and its outbox row, or empty (nothing written) for a duplicate. */
    private Optional<CheckIn> insertWithOutbox(PendingCheckIn pending) throws SQLException {
        CheckIn checkIn = pending.withSeq(nextSeq());
        if (!insertCheckIn(checkIn, pending)) {
            return Optional.empty();
        }
        update("INSERT INTO outbox (seq, check_in_id, payload, created_at) VALUES (?, ?, ?, ?)",
                checkIn.seq(), checkIn.id().toString(),
                new String(codec.encode(checkIn), StandardCharsets.UTF_8), KioskTimes.format(clock.instant()));
        return Optional.of(checkIn);
    }

    private long nextSeq() throws SQLException {
        return queryLong("SELECT MAX(COALESCE((SELECT MAX(seq) FROM check_ins), 0),"
                + " COALESCE((SELECT MAX(seq) FROM outbox), 0)) + 1");
    }

    private boolean insertCheckIn(CheckIn checkIn, PendingCheckIn pending) throws SQLException {
        try {
            update("INSERT INTO check_ins (id, seq, token, event_id, venue_id, kiosk_id, tapped_at, visit_day,"
                            + " clock_synced, card_kind, app_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    checkIn.id().toString(), checkIn.seq(), checkIn.token().value(),
                    checkIn.eventId() == null ? null : checkIn.eventId().toString(),
                    checkIn.venueId().value(), checkIn.kioskId().value(), KioskTimes.format(checkIn.tappedAt()),
                    pending.visitDay().toString(), checkIn.clockSynced() ? 1 : 0, checkIn.cardKind().name(),
                    checkIn.appVersion());
            return true;
        } catch (SQLiteException e) {
            if (e.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE) {
                return false;
            }
            throw e;
        }
    }

    /** True when this token has checked in to this event. */
    public synchronized boolean hasCheckedInToEvent(Token token, UUID eventId) {
        return read(() -> queryLong("SELECT COUNT(*) FROM check_ins WHERE token = ? AND event_id = ?",
                token.value(), eventId.toString()) > 0);
    }

    /** True when this token has a general (no event) visit recorded on this local day. */
    public synchronized boolean hasGeneralVisitOn(Token token, LocalDate day) {
        return read(() -> queryLong("SELECT COUNT(*) FROM check_ins WHERE token = ? AND visit_day = ?"
                + " AND event_id IS NULL", token.value(), day.toString()) > 0);
    }

    /** The number of distinct days in {@code year} on which this token checked in here. */
    public synchronized int visitDaysInYear(Token token, Year year) {
        return read(() -> (int) queryLong("SELECT COUNT(DISTINCT visit_day) FROM check_ins WHERE token = ?"
                        + " AND visit_day >= ? AND visit_day < ?", token.value(),
                year.atDay(1).toString(), year.plusYears(1).atDay(1).toString()));
    }

    /** Check-ins not yet acknowledged by central. */
    public synchronized long outboxBacklog() {
        return read(() -> queryLong("SELECT COUNT(*) FROM outbox WHERE delivered_at IS NULL"));
    }

    /** When the last check-in was recorded, if any. */
    public synchronized Optional<Instant> lastCheckInAt() {
        return read(() -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT MAX(tapped_at) FROM check_ins");
                 ResultSet rows = statement.executeQuery()) {
                String value = rows.next() ? rows.getString(1) : null;
                return Optional.ofNullable(value).map(Instant::parse);
            }
        });
    }

    // ---- events ----

    /** Inserts or updates an event's details; leaves its active and closed flags alone. */
    public synchronized void upsertEvent(Event event, EventOrigin origin) {
        inTransaction(() -> {
            update("INSERT INTO events (" + KioskRows.EVENT_COLUMNS + ", origin, updated_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                            + " ON CONFLICT (id) DO UPDATE SET venue_id = excluded.venue_id, "
                            + KioskRows.EVENT_DETAILS_FROM_EXCLUDED + ", updated_at = excluded.updated_at",
                    EventRows.parameters(event, origin, KioskTimes.format(clock.instant())));
            return null;
        });
    }

    /**
     * Saves an event made or changed by staff on this kiosk: origin {@code kiosk}, and marked
     * unpublished so that the sync agent sends it (again) to central.
     */
    public synchronized void saveKioskEvent(Event event) {
        inTransaction(() -> {
            update("INSERT INTO events (" + KioskRows.EVENT_COLUMNS + ", origin, updated_at, published)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)"
                            + " ON CONFLICT (id) DO UPDATE SET " + KioskRows.EVENT_DETAILS_FROM_EXCLUDED
                            + ", updated_at = excluded.updated_at, published = 0",
                    EventRows.parameters(event, EventOrigin.KIOSK, KioskTimes.format(clock.instant())));
            return null;
        });
    }

    /** Events that overlap the local day {@code day} (in the clock's zone), closed ones included, by start. */
    public synchronized List<StoredEvent> eventsOn(LocalDate day) {
        ZoneId zone = clock.getZone();
        String from = KioskTimes.format(day.atStartOfDay(zone).toInstant());
        String to = KioskTimes.format(day.plusDays(1).atStartOfDay(zone).toInstant());
        return read(() -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT " + EVENT_COLUMNS
                    + ", e.active, e.closed, e.origin, (SELECT COUNT(*) FROM check_ins c WHERE c.event_id = e.id)"
                    + " FROM events e WHERE e.starts_at < ? AND e.ends_at > ? ORDER BY e.starts_at, e.title")) {
                statement.setString(1, to);
                statement.setString(2, from);
                List<StoredEvent> events = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        events.add(new StoredEvent(EventRows.event(rows), rows.getInt(12) == 1,
                                rows.getInt(13) == 1, EventOrigin.fromCode(rows.getString(14)), rows.getInt(15)));
                    }
                }
                return events;
            }
        });
    }

    /** The event staff made active and have not closed: taps count against it. */
    public synchronized Optional<Event> activeEvent() {
        return read(() -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT " + EVENT_COLUMNS + " FROM events e WHERE e.active = 1 AND e.closed = 0 LIMIT 1");
                 ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(EventRows.event(rows)) : Optional.empty();
            }
        });
    }

    /** Makes this event the active one (and no other). False when it is unknown or closed. */
    public synchronized boolean makeActive(UUID eventId) {
        return inTransaction(() -> {
            if (queryLong("SELECT COUNT(*) FROM events WHERE id = ? AND closed = 0", eventId.toString()) == 0) {
                return false;
            }
            update("UPDATE events SET active = 0 WHERE active = 1");
            update("UPDATE events SET active = 1, updated_at = ? WHERE id = ?",
                    KioskTimes.format(clock.instant()), eventId.toString());
            return true;
        });
    }

    /** Closes the event: no more check-ins count against it. False when it is unknown. */
    public synchronized boolean closeEvent(UUID eventId) {
        // A kiosk-made event is sent up again so that central learns it was closed.
        return inTransaction(() -> update("UPDATE events SET active = 0, closed = 1, updated_at = ?,"
                        + " published = CASE WHEN origin = 'kiosk' THEN 0 ELSE published END WHERE id = ?",
                KioskTimes.format(clock.instant()), eventId.toString()) == 1);
    }

    // ---- staff and settings ----

    /** Enrols a staff member's card on this kiosk (origin {@code kiosk}; tests and the demo). */
    public synchronized void enrolStaffCard(UUID staffId, String displayName, Token cardToken) {
        inTransaction(() -> update("INSERT INTO staff (id, display_name, card_token, created_at) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT (id) DO UPDATE SET display_name = excluded.display_name,"
                        + " card_token = excluded.card_token",
                staffId.toString(), displayName, cardToken.value(), KioskTimes.format(clock.instant())));
    }

    /** Sets a staff member's PIN hash (from {@code PinHasher}), creating the staff member if new. */
    public synchronized void setStaffPin(UUID staffId, String displayName, String pinHash) {
        inTransaction(() -> update("INSERT INTO staff (id, display_name, pin_hash, created_at) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT (id) DO UPDATE SET display_name = excluded.display_name,"
                        + " pin_hash = excluded.pin_hash",
                staffId.toString(), displayName, pinHash, KioskTimes.format(clock.instant())));
    }

    /** Every staff member who has a PIN and is not revoked, oldest first: the candidates for a PIN alone. */
    public synchronized List<StaffRow> staffPins() {
        return staffRows("WHERE pin_hash IS NOT NULL AND revoked_at IS NULL ORDER BY created_at, id");
    }

    /** The staff member whose enrolled card has this token, revoked or not. */
    @Override
    public synchronized Optional<StaffRow> staffByCard(Token cardToken) {
        return staffRows("WHERE card_token = ?", cardToken.value()).stream().findFirst();
    }

    /** The staff member with this id, revoked or not. */
    public synchronized Optional<StaffRow> staffById(UUID staffId) {
        return staffRows("WHERE id = ?", staffId.toString()).stream().findFirst();
    }

    /** The display name of the staff member whose enrolled card has this token. */
    public synchronized Optional<String> staffNameForCard(Token cardToken) {
        return staffByCard(cardToken).map(StaffRow::displayName);
    }

    /** The venue's staff-auth setting, as the sync agent last wrote it from the venue config. */
    @Override
    public synchronized StaffAuth staffAuth() {
        return StaffSettings.authFrom(setting(StaffSettings.AUTH).orElse(null));
    }

    private List<StaffRow> staffRows(String where, Object... parameters) {
        return read(() -> {
            try (PreparedStatement statement = prepare("SELECT id, display_name, pin_hash, card_token IS NOT NULL,"
                    + " revoked_at IS NOT NULL FROM staff " + where, parameters);
                 ResultSet rows = statement.executeQuery()) {
                List<StaffRow> found = new ArrayList<>();
                while (rows.next()) {
                    found.add(new StaffRow(UUID.fromString(rows.getString(1)), rows.getString(2), rows.getString(3),
                            rows.getBoolean(4), rows.getBoolean(5)));
                }
                return found;
            }
        });
    }

    public synchronized Optional<String> setting(String key) {
        return queryString("SELECT value FROM settings WHERE key = ?", key);
    }

    public synchronized void putSetting(String key, String value) {
        inTransaction(() -> update(KioskRows.UPSERT_SETTING, key, value));
    }

    /** True once the sync agent has sent this event to central (kiosk-made events start unpublished). */
    public synchronized boolean isPublished(UUID eventId) {
        return read(() -> queryLong("SELECT published FROM events WHERE id = ?", eventId.toString()) == 1);
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("Closing the kiosk store failed: {}", e.getMessage());
        }
    }

    // ---- plumbing ----

    private interface Work<T> {
        T run() throws SQLException;
    }

    /**
     * Runs {@code work} in a {@code BEGIN IMMEDIATE} transaction (the write lock is taken at the
     * start, so a concurrent writer waits on the busy timeout rather than failing mid-way).
     * The connection is otherwise in auto-commit mode and holds no lock between calls.
     */
    private <T> T inTransaction(Work<T> work) {
        try {
            execute("BEGIN IMMEDIATE");
        } catch (SQLException e) {
            throw new KioskStoreException("kiosk store is busy or unwritable: " + e.getMessage(), e);
        }
        try {
            T result = work.run();
            execute("COMMIT");
            return result;
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly();
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new KioskStoreException("kiosk store write failed: " + e.getMessage(), e);
        }
    }

    private <T> T read(Work<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw new KioskStoreException("kiosk store read failed: " + e.getMessage(), e);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private void rollbackQuietly() {
        try {
            execute("ROLLBACK");
        } catch (SQLException e) {
            LOG.warn("Rollback failed: {}", e.getMessage());
        }
    }

    private int update(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(sql, parameters)) {
            return statement.executeUpdate();
        }
    }

    private long queryLong(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(sql, parameters); ResultSet rows = statement.executeQuery()) {
            return rows.next() ? rows.getLong(1) : 0;
        }
    }

    private Optional<String> queryString(String sql, Object... parameters) {
        return read(() -> {
            try (PreparedStatement statement = prepare(sql, parameters); ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.ofNullable(rows.getString(1)) : Optional.empty();
            }
        });
    }

    private PreparedStatement prepare(String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }
}
