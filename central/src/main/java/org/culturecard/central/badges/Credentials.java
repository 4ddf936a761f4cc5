package org.culturecard.central.badges;

import java.net.URI;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.culturecard.badges.BadgeIssuer;
import org.culturecard.badges.Recipient;
import org.culturecard.badges.status.BitstringStatusList;
import org.culturecard.central.recognition.Recognition;
import org.culturecard.central.store.Transactions;
import org.culturecard.core.rules.Achievement;

/**
 * Issues an award as a signed Open Badges credential and revokes it. Each award gets one status-list
 * index, allocated the first time it is issued and kept (issuing again signs a new credential with the
 * same index); each person one random recipient identifier and salt ({@code badge_recipients}), so a
 * credential holds only {@code sha256(identifier + salt)}. The status list credential is signed again
 * only when the set of revoked indexes changed. Never sees a token beyond looking its person up.
 */
final class Credentials {
    private static final Pattern TOKEN = Pattern.compile("[0-9a-f]{64}");

    private final DataSource dataSource;
    private final Recognition recognition;
    private final BadgeIssuer issuer;
    private final AchievementDocuments achievements;
    private final SecureRandom random;
    private final Clock clock;
    private BitstringStatusList signedList;
    private String signedStatus;

    /** @param dataSource central's database (the awards and the tables of V15) */
    Credentials(DataSource dataSource, Recognition recognition, BadgeIssuer issuer, URI publicUrl, SecureRandom random,
            Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.recognition = Objects.requireNonNull(recognition, "recognition");
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.achievements = new AchievementDocuments(publicUrl);
        this.random = Objects.requireNonNull(random, "random");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The signed credential (JSON) for the award of {@code achievementId} to the person with {@code token}.
     *
     * @throws IllegalArgumentException when the token is not 64 hex digits or there is no such achievement
     * @throws NoSuchElementException   when no person has the token or they have not earned it
     */
    String issue(String token, String achievementId) {
        Achievement achievement = achievement(achievementId);
        int person = person(token);
        Issued issued = sql("issue a credential", c -> {
            Instant awardedAt = awardedAt(c, person, achievement.id());
            return new Issued(awardedAt, recipient(c, person), statusIndex(c, person, achievement.id()));
        });
        return issuer.issue(achievements.info(achievement), issued.recipient(), issued.awardedAt(), issued.index());
    }

    /**
     * Revokes the credential of that award: sets its status bit (revoking twice changes nothing).
     *
     * @throws NoSuchElementException when no credential was ever issued for it
     */
    void revoke(String token, String achievementId) {
        int person = person(token);
        int updated = sql("revoke a credential", c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE badge_credentials SET revoked_at ="
                    + " coalesce(revoked_at, ?) WHERE person_id = ? AND achievement_id = ?")) {
                update.setObject(1, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
                update.setInt(2, person);
                update.setString(3, achievementId);
                return update.executeUpdate();
            }
        });
        if (updated == 0) {
            throw new NoSuchElementException("no credential was issued for this award");
        }
    }

    /** The signed status list credential (JSON) as it is now; signed again only when a bit changed. */
    synchronized String statusListCredential() {
        BitstringStatusList list = sql("read the status list", c -> {
            BitstringStatusList bits = BitstringStatusList.empty();
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT status_index FROM badge_credentials WHERE revoked_at IS NOT NULL");
                 ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    bits.revoke(rs.getInt(1));
                }
            }
            return bits;
        });
        if (!list.equals(signedList)) {
            signedStatus = issuer.statusListCredential(list, clock.instant());
            signedList = list;
        }
        return signedStatus;
    }

    private record Issued(Instant awardedAt, Recipient recipient, int index) {
    }

    private Achievement achievement(String achievementId) {
        return recognition.book().catalogue().achievement(achievementId == null ? "" : achievementId)
                .orElseThrow(() -> new IllegalArgumentException("achievement: no such achievement"));
    }

    private int person(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            throw new IllegalArgumentException("token: must be 64 lower-case hex digits");
        }
        return recognition.personOf(token).orElseThrow(() -> new NoSuchElementException("token: no person has this token yet"));
    }

    private static Instant awardedAt(Connection c, int person, String achievement) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT awarded_at FROM awards WHERE person_id = ? AND achievement_id = ?")) {
            select.setInt(1, person);
            select.setString(2, achievement);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    throw new NoSuchElementException("achievement: this person has not earned it");
                }
                return rs.getObject(1, OffsetDateTime.class).toInstant();
            }
        }
    }

    private Recipient recipient(Connection c, int person) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO badge_recipients (person_id, identifier, salt)"
                + " VALUES (?, ?, ?) ON CONFLICT (person_id) DO NOTHING")) {
            insert.setInt(1, person);
            insert.setString(2, randomHex());
            insert.setString(3, randomHex());
            insert.executeUpdate();
        }
        try (PreparedStatement select = c.prepareStatement("SELECT identifier, salt FROM badge_recipients WHERE person_id = ?")) {
            select.setInt(1, person);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return Recipient.hashing(rs.getString(1), rs.getString(2));
            }
        }
    }

    private static int statusIndex(Connection c, int person, String achievement) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO badge_credentials (person_id, achievement_id,"
                + " status_index) SELECT ?, ?, nextval('badge_status_index') WHERE NOT EXISTS (SELECT 1 FROM"
                + " badge_credentials WHERE person_id = ? AND achievement_id = ?) ON CONFLICT DO NOTHING")) {
            insert.setInt(1, person);
            insert.setString(2, achievement);
            insert.setInt(3, person);
            insert.setString(4, achievement);
            insert.executeUpdate();
        }
        try (PreparedStatement select = c.prepareStatement(
                "SELECT status_index FROM badge_credentials WHERE person_id = ? AND achievement_id = ?")) {
            select.setInt(1, person);
            select.setString(2, achievement);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private String randomHex() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private <T> T sql(String what, Transactions.Work<T> work) {
        try {
            return Transactions.run(dataSource, work);
        } catch (SQLException e) {
            throw new IllegalStateException(what + " failed: " + e.getSQLState() + " " + e.getMessage(), e);
        }
    }
}
