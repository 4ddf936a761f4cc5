package org.culturecard.central.recognition;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.culturecard.core.rules.Achievement;
import org.culturecard.core.rules.Visit;

/**
 * The {@code awards} and {@code recognition_goals} tables. An award is one row per person and
 * achievement, ever: a second evaluation finds it there, and only moves its completing check-in to
 * an earlier one (a late offline check-in), so the table ends up the same whatever order the
 * check-ins came in.
 */
final class AwardRows {

    /** One award to write: the achievement (its id and version) and the visit that completed it. */
    record Earned(int person, Achievement achievement, Visit completedBy) {
    }

    private static final String UPSERT = """
            INSERT INTO awards (person_id, achievement_id, version, awarded_at, completed_by, completed_at, venue_id)
            SELECT u.person, u.achievement, u.version, ?, u.completed_by, u.completed_at, u.venue
            FROM unnest(?::int[], ?::text[], ?::int[], ?::uuid[], ?::timestamptz[], ?::text[])
                 AS u(person, achievement, version, completed_by, completed_at, venue)
            ORDER BY u.person, u.achievement
            ON CONFLICT (person_id, achievement_id) DO UPDATE
                SET completed_by = EXCLUDED.completed_by, completed_at = EXCLUDED.completed_at, venue_id = EXCLUDED.venue_id
                WHERE (EXCLUDED.completed_at, EXCLUDED.completed_by) < (awards.completed_at, awards.completed_by)
            RETURNING (xmax = 0)""";
    private static final String MOVE = """
            WITH moved AS (DELETE FROM awards WHERE person_id = ? RETURNING *)
            INSERT INTO awards (person_id, achievement_id, version, awarded_at, completed_by, completed_at, venue_id, shown_at)
            SELECT ?, achievement_id, version, awarded_at, completed_by, completed_at, venue_id, shown_at FROM moved
            ON CONFLICT (person_id, achievement_id) DO UPDATE SET
                completed_by = CASE WHEN (EXCLUDED.completed_at, EXCLUDED.completed_by) < (awards.completed_at, awards.completed_by)
                                    THEN EXCLUDED.completed_by ELSE awards.completed_by END,
                venue_id = CASE WHEN (EXCLUDED.completed_at, EXCLUDED.completed_by) < (awards.completed_at, awards.completed_by)
                                THEN EXCLUDED.venue_id ELSE awards.venue_id END,
                completed_at = least(awards.completed_at, EXCLUDED.completed_at),
                awarded_at = least(awards.awarded_at, EXCLUDED.awarded_at),
                shown_at = least(awards.shown_at, EXCLUDED.shown_at)""";
    private static final String MOVE_GOAL = """
            WITH moved AS (DELETE FROM recognition_goals WHERE person_id = ? RETURNING *)
            INSERT INTO recognition_goals (person_id, pathway_id, chosen_at)
            SELECT ?, pathway_id, chosen_at FROM moved ON CONFLICT (person_id) DO NOTHING""";

    private AwardRows() {
    }

    /** Writes the awards not there yet (or an earlier completion); returns how many are new. */
    static int write(Connection connection, List<Earned> earned, Instant now) throws SQLException {
        if (earned.isEmpty()) {
            return 0;
        }
        int n = earned.size();
        Object[][] columns = new Object[6][n];
        for (int i = 0; i < n; i++) {
            Earned e = earned.get(i);
            Object[] values = {e.person(), e.achievement().id(), e.achievement().version(), e.completedBy().checkIn(),
                e.completedBy().tappedAt().toString(), e.completedBy().venue()};
            for (int c = 0; c < values.length; c++) {
                columns[c][i] = values[c];
            }
        }
        String[] types = {"int4", "text", "int4", "uuid", "text", "text"};
        int created = 0;
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
            upsert.setObject(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            for (int c = 0; c < types.length; c++) {
                upsert.setArray(c + 2, connection.createArrayOf(types[c], columns[c]));
            }
            try (ResultSet rs = upsert.executeQuery()) {
                while (rs.next()) {
                    created += rs.getBoolean(1) ? 1 : 0;
                }
            }
        }
        return created;
    }

    /** Moves a merged person's awards and goal to the person they now count as, without duplicates. */
    static void move(Connection connection, int from, int to) throws SQLException {
        for (String sql : List.of(MOVE, MOVE_GOAL)) {
            try (PreparedStatement move = connection.prepareStatement(sql)) {
                move.setInt(1, from);
                move.setInt(2, to);
                move.executeUpdate();
            }
        }
    }

    /** The achievement ids a person holds. */
    static Set<String> held(Connection connection, int person) throws SQLException {
        Set<String> ids = new HashSet<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT achievement_id FROM awards WHERE person_id = ?")) {
            select.setInt(1, person);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    /** Sets a person's goal (one pathway at a time). */
    static void setGoal(Connection connection, int person, String pathway, Instant now) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO recognition_goals (person_id, pathway_id,"
                + " chosen_at) VALUES (?, ?, ?) ON CONFLICT (person_id) DO UPDATE SET pathway_id = EXCLUDED.pathway_id,"
                + " chosen_at = EXCLUDED.chosen_at")) {
            upsert.setInt(1, person);
            upsert.setString(2, pathway);
            upsert.setObject(3, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            upsert.executeUpdate();
        }
    }

    /** A person's goal, or null. */
    static String goal(Connection connection, int person) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT pathway_id FROM recognition_goals WHERE person_id = ?")) {
            select.setInt(1, person);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** Earned awards as rows for {@link #write}. */
    static List<Earned> earned(int person, Map<String, Visit> completions, Map<String, Achievement> achievements) {
        List<Earned> rows = new ArrayList<>();
        completions.forEach((id, visit) -> rows.add(new Earned(person, achievements.get(id), visit)));
        return rows;
    }
}
