package org.culturecard.sync.testing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.culturecard.core.card.CardKind;
import org.culturecard.core.checkin.CheckIn;
import org.culturecard.core.ids.KioskId;
import org.culturecard.core.ids.UuidV7;
import org.culturecard.core.ids.VenueId;
import org.culturecard.core.privacy.Token;
import org.culturecard.core.wire.WireCodec;
import org.culturecard.kioskdb.KioskTimes;

/**
 * Plays the kiosk's part in tests: creates the store as the kiosk does (kiosk-db, as the kiosk) and
 * records check-ins the way the kiosk does (check-in and outbox row in one transaction, outbox.seq =
 * check_ins.seq, payload = WireCodec JSON), on its own connection, as a separate process would.
 */
public final class KioskDb implements AutoCloseable {
    public static final KioskId KIOSK = KioskId.of("kiosk-1");
    public static final VenueId VENUE = VenueId.of("central-library");

    private final Path file;
    private final Connection connection;
    private final WireCodec codec = new WireCodec();
    private final UuidV7 ids = new UuidV7(Clock.systemUTC(), new Random(42));
    private long nextSeq = 1;

    private KioskDb(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /** Creates {@code dir/kiosk.db} with the kiosk's migrations. */
    public static KioskDb create(Path dir) throws SQLException {
        Path file = dir.resolve("kiosk.db");
        org.culturecard.kioskdb.KioskDb.open(file, org.culturecard.kioskdb.KioskDb.Role.KIOSK).close();
        Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        try (Statement pragmas = connection.createStatement()) {
            pragmas.execute("PRAGMA journal_mode=WAL");
            pragmas.execute("PRAGMA synchronous=FULL");
            pragmas.execute("PRAGMA busy_timeout=5000");
        }
        return new KioskDb(file, connection);
    }

    public Path file() {
        return file;
    }

    /** Records {@code count} general-visit check-ins, each with its outbox row in one transaction. */
    public List<CheckIn> record(int count, Instant at) throws SQLException {
        List<CheckIn> recorded = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            recorded.add(recordOne(at));
        }
        return recorded;
    }

    private CheckIn recordOne(Instant at) throws SQLException {
        long seq = nextSeq++;
        CheckIn checkIn = new CheckIn(ids.get(), seq, tokenFor(seq), null, VENUE, KIOSK, at, true,
                CardKind.MIFARE_CLASSIC_1K, "test-1.0");
        record(checkIn, at);
        return checkIn;
    }

    /**
     * Records this very check-in (its own seq, venue and kiosk) with its outbox row created at
     * {@code createdAt}, in one transaction, as the kiosk does.
     */
    public void record(CheckIn checkIn, Instant createdAt) throws SQLException {
        Instant at = checkIn.tappedAt();
        connection.setAutoCommit(false);
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO check_ins (id, seq, token, event_id, venue_id, kiosk_id, tapped_at, visit_day,"
                        + " clock_synced, card_kind, app_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement outbox = connection.prepareStatement(
                        "INSERT INTO outbox (seq, check_in_id, payload, created_at) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, checkIn.id().toString());
            insert.setLong(2, checkIn.seq());
            insert.setString(3, checkIn.token().value());
            insert.setString(4, checkIn.eventId() == null ? null : checkIn.eventId().toString());
            insert.setString(5, checkIn.venueId().value());
            insert.setString(6, checkIn.kioskId().value());
            insert.setString(7, KioskTimes.format(at));
            insert.setString(8, at.atZone(ZoneOffset.UTC).toLocalDate().toString());
            insert.setInt(9, checkIn.clockSynced() ? 1 : 0);
            insert.setString(10, checkIn.cardKind().name());
            insert.setString(11, checkIn.appVersion());
            insert.executeUpdate();
            outbox.setLong(1, checkIn.seq());
            outbox.setString(2, checkIn.id().toString());
            outbox.setString(3, new String(codec.encode(checkIn), StandardCharsets.UTF_8));
            outbox.setString(4, KioskTimes.format(createdAt)); // as the kiosk writes it
            outbox.executeUpdate();
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** Writes a raw outbox row (e.g. an unreadable payload) with its check-in. */
    public void recordRaw(String payload, Instant at) throws SQLException {
        CheckIn real = recordOne(at);
        try (PreparedStatement update = connection.prepareStatement("UPDATE outbox SET payload = ? WHERE seq = ?")) {
            update.setString(1, payload);
            update.setLong(2, real.seq());
            update.executeUpdate();
        }
    }

    /** A settings row's text as the agent left it, or null. */
    public String setting(String key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT value FROM settings WHERE key = ?")) {
            select.setString(1, key);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    /** Rows with delivered_at set. */
    public long deliveredCount() throws SQLException {
        return count("SELECT count(*) FROM outbox WHERE delivered_at IS NOT NULL");
    }

    /** Rows without delivered_at. */
    public long pendingCount() throws SQLException {
        return count("SELECT count(*) FROM outbox WHERE delivered_at IS NULL");
    }

    /** The batch id each row was last sent in, in seq order (null when never sent). */
    public List<String> batchIds() throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Statement select = connection.createStatement();
                ResultSet rows = select.executeQuery("SELECT batch_id FROM outbox ORDER BY seq")) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }

    private long count(String sql) throws SQLException {
        try (Statement select = connection.createStatement(); ResultSet rows = select.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static Token tokenFor(long seq) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(("card-" + seq).getBytes(StandardCharsets.UTF_8));
            return Token.of(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
