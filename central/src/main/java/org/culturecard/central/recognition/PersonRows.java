package org.culturecard.central.recognition;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Tokens and person ids to canonical persons, and the two dirty tables of ADR 33:
 * {@code recognition_dirty} (tokens, written by ingest) and {@code recognition_dirty_people}
 * (persons, written by the identity trigger). A row is deleted only if its version is the one read.
 */
final class PersonRows {

    /** A dirty row as read: its key and version. */
    record Dirty<K>(K key, long version) {
    }

    private PersonRows() {
    }

    /** Gives every token a person id if it has none yet (as the rollup does). */
    static void ensurePeople(Connection connection, Collection<String> tokens) throws SQLException {
        if (tokens.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO people (token) SELECT t FROM unnest(?::text[]) AS u(t) ORDER BY t ON CONFLICT (token) DO NOTHING")) {
            insert.setArray(1, connection.createArrayOf("text", new TreeSet<>(tokens).toArray()));
            insert.executeUpdate();
        }
    }

    /** The canonical person of each token that has one. */
    static Map<String, Integer> personsOfTokens(Connection connection, Collection<String> tokens) throws SQLException {
        Map<String, Integer> persons = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT token, coalesce(canonical_id, person_id) FROM people WHERE token = ANY (?)")) {
            select.setArray(1, connection.createArrayOf("text", tokens.toArray()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    persons.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        return persons;
    }

    /** The canonical person of each person id (itself unless merged into another). */
    static Map<Integer, Integer> canonical(Connection connection, Collection<Integer> persons) throws SQLException {
        Map<Integer, Integer> canonical = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT person_id, coalesce(canonical_id, person_id) FROM people WHERE person_id = ANY (?)")) {
            select.setArray(1, connection.createArrayOf("int4", persons.toArray()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    canonical.put(rs.getInt(1), rs.getInt(2));
                }
            }
        }
        return canonical;
    }

    /** Up to {@code limit} canonical persons with an id after {@code after}, in order (the backfill's batches). */
    static List<Integer> canonicalAfter(Connection connection, int after, int limit) throws SQLException {
        List<Integer> ids = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT person_id FROM people WHERE person_id > ?"
                + " AND (canonical_id IS NULL OR canonical_id = person_id) ORDER BY person_id LIMIT ?")) {
            select.setInt(1, after);
            select.setInt(2, limit);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getInt(1));
                }
            }
        }
        return ids;
    }

    /** Up to {@code limit} dirty tokens, in order. */
    static List<Dirty<String>> dirtyTokens(Connection connection, int limit) throws SQLException {
        return dirty(connection, "SELECT token, version FROM recognition_dirty ORDER BY token LIMIT ?", limit,
                rs -> rs.getString(1));
    }

    /** Up to {@code limit} dirty persons, in order. */
    static List<Dirty<Integer>> dirtyPeople(Connection connection, int limit) throws SQLException {
        return dirty(connection, "SELECT person_id, version FROM recognition_dirty_people ORDER BY person_id LIMIT ?", limit,
                rs -> rs.getInt(1));
    }

    /** A dirty row's key from the first column. */
    @FunctionalInterface
    private interface Key<K> {
        K read(ResultSet rs) throws SQLException;
    }

    private static <K> List<Dirty<K>> dirty(Connection connection, String sql, int limit, Key<K> key) throws SQLException {
        List<Dirty<K>> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setInt(1, limit);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Dirty<>(key.read(rs), rs.getLong(2)));
                }
            }
        }
        return rows;
    }

    /**
     * Deletes the dirty tokens still at the version read. Runs in its own transaction: the rows are
     * locked in token order first, the order ingest marks them in, so the two cannot deadlock.
     */
    static void clearTokens(Connection connection, List<Dirty<String>> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        Object[] tokens = rows.stream().map(Dirty::key).toArray();
        Object[] versions = rows.stream().map(Dirty::version).toArray();
        try (PreparedStatement lock = connection.prepareStatement(
                "SELECT token FROM recognition_dirty WHERE token = ANY (?) ORDER BY token FOR UPDATE");
             PreparedStatement delete = connection.prepareStatement("DELETE FROM recognition_dirty d USING"
                     + " unnest(?::text[], ?::int8[]) AS u(token, version) WHERE d.token = u.token AND d.version = u.version")) {
            lock.setArray(1, connection.createArrayOf("text", tokens));
            lock.executeQuery().close();
            delete.setArray(1, connection.createArrayOf("text", tokens));
            delete.setArray(2, connection.createArrayOf("int8", versions));
            delete.executeUpdate();
        }
    }

    /** Deletes a dirty person still at the version read (one row: the identity trigger's order is not ours). */
    static void clearPerson(Connection connection, Dirty<Integer> row) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM recognition_dirty_people WHERE person_id = ? AND version = ?")) {
            delete.setInt(1, row.key());
            delete.setLong(2, row.version());
            delete.executeUpdate();
        }
    }
}
