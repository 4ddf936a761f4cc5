package org.culturecard.central.shown;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.culturecard.central.store.StoreUnavailableException;
import org.culturecard.central.store.Transactions;
import org.culturecard.core.wire.AwardsShown;

/**
 * Sets {@code awards.shown_at} of the award of the canonical person of a shown record's token, once
 * ({@code WHERE shown_at IS NULL}): a repeated report changes nothing. All records of a report in one transaction.
 */
public final class ShownAwardRows {

    /** What became of one shown record. */
    public enum Outcome {
        /** {@code shown_at} was set now. */
        MARKED,
        /** The award was already marked shown. */
        ALREADY,
        /** The token's person holds no such award (or the token is unknown). */
        UNKNOWN
    }

    private static final String MARK = """
            UPDATE awards a SET shown_at = ?
            FROM people p
            WHERE p.token = ? AND a.person_id = coalesce(p.canonical_id, p.person_id)
              AND a.achievement_id = ? AND a.shown_at IS NULL""";
    private static final String HELD = """
            SELECT 1 FROM awards a JOIN people p ON a.person_id = coalesce(p.canonical_id, p.person_id)
            WHERE p.token = ? AND a.achievement_id = ?""";

    private final DataSource dataSource;

    public ShownAwardRows(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Marks each record shown; the outcomes in the records' order. */
    public List<Outcome> mark(List<AwardsShown.Shown> shown) {
        try {
            return Transactions.run(dataSource, connection -> markAll(connection, shown));
        } catch (SQLException e) {
            throw new StoreUnavailableException("marking awards shown failed: " + e.getMessage(), e);
        }
    }

    private static List<Outcome> markAll(Connection connection, List<AwardsShown.Shown> shown) throws SQLException {
        List<Outcome> outcomes = new ArrayList<>();
        try (PreparedStatement mark = connection.prepareStatement(MARK);
                PreparedStatement held = connection.prepareStatement(HELD)) {
            for (AwardsShown.Shown record : shown) {
                mark.setTimestamp(1, Timestamp.from(record.shownAt()));
                mark.setString(2, record.token().value());
                mark.setString(3, record.achievementId());
                if (mark.executeUpdate() > 0) {
                    outcomes.add(Outcome.MARKED);
                    continue;
                }
                held.setString(1, record.token().value());
                held.setString(2, record.achievementId());
                try (ResultSet rs = held.executeQuery()) {
                    outcomes.add(rs.next() ? Outcome.ALREADY : Outcome.UNKNOWN);
                }
            }
        }
        return outcomes;
    }
}
