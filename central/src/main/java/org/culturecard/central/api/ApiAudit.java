package org.culturecard.central.api;

import org.culturecard.central.config.Role;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The audit table of central's API ({@code api_audit}, ADR 0010): who (the token's name, never its
 * secret), when (the database's clock), and what (method, route, parameters) for every raw read
 * and every kiosk registry change. The row is written before the request is served: a read that
 * cannot be audited is refused.
 */
public final class ApiAudit {

    /** The longest parameter string kept; a longer one is cut and marked. */
    static final int MAX_PARAMETERS = 2000;

    private final DataSource dataSource;

    public ApiAudit(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Writes one row; an {@link IllegalStateException} when it cannot, so the request fails. */
    public void record(String tokenName, Role role, String method, String path, String parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO api_audit (at, token_name, role, method,"
                     + " route, parameters) VALUES (now(), ?, ?, ?, ?, ?)")) {
            insert.setString(1, tokenName);
            insert.setString(2, role.code());
            insert.setString(3, method);
            insert.setString(4, clean(path, MAX_PARAMETERS));
            insert.setString(5, clean(parameters, MAX_PARAMETERS));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the API audit row: " + e.getSQLState(), e);
        }
    }

    /** Control characters and NUL (which PostgreSQL refuses) escaped, and the length bounded. */
    private static String clean(String value, int max) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        value.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.length() > max ? out.substring(0, max) + "…" : out.toString();
    }
}
