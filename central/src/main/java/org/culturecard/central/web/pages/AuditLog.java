package org.culturecard.central.web.pages;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Reads the audit table ({@code api_audit}, V8): the API's audited calls and every signed-in web request. */
public final class AuditLog {

    /** One audited action: who (a token's or an account's name, never a secret), when, what. */
    public record Entry(Instant at, String who, String role, String method, String route, String parameters) {
    }

    private final DataSource dataSource;

    public AuditLog(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The newest {@code limit} entries, newest first. */
    public List<Entry> newest(int limit) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("SELECT at, token_name, role, method, route, parameters"
                     + " FROM api_audit ORDER BY id DESC LIMIT ?")) {
            select.setInt(1, limit);
            List<Entry> entries = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    entries.add(new Entry(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6)));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the audit log: " + e.getSQLState(), e);
        }
    }
}
