package org.culturecard.central.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.culturecard.core.checkin.CheckIn;
import org.culturecard.core.ids.KioskId;
import org.culturecard.core.ids.VenueId;
import org.culturecard.core.wire.CheckInBatch;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The central store on PostgreSQL through a HikariCP pool, schema by Flyway
 * ({@code classpath:db/central}). A batch goes in as one {@code INSERT ... SELECT FROM unnest(...)
 * ON CONFLICT (id) DO NOTHING} in one transaction: one round trip per batch, and a redelivered
 * batch is harmless because the kiosk's UUIDv7 ids are the primary key. The same transaction marks
 * the batch's UTC days dirty for the report rollup (one statement per commit, the last before it,
 * so the row locks on those days are held only while committing).
 */
public final class PostgresCheckInStore implements CheckInStore, CheckInQueries, AutoCloseable {

    /** Dead-letter payloads are kept up to this many bytes. */
    public static final int MAX_DEAD_LETTER_BYTES = 64 * 1024;
    private static final int MAX_REASON_CHARS = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(PostgresCheckInStore.class);

    private static final String INSERT_BATCH = """
            INSERT INTO check_ins (id, seq, token, event_id, venue_id, kiosk_id, tapped_at, clock_synced,
                                   card_kind, app_version, received_at)
            SELECT u.id, u.seq, u.token, u.event_id, u.venue_id, u.kiosk_id, u.tapped_at, u.clock_synced,
                   u.card_kind, u.app_version, ?
            FROM unnest(?::uuid[], ?::bigint[], ?::text[], ?::uuid[], ?::text[], ?::text[], ?::timestamptz[],
                        ?::boolean[], ?::text[], ?::text[])
                 AS u(id, seq, token, event_id, venue_id, kiosk_id, tapped_at, clock_synced, card_kind, app_version)
            ON CONFLICT (id) DO NOTHING""";
    /** Days in array order (sorted), so that two workers marking the same days cannot deadlock. */
    private static final String MARK_DAYS_DIRTY = """
            INSERT INTO report_dirty_days (day, version)
            SELECT d.day, 1 FROM unnest(?::date[]) WITH ORDINALITY AS d(day, n) ORDER BY d.n
            ON CONFLICT (day) DO UPDATE SET version = report_dirty_days.version + 1""";
    private static final String REGISTER_KIOSK =
            "INSERT INTO kiosks (kiosk_id, venue_id) VALUES (?, ?) ON CONFLICT (kiosk_id) DO NOTHING";
    private static final String SELECT_CHECKINS = "SELECT id, seq, token, event_id, venue_id, kiosk_id, tapped_at,"
            + " clock_synced, card_kind, app_version, received_at FROM check_ins ";

    private final DataSource dataSource;
    private final Clock clock;
    private final AutoCloseable pool;

    /** Uses an existing data source (schema already migrated, see {@link #migrate(DataSource)}). */
    public PostgresCheckInStore(DataSource dataSource, Clock clock) {
        this(dataSource, clock, null);
    }

    private PostgresCheckInStore(DataSource dataSource, Clock clock, AutoCloseable pool) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.pool = pool;
    }

    /** Opens a pool of {@code poolSize} connections, migrates the schema, and returns the store that owns the pool. */
    public static PostgresCheckInStore open(String jdbcUrl, String user, String password, int poolSize, Clock clock) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("central-db");
        config.setConnectionTimeout(5_000);
        config.setInitializationFailTimeout(30_000);
        HikariDataSource pool = new HikariDataSource(config);
        try {
            migrate(pool);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new PostgresCheckInStore(pool, clock, pool);
    }

    /** The pool, for the other adapters on the same database (reports, fleet). */
    public DataSource dataSource() {
        return dataSource;
    }

    /** Applies the Flyway migrations in {@code classpath:db/central}. */
    public static void migrate(DataSource dataSource) {
        var result = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/central")
                .load()
                .migrate();
        LOG.info("central schema at version {} ({} migrations applied)", result.targetSchemaVersion, result.migrationsExecuted);
    }

    @Override
    public InsertResult insertBatch(CheckInBatch batch) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                int inserted = insertRecords(connection, batch.records());
                registerKiosk(connection, batch.kioskId(), batch.venueId());
                markDaysDirty(connection, List.of(batch));
                connection.commit();
                return new InsertResult(inserted, batch.records().size() - inserted);
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection);
                throw e;
            }
        } catch (SQLException e) {
            throw classify("insert batch " + batch.batchId(), e);
        }
    }

    @Override
    public List<InsertResult> insertBatches(List<CheckInBatch> batches) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                // Kiosks first and in one order, so two workers registering the same new kiosks cannot deadlock.
                java.util.TreeMap<String, CheckInBatch> kiosks = new java.util.TreeMap<>();
                batches.forEach(b -> kiosks.putIfAbsent(b.kioskId().value(), b));
                for (CheckInBatch batch : kiosks.values()) {
                    registerKiosk(connection, batch.kioskId(), batch.venueId());
                }
                List<InsertResult> results = new ArrayList<>(batches.size());
                for (CheckInBatch batch : batches) {
                    int inserted = insertRecords(connection, batch.records());
                    results.add(new InsertResult(inserted, batch.records().size() - inserted));
                }
                markDaysDirty(connection, batches);
                connection.commit();
                return results;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection);
                throw e;
            }
        } catch (SQLException e) {
            throw classify("insert " + batches.size() + " batches", e);
        }
    }

    private int insertRecords(Connection connection, List<CheckIn> records) throws SQLException {
        int n = records.size();
        UUID[] ids = new UUID[n];
        Long[] seqs = new Long[n];
        String[] tokens = new String[n];
        UUID[] events = new UUID[n];
        String[] venues = new String[n];
        String[] kiosks = new String[n];
        String[] tapped = new String[n];
        Boolean[] synced = new Boolean[n];
        String[] kinds = new String[n];
        String[] versions = new String[n];
        for (int i = 0; i < n; i++) {
            CheckIn r = records.get(i);
            ids[i] = r.id();
            seqs[i] = r.seq();
            tokens[i] = r.token().value();
            events[i] = r.eventId();
            venues[i] = r.venueId().value();
            kiosks[i] = r.kioskId().value();
            tapped[i] = r.tappedAt().toString();
            synced[i] = r.clockSynced();
            kinds[i] = r.cardKind().name();
            versions[i] = r.appVersion();
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT_BATCH)) {
            insert.setObject(1, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
            insert.setArray(2, connection.createArrayOf("uuid", ids));
            insert.setArray(3, connection.createArrayOf("int8", seqs));
            insert.setArray(4, connection.createArrayOf("text", tokens));
            insert.setArray(5, connection.createArrayOf("uuid", events));
            insert.setArray(6, connection.createArrayOf("text", venues));
            insert.setArray(7, connection.createArrayOf("text", kiosks));
            insert.setArray(8, connection.createArrayOf("text", tapped));
            insert.setArray(9, connection.createArrayOf("bool", synced));
            insert.setArray(10, connection.createArrayOf("text", kinds));
            insert.setArray(11, connection.createArrayOf("text", versions));
            return insert.executeUpdate();
        }
    }

    /**
     * Marks the UTC days of every record dirty for the report rollup. A redelivered record marks
     * its day again, which costs one needless rebuild of that day and is otherwise harmless.
     */
    private static void markDaysDirty(Connection connection, List<CheckInBatch> batches) throws SQLException {
        java.util.TreeSet<LocalDate> days = new java.util.TreeSet<>();
        for (CheckInBatch batch : batches) {
            batch.records().forEach(r -> days.add(LocalDate.ofInstant(r.tappedAt(), ZoneOffset.UTC)));
        }
        if (days.isEmpty()) {
            return;
        }
        try (PreparedStatement mark = connection.prepareStatement(MARK_DAYS_DIRTY)) {
            mark.setArray(1, connection.createArrayOf("date", days.stream().map(LocalDate::toString).toArray()));
            mark.executeUpdate();
        }
    }

    private static void registerKiosk(Connection connection, KioskId kiosk, VenueId venue) throws SQLException {
        try (PreparedStatement register = connection.prepareStatement(REGISTER_KIOSK)) {
            register.setString(1, kiosk.value());
            register.setString(2, venue.value());
            register.executeUpdate();
        }
    }

    @Override
    public void deadLetter(String topic, String reason, byte[] payload) {
        byte[] bounded = payload.length > MAX_DEAD_LETTER_BYTES ? Arrays.copyOf(payload, MAX_DEAD_LETTER_BYTES) : payload;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO dead_letters (received_at, topic, reason, payload, payload_size) VALUES (?, ?, ?, ?, ?)")) {
            insert.setObject(1, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
            insert.setString(2, printable(topic == null ? "" : topic, MAX_REASON_CHARS));
            insert.setString(3, printable(reason, MAX_REASON_CHARS));
            insert.setBytes(4, bounded);
            insert.setInt(5, payload.length);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw classify("dead-letter from " + topic, e);
        }
    }

    @Override
    public Optional<VenueId> registeredVenue(KioskId kiosk) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT venue_id FROM kiosks WHERE kiosk_id = ?")) {
            select.setString(1, kiosk.value());
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(VenueId.of(rs.getString(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw classify("look up kiosk " + kiosk, e);
        }
    }

    /** Registers (or re-registers) a kiosk under a venue with its certificate fingerprint. */
    public void registerKiosk(KioskId kiosk, VenueId venue, String certFingerprint) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement(
                     "INSERT INTO kiosks (kiosk_id, venue_id, cert_fingerprint) VALUES (?, ?, ?) ON CONFLICT (kiosk_id)"
                             + " DO UPDATE SET venue_id = EXCLUDED.venue_id, cert_fingerprint = EXCLUDED.cert_fingerprint")) {
            upsert.setString(1, kiosk.value());
            upsert.setString(2, venue.value());
            upsert.setString(3, certFingerprint);
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw classify("register kiosk " + kiosk, e);
        }
    }

    @Override
    public List<StoredCheckIn> recentCheckIns(int limit) {
        return queryCheckIns(SELECT_CHECKINS + "ORDER BY received_at DESC, id DESC LIMIT ?", null, limit);
    }

    @Override
    public List<StoredCheckIn> checkInsByKiosk(KioskId kiosk, int limit) {
        return queryCheckIns(SELECT_CHECKINS + "WHERE kiosk_id = ? ORDER BY seq DESC LIMIT ?", kiosk.value(), limit);
    }

    @Override
    public long countCheckIns() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT count(*) FROM check_ins");
             ResultSet rs = select.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw classify("count check-ins", e);
        }
    }

    @Override
    public List<KioskRow> kiosks() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT kiosk_id, venue_id, cert_fingerprint, state,"
                     + " last_seen, backlog, reader_state, versions::text FROM kiosks ORDER BY venue_id, kiosk_id");
             ResultSet rs = select.executeQuery()) {
            List<KioskRow> rows = new ArrayList<>();
            while (rs.next()) {
                long backlog = rs.getLong(6);
                rows.add(new KioskRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        instant(rs.getTimestamp(5)), rs.wasNull() ? null : backlog, rs.getString(7), rs.getString(8)));
            }
            return rows;
        } catch (SQLException e) {
            throw classify("list kiosks", e);
        }
    }

    @Override
    public List<DeadLetterRow> recentDeadLetters(int limit) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT id, received_at, topic, reason, payload_size"
                     + " FROM dead_letters ORDER BY id DESC LIMIT ?")) {
            select.setInt(1, limit);
            try (ResultSet rs = select.executeQuery()) {
                List<DeadLetterRow> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(new DeadLetterRow(rs.getLong(1), instant(rs.getTimestamp(2)), rs.getString(3),
                            rs.getString(4), rs.getInt(5)));
                }
                return rows;
            }
        } catch (SQLException e) {
            throw classify("list dead letters", e);
        }
    }

    /** Closes the pool if this store opened it. */
    @Override
    public void close() {
        if (pool != null) {
            try {
                pool.close();
            } catch (Exception e) {
                LOG.warn("closing the database pool failed: {}", e.toString());
            }
        }
    }

    private List<StoredCheckIn> queryCheckIns(String sql, String kiosk, int limit) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            int i = 1;
            if (kiosk != null) {
                select.setString(i++, kiosk);
            }
            select.setInt(i, limit);
            try (ResultSet rs = select.executeQuery()) {
                List<StoredCheckIn> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(new StoredCheckIn(rs.getObject(1, UUID.class), rs.getLong(2), rs.getString(3),
                            rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6), instant(rs.getTimestamp(7)),
                            rs.getBoolean(8), rs.getString(9), rs.getString(10), instant(rs.getTimestamp(11))));
                }
                return rows;
            }
        } catch (SQLException e) {
            throw classify("query check-ins", e);
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** SQLSTATE class 22 (data exception) and 23 (integrity) are the data's fault; the rest may pass. */
    static RuntimeException classify(String what, SQLException e) {
        String state = e.getSQLState();
        boolean dataFault = !(e instanceof SQLTransientException) && state != null
                && (state.startsWith("22") || state.startsWith("23"));
        String message = what + " failed: " + e.getMessage() + " (SQLSTATE " + state + ")";
        return dataFault ? new StoreRejectedException(message, e) : new StoreUnavailableException(message, e);
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            LOG.debug("rollback failed: {}", e.toString());
        }
    }

    private static String printable(String text, int max) {
        String clean = text.replace('\u0000', '?');
        return clean.length() <= max ? clean : clean.substring(0, max);
    }

}
