package org.culturecard.kioskdb;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.Optional;
import java.util.UUID;
import org.culturecard.core.checkin.CheckIn;
import org.culturecard.core.privacy.Token;
import org.culturecard.kioskdb.internal.Sql;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The {@code check_ins} table: the kiosk's record of every visit, by token (never a card UID).
 * The kiosk alone writes it; its unique indexes refuse a second check-in to an event and a second
 * general visit on one day.
 */
public final class CheckIns {
    private final Connection connection;

    CheckIns(Connection connection) {
        this.connection = connection;
    }

    /**
     * The next number of the kiosk's gap-free sequence: one more than the highest in the check-ins
     * and the outbox, so that no number is used twice. Call it in the transaction that writes the
     * check-in, so that a failed write leaves no gap.
     */
    public long nextSeq() throws SQLException {
        return Sql.queryLong(connection, "SELECT MAX(COALESCE((SELECT MAX(seq) FROM check_ins), 0),"
                + " COALESCE((SELECT MAX(seq) FROM outbox), 0)) + 1");
    }

    /**
     * Inserts the check-in, {@code visitDay} being the local date of the tap. False, writing nothing,
     * when it would be a second check-in to the event (or, with no event, a second visit that day).
     */
    public boolean insert(CheckIn checkIn, LocalDate visitDay) throws SQLException {
        try {
            Sql.update(connection, "INSERT INTO check_ins (id, seq, token, event_id, venue_id, kiosk_id, tapped_at,"
                            + " visit_day, clock_synced, card_kind, app_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    checkIn.id().toString(), checkIn.seq(), checkIn.token().value(),
                    checkIn.eventId() == null ? null : checkIn.eventId().toString(),
                    checkIn.venueId().value(), checkIn.kioskId().value(), KioskTimes.format(checkIn.tappedAt()),
                    visitDay.toString(), checkIn.clockSynced() ? 1 : 0, checkIn.cardKind().name(),
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
    public boolean hasCheckedInToEvent(Token token, UUID eventId) throws SQLException {
        return Sql.queryLong(connection, "SELECT COUNT(*) FROM check_ins WHERE token = ? AND event_id = ?",
                token.value(), eventId.toString()) > 0;
    }

    /** True when this token has a general (no event) visit on this local day. */
    public boolean hasGeneralVisitOn(Token token, LocalDate day) throws SQLException {
        return Sql.queryLong(connection, "SELECT COUNT(*) FROM check_ins WHERE token = ? AND visit_day = ?"
                + " AND event_id IS NULL", token.value(), day.toString()) > 0;
    }

    /** The number of distinct days in {@code year} on which this token checked in. */
    public int visitDaysInYear(Token token, Year year) throws SQLException {
        return (int) Sql.queryLong(connection, "SELECT COUNT(DISTINCT visit_day) FROM check_ins WHERE token = ?"
                        + " AND visit_day >= ? AND visit_day < ?", token.value(),
                year.atDay(1).toString(), year.plusYears(1).atDay(1).toString());
    }

    /** When the last check-in was tapped, if any. */
    public Optional<Instant> lastTappedAt() throws SQLException {
        return Sql.queryString(connection, "SELECT MAX(tapped_at) FROM check_ins").map(KioskTimes::parse);
    }
}
