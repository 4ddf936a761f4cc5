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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
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
 * batch is harmless because the kiosk's UUIDv7 ids are the primary key. The same transaction binds
 * check-ins to their events ({@link IngestTransaction}), keeps refused records whole, and marks the
 * batch's UTC days dirty for the report rollup (one statement per commit, the last before it, so
 * the row locks on those days are held only while committing). Nothing here registers a kiosk on
 * a kiosk's word: the registry comes from provisioning.
 */
public final class PostgresCheckInStore implements CheckInStore, CheckInQueries, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresCheckInStore.class);

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

    /** Stores the records as they are: no registry or event checks (bulk loads and tests; ingest uses {@link #ingest}). */
    @Override
    public InsertResult insertBatch(CheckInBatch batch) {
        return insertBatches(List.of(batch)).get(0);
    }

    @Override
    public List<InsertResult> insertBatches(List<CheckInBatch> batches) {
        return inTransaction("insert " + batches.size() + " batches", connection -> {
            List<InsertResult> results = new ArrayList<>(batches.size());
            List<Instant> days = new ArrayList<>();
            List<String> tokens = new ArrayList<>();
            for (CheckInBatch batch : batches) {
                List<PlacedCheckIn> rows = batch.records().stream().map(PlacedCheckIn::asTapped).toList();
                int inserted = CheckInRows.insert(connection, rows, clock.instant());
                results.add(new InsertResult(inserted, rows.size() - inserted));
                rows.forEach(r -> {
                    days.add(r.tappedAt());
                    tokens.add(r.record().token().value());
                });
            }
            CheckInRows.markTokensDirty(connection, tokens);
            CheckInRows.markDaysDirty(connection, days);
            return results;
        });
    }

    @Override
    public List<IngestResult> ingest(List<Admission> admissions) {
        return inTransaction("ingest " + admissions.size() + " batches",
                connection -> IngestTransaction.run(connection, admissions, clock.instant()));
    }

    @Override
    public void deadLetter(DeadLetter letter) {
        try (Connection connection = dataSource.getConnection()) {
            DeadLetterTable.insert(connection, letter, clock.instant());
        } catch (SQLException e) {
            throw classify("dead-letter from " + letter.topic(), e);
        }
    }

    private <T> T inTransaction(String what, Transactions.Work<T> work) {
        try {
            return Transactions.run(dataSource, work);
        } catch (SQLException e) {
            throw classify(what, e);
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

    /**
     * Registers (or re-registers) a kiosk under a venue with its certificate fingerprint. Only
     * provisioning's registry calls this: no message from a kiosk ever registers one.
     */
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

}
