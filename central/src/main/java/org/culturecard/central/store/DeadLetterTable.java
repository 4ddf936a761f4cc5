package org.culturecard.central.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;

/**
 * The {@code dead_letters} table: writing a row (inside a caller's transaction or on its own),
 * and the rows kept whole that an admin can replay.
 */
public final class DeadLetterTable {

    /** Dead-letter payloads are kept up to this many bytes at the very most (the table's limit). */
    public static final int MAX_PAYLOAD_BYTES = 64 * 1024;
    private static final int MAX_TEXT_CHARS = 1000;
    private static final String INSERT = """
            INSERT INTO dead_letters (received_at, topic, reason, payload, payload_size, reason_class, kiosk_segment, record_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (record_id) WHERE record_id IS NOT NULL DO NOTHING""";

    /** A dead letter kept whole that can be sent through ingest again. */
    public record Replayable(long id, String topic, byte[] payload) {
    }

    private final DataSource dataSource;

    public DeadLetterTable(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    static void insert(Connection connection, DeadLetter letter, Instant receivedAt) throws SQLException {
        byte[] payload = letter.payload();
        byte[] kept = payload.length > MAX_PAYLOAD_BYTES ? Arrays.copyOf(payload, MAX_PAYLOAD_BYTES) : payload;
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setObject(1, OffsetDateTime.ofInstant(receivedAt, ZoneOffset.UTC));
            insert.setString(2, printable(letter.topic()));
            insert.setString(3, printable(letter.reason()));
            insert.setBytes(4, kept);
            insert.setInt(5, letter.payloadSize());
            insert.setString(6, letter.reasonClass().label());
            insert.setString(7, letter.kioskSegment() == null ? null : printable(letter.kioskSegment()));
            insert.setObject(8, letter.recordId());
            insert.executeUpdate();
        }
    }

    /** The check-ins kept whole and not replayed yet; all of them when {@code ids} is empty. */
    public List<Replayable> replayable(List<Long> ids) {
        String sql = "SELECT id, topic, payload FROM dead_letters WHERE record_id IS NOT NULL AND replayed_at IS NULL"
                + (ids.isEmpty() ? "" : " AND id = ANY (?)") + " ORDER BY id";
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(sql)) {
            if (!ids.isEmpty()) {
                select.setArray(1, connection.createArrayOf("int8", ids.toArray()));
            }
            try (ResultSet rs = select.executeQuery()) {
                List<Replayable> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(new Replayable(rs.getLong(1), rs.getString(2), rs.getBytes(3)));
                }
                return rows;
            }
        } catch (SQLException e) {
            throw PostgresCheckInStore.classify("list replayable dead letters", e);
        }
    }

    /** Records what a replay did; {@code done} marks the row replayed, so it is not replayed again. */
    public void recordReplay(long id, boolean done, String result, Instant at) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement update = connection.prepareStatement(
                "UPDATE dead_letters SET replayed_at = CASE WHEN ? THEN ? ELSE replayed_at END, replay_result = ? WHERE id = ?")) {
            update.setBoolean(1, done);
            update.setObject(2, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
            update.setString(3, printable(result));
            update.setLong(4, id);
            update.executeUpdate();
        } catch (SQLException e) {
            throw PostgresCheckInStore.classify("record the replay of dead letter " + id, e);
        }
    }

    /** PostgreSQL text cannot hold NUL; long reasons are cut. */
    static String printable(String text) {
        String clean = text.replace('\u0000', '?');
        return clean.length() <= MAX_TEXT_CHARS ? clean : clean.substring(0, MAX_TEXT_CHARS);
    }
}
