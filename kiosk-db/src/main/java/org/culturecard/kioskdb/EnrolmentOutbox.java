package org.culturecard.kioskdb;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.culturecard.core.enrolment.Enrolment;
import org.culturecard.core.wire.WireCodec;
import org.culturecard.core.wire.WireFormatException;
import org.culturecard.kioskdb.internal.Sql;

/**
 * The {@code enrolment_outbox} table (version 3): the kiosk {@linkplain #append appends} each
 * enrolment record (ENROL, REPLACE, UNDO) as core's {@link Enrolment} in wire JSON, tokens and the
 * age band only; the sync agent reads {@linkplain #pending pending} rows in order and
 * {@linkplain #markDelivered marks them delivered} on central's ack. The kiosk reads the day's rows
 * back so staff can undo a mistaken enrolment ({@link #undoableSince}).
 */
public final class EnrolmentOutbox {
    private static final WireCodec CODEC = new WireCodec();
    private final Connection connection;

    EnrolmentOutbox(Connection connection) {
        this.connection = connection;
    }

    /** Appends a record; false when one with its id is already there (a repeat changes nothing). */
    public boolean append(Enrolment record) throws SQLException {
        return Sql.update(connection, "INSERT INTO enrolment_outbox (enrolment_id, kind, undoes, payload, created_at)"
                        + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (enrolment_id) DO NOTHING",
                record.id().toString(), record.kind().name(), record.undoes() == null ? null : record.undoes().toString(),
                new String(CODEC.encode(record), StandardCharsets.UTF_8), KioskTimes.format(record.enrolledAt())) == 1;
    }

    /** At most {@code limit} records central has not acknowledged, oldest first. */
    public List<Enrolment> pending(int limit) throws SQLException {
        return records("SELECT seq, payload FROM enrolment_outbox WHERE delivered_at IS NULL ORDER BY seq LIMIT ?", limit);
    }

    /** Central committed the records {@code ids}: they are delivered. Returns how many became so now (0 for a repeat). */
    public int markDelivered(Collection<UUID> ids, Instant at) throws SQLException {
        int changed = 0;
        for (UUID id : ids) {
            changed += Sql.update(connection, "UPDATE enrolment_outbox SET delivered_at = ?"
                    + " WHERE enrolment_id = ? AND delivered_at IS NULL", KioskTimes.formatNanos(at), id.toString());
        }
        return changed;
    }

    /** How many records central has not acknowledged. */
    public long backlog() throws SQLException {
        return Sql.queryLong(connection, "SELECT COUNT(*) FROM enrolment_outbox WHERE delivered_at IS NULL");
    }

    /**
     * The ENROL and REPLACE records made at or after {@code since} (the start of the kiosk's day) that
     * no UNDO has taken back, newest first, delivered or not: what staff may undo today.
     */
    public List<Enrolment> undoableSince(Instant since) throws SQLException {
        return records("SELECT seq, payload FROM enrolment_outbox e WHERE kind <> 'UNDO' AND created_at >= ?"
                + " AND NOT EXISTS (SELECT 1 FROM enrolment_outbox u WHERE u.undoes = e.enrolment_id)"
                + " ORDER BY seq DESC", KioskTimes.format(since));
    }

    private List<Enrolment> records(String sql, Object... parameters) throws SQLException {
        List<Enrolment> records = new ArrayList<>();
        try (PreparedStatement select = Sql.prepare(connection, sql, parameters); ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                records.add(decode(rows.getLong(1), rows.getString(2)));
            }
        }
        return records;
    }

    private static Enrolment decode(long seq, String payload) throws SQLException {
        try {
            return CODEC.decode(payload.getBytes(StandardCharsets.UTF_8), Enrolment.class);
        } catch (WireFormatException e) {
            throw new SQLException("enrolment_outbox row " + seq + " is not an enrolment record: " + e.getMessage(), e);
        }
    }
}
