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
import org.culturecard.core.privacy.Token;
import org.culturecard.core.wire.AwardsShown;
import org.culturecard.core.wire.PendingAward;
import org.culturecard.core.wire.WireCodec;
import org.culturecard.core.wire.WireFormatException;
import org.culturecard.kioskdb.internal.Sql;

/**
 * The {@code awards_to_show} and {@code awards_shown_outbox} tables (version 4, ADR 37): the sync agent
 * {@linkplain #keep keeps} the pending awards of central's acks; the kiosk reads a card's
 * {@linkplain #forToken awards} and {@linkplain #markShown marks one shown}, which deletes it and queues the
 * "shown" record in one statement pair of the caller's transaction, so no award is shown twice; the agent reports
 * the {@linkplain #unreported unreported} ones to central and {@linkplain #reported marks them reported} on its ack.
 */
public final class AwardsToShow {
    private static final WireCodec CODEC = new WireCodec();
    private final Connection connection;

    AwardsToShow(Connection connection) {
        this.connection = connection;
    }

    /** Keeps awards to show (a newer copy replaces an older one); one already shown here is not kept. Returns how many. */
    public int keep(Collection<PendingAward> awards, Instant receivedAt) throws SQLException {
        int kept = 0;
        for (PendingAward award : awards) {
            kept += Sql.update(connection, "INSERT INTO awards_to_show (token, achievement_id, payload, received_at)"
                    + " SELECT ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM awards_shown_outbox s"
                    + " WHERE s.token = ? AND s.achievement_id = ?)"
                    + " ON CONFLICT (token, achievement_id) DO UPDATE SET payload = excluded.payload",
                    award.token().value(), award.achievementId(), new String(CODEC.encode(award), StandardCharsets.UTF_8),
                    KioskTimes.format(receivedAt), award.token().value(), award.achievementId());
        }
        return kept;
    }

    /** The awards waiting for the card of {@code token}, by achievement id. */
    public List<PendingAward> forToken(Token token) throws SQLException {
        List<PendingAward> awards = new ArrayList<>();
        try (PreparedStatement select = Sql.prepare(connection, "SELECT payload FROM awards_to_show WHERE token = ?"
                + " ORDER BY achievement_id", token.value()); ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                try {
                    awards.add(CODEC.decode(rows.getString(1).getBytes(StandardCharsets.UTF_8), PendingAward.class));
                } catch (WireFormatException e) {
                    throw new SQLException("an awards_to_show row is not an award: " + e.getMessage(), e);
                }
            }
        }
        return awards;
    }

    /** The award was shown: it leaves {@code awards_to_show} and queues for central. False if it was not waiting. */
    public boolean markShown(Token token, String achievementId, Instant shownAt) throws SQLException {
        int deleted = Sql.update(connection, "DELETE FROM awards_to_show WHERE token = ? AND achievement_id = ?",
                token.value(), achievementId);
        Sql.update(connection, "INSERT INTO awards_shown_outbox (token, achievement_id, shown_at) VALUES (?, ?, ?)"
                + " ON CONFLICT (token, achievement_id) DO NOTHING", token.value(), achievementId, KioskTimes.format(shownAt));
        return deleted == 1;
    }

    /** At most {@code limit} shown awards central has not acknowledged, oldest first. */
    public List<AwardsShown.Shown> unreported(int limit) throws SQLException {
        List<AwardsShown.Shown> shown = new ArrayList<>();
        try (PreparedStatement select = Sql.prepare(connection, "SELECT token, achievement_id, shown_at FROM awards_shown_outbox"
                + " WHERE delivered_at IS NULL ORDER BY shown_at, token, achievement_id LIMIT ?", limit);
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                shown.add(new AwardsShown.Shown(Token.of(rows.getString(1)), rows.getString(2), KioskTimes.parse(rows.getString(3))));
            }
        }
        return shown;
    }

    /** Central acknowledged these shown records. Returns how many became reported now. */
    public int reported(Collection<AwardsShown.Shown> shown, Instant at) throws SQLException {
        int changed = 0;
        for (AwardsShown.Shown s : shown) {
            changed += Sql.update(connection, "UPDATE awards_shown_outbox SET delivered_at = ? WHERE token = ?"
                    + " AND achievement_id = ? AND delivered_at IS NULL", KioskTimes.formatNanos(at), s.token().value(),
                    s.achievementId());
        }
        return changed;
    }
}
