package org.culturecard.central.recognition;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.culturecard.core.enrolment.AgeBand;
import org.culturecard.core.event.ArtsActivity;
import org.culturecard.core.event.LearningLayer;
import org.culturecard.core.event.Mode;
import org.culturecard.core.event.Sector;
import org.culturecard.core.rules.Visit;

/**
 * Reads the visits of canonical persons, as the reports count them (ADR 30): every token whose
 * person is one of them, taps after a lost card's {@code lost_at} and implausible tap times left out,
 * the events' attributes as they are now, and the person's age band at each tap (from their latest
 * applied enrolment, moved on to the next band from the month it changes).
 */
final class VisitRows {

    private static final String TOKENS = """
            WITH t AS (
                SELECT p.token, coalesce(p.canonical_id, p.person_id) AS person, p.lost_at FROM people p
                WHERE (p.person_id = ANY (?) AND (p.canonical_id IS NULL OR p.canonical_id = p.person_id))
                   OR p.canonical_id = ANY (?)
            )""";
    private static final String VISITS = TOKENS + """
            SELECT t.person, c.id, c.tapped_at, c.venue_id, c.event_id, e.sector, e.arts_activity, e.mode, e.learning_layer
            FROM t JOIN check_ins c ON c.token = t.token
            LEFT JOIN events e ON e.event_id = c.event_id
            WHERE c.time_basis <> 'implausible' AND (t.lost_at IS NULL OR c.tapped_at < t.lost_at)""";
    private static final String BANDS = TOKENS + """
            SELECT DISTINCT ON (t.person) t.person, en.age_band, en.band_changes_on
            FROM t JOIN enrolments en ON en.chip_token = t.token OR en.barcode_token = t.token
            WHERE en.outcome = 'applied' AND en.kind <> 'UNDO' AND en.undone_by IS NULL AND en.age_band IS NOT NULL
            ORDER BY t.person, en.enrolled_at DESC""";

    private VisitRows() {
    }

    /** A person's band as read at enrolment (stored by its enum name), and the first day of the month it changes (or null). */
    private record Band(AgeBand band, LocalDate changesOn) {
        AgeBand at(OffsetDateTime tappedAt) {
            LocalDate day = tappedAt.atZoneSameInstant(AgeBand.SCHEME_ZONE).toLocalDate();
            return changesOn != null && !day.isBefore(changesOn) ? band.next().orElse(band) : band;
        }
    }

    /** The visits of each of {@code persons} (canonical ids); a person without visits is absent. */
    static Map<Integer, List<Visit>> of(Connection connection, Collection<Integer> persons) throws SQLException {
        Map<Integer, List<Visit>> visits = new HashMap<>();
        if (persons.isEmpty()) {
            return visits;
        }
        Map<Integer, Band> bands = bands(connection, persons);
        try (PreparedStatement select = prepare(connection, VISITS, persons); ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                int person = rs.getInt(1);
                OffsetDateTime tappedAt = rs.getObject(3, OffsetDateTime.class);
                Band band = bands.get(person);
                String sector = rs.getString(6);
                visits.computeIfAbsent(person, p -> new ArrayList<>()).add(new Visit(rs.getObject(2, UUID.class),
                        tappedAt.toInstant(), rs.getString(4), rs.getObject(5, UUID.class),
                        sector == null ? null : Sector.fromCode(sector), code(rs.getString(7), ArtsActivity::fromCode),
                        code(rs.getString(8), Mode::fromCode), code(rs.getString(9), LearningLayer::fromCode),
                        band == null ? null : band.at(tappedAt)));
            }
        }
        return visits;
    }

    private static Map<Integer, Band> bands(Connection connection, Collection<Integer> persons) throws SQLException {
        Map<Integer, Band> bands = new HashMap<>();
        try (PreparedStatement select = prepare(connection, BANDS, persons); ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                bands.put(rs.getInt(1), new Band(AgeBand.valueOf(rs.getString(2)), rs.getObject(3, LocalDate.class)));
            }
        }
        return bands;
    }

    private static PreparedStatement prepare(Connection connection, String sql, Collection<Integer> persons)
            throws SQLException {
        PreparedStatement select = connection.prepareStatement(sql);
        Object[] ids = persons.toArray();
        select.setArray(1, connection.createArrayOf("int4", ids));
        select.setArray(2, connection.createArrayOf("int4", ids));
        return select;
    }

    private static <T> T code(String value, java.util.function.Function<String, T> parse) {
        return value == null ? null : parse.apply(value);
    }
}
