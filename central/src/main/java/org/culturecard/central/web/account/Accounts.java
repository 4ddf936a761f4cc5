package org.culturecard.central.web.account;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.culturecard.central.config.Role;
import org.culturecard.core.ids.VenueId;

/** The {@code web_account} table (V11): add an account, find one by user name, note a sign-in. */
public final class Accounts {

    /** A user name already taken. */
    public static final class Taken extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Taken(String username) {
            super("the user name " + username + " is taken");
        }
    }

    private final DataSource dataSource;

    public Accounts(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Stores a new account; {@link Taken} when its user name is. */
    public void add(Account account, Instant now) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement("INSERT INTO web_account (id, username, role, venues, password_hash,"
                     + " totp_secret, totp_required, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (username) DO NOTHING")) {
            Array venues = c.createArrayOf("text", account.venues().stream().map(VenueId::value).sorted().toArray());
            insert.setObject(1, account.id());
            insert.setString(2, account.username());
            insert.setString(3, account.role().code());
            insert.setArray(4, venues);
            insert.setString(5, account.passwordHash());
            insert.setString(6, account.totpSecret());
            insert.setBoolean(7, account.totpRequired());
            insert.setTimestamp(8, Timestamp.from(now));
            if (insert.executeUpdate() == 0) {
                throw new Taken(account.username());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store the web account: " + e.getSQLState(), e);
        }
    }

    /** The account named {@code username}, if any. */
    public Optional<Account> find(String username) {
        if (username == null || !username.matches(Account.USERNAME)) {
            return Optional.empty();
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("SELECT id, username, role, venues, password_hash, totp_secret,"
                     + " totp_required, disabled_at IS NOT NULL FROM web_account WHERE username = ?")) {
            select.setString(1, username);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String[] venues = (String[]) rs.getArray(4).getArray();
                Set<VenueId> ids = Arrays.stream(venues).map(VenueId::of).collect(Collectors.toSet());
                return Optional.of(new Account(rs.getObject(1, java.util.UUID.class), rs.getString(2),
                        Role.fromCode(rs.getString(3)), ids, rs.getString(5), rs.getString(6), rs.getBoolean(7), rs.getBoolean(8)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the web account: " + e.getSQLState(), e);
        }
    }

    /** Notes a good sign-in. */
    public void signedIn(Account account, Instant now) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement update = c.prepareStatement("UPDATE web_account SET last_sign_in_at = ? WHERE id = ?")) {
            update.setTimestamp(1, Timestamp.from(now));
            update.setObject(2, account.id());
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot note the sign-in: " + e.getSQLState(), e);
        }
    }
}
