package org.culturecard.kioskdb.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/** The few JDBC shapes every gateway uses: a statement with positional parameters, a count, one text value. */
public final class Sql {
    private Sql() {}

    /** Runs a statement without parameters (a pragma, {@code BEGIN IMMEDIATE}, {@code COMMIT}). */
    public static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Runs an insert, update or delete; returns the rows changed. */
    public static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        }
    }

    /** The first column of the first row as a number, 0 when there is no row (or it is NULL). */
    public static long queryLong(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters); ResultSet rows = statement.executeQuery()) {
            return rows.next() ? rows.getLong(1) : 0;
        }
    }

    /** The first column of the first row as text, empty when there is no row or it is NULL. */
    public static Optional<String> queryString(Connection connection, String sql, Object... parameters)
            throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters); ResultSet rows = statement.executeQuery()) {
            return rows.next() ? Optional.ofNullable(rows.getString(1)) : Optional.empty();
        }
    }

    /** A statement with {@code parameters} bound in order ({@code setObject}: null, text and numbers). */
    public static PreparedStatement prepare(Connection connection, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    /** True when the file has a table of this name. */
    public static boolean hasTable(Connection connection, String table) throws SQLException {
        return queryLong(connection, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = ?", table) > 0;
    }

    /** Rolls back the transaction begun by hand; a failure here is dropped, since the caller is already failing. */
    public static void rollbackQuietly(Connection connection) {
        try {
            execute(connection, "ROLLBACK");
        } catch (SQLException ignored) {
            // no transaction was open (BEGIN itself failed), or it went with the connection
        }
    }
}
