package org.culturecard.central.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;
import org.culturecard.core.enrolment.AgeBand;
import org.culturecard.core.enrolment.Enrolment;
import org.culturecard.core.ids.KioskId;
import org.culturecard.core.ids.VenueId;
import org.culturecard.core.privacy.Token;

/**
 * {@link IdentityStore} on PostgreSQL (migration V9): one transaction per call, holding a
 * transaction-level advisory lock that serialises every identity change, so that two workers never
 * relink one person at once. The rollup refresher reads {@code people} under its own lock per day;
 * the days an identity change touches are marked dirty in the same transaction, so a rebuild that
 * read the old people leaves them dirty. (Over 300 lines: every identity statement is here, each
 * beside the transaction and lock it runs under, so the locking can be reviewed in one file.)
 */
public final class PostgresIdentityStore implements IdentityStore {

    /** The advisory lock of identity changes ("IDNT"). */
    private static final long LOCK = 0x49444e54L;
    private static final String COLUMNS = "id, kind, venue_id, kiosk_id, staff_id, chip_token, barcode_token, old_barcode_token,"
            + " undoes, age_band, band_changes_on, valid_until, enrolled_at, received_at, refusal, undone_by";

    private final DataSource dataSource;

    public PostgresIdentityStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** An SQLException carried out of a {@link Transaction} method. */
    private static final class Failure extends RuntimeException {
        private Failure(SQLException cause) {
            super(cause);
        }
    }

    @Override
    public <T> T inTransaction(Function<Transaction, T> work) {
        try {
            return Transactions.run(dataSource, connection -> {
                try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                    lock.setLong(1, LOCK);
                    lock.execute();
                }
                try {
                    return work.apply(new Sql(connection));
                } catch (Failure e) {
                    throw (SQLException) e.getCause();
                }
            });
        } catch (SQLException e) {
            throw PostgresCheckInStore.classify("identity change", e);
        }
    }

    /** Work against the database that may fail. */
    @FunctionalInterface
    private interface SqlWork<T> {
        T run() throws SQLException;
    }

    private static <T> T sql(SqlWork<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw new Failure(e);
        }
    }

    /** One identity transaction. */
    private static final class Sql implements Transaction {
        private final Connection connection;

        private Sql(Connection connection) {
            this.connection = connection;
        }

        @Override
        public Optional<StoredEnrolment> enrolment(UUID id) {
            return sql(() -> {
                try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM enrolments WHERE id = ?")) {
                    select.setObject(1, id);
                    List<StoredEnrolment> found = read(select);
                    return found.stream().findFirst();
                }
            });
        }

        @Override
        public void insert(StoredEnrolment stored) {
            Enrolment r = stored.record();
            sql(() -> {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO enrolments (" + COLUMNS
                        + ", outcome) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    insert.setObject(1, r.id());
                    insert.setString(2, r.kind().name());
                    insert.setString(3, stored.venue().value());
                    insert.setString(4, stored.kiosk().value());
                    insert.setObject(5, r.staffId());
                    insert.setString(6, value(r.chipToken()));
                    insert.setString(7, r.barcodeToken().value());
                    insert.setString(8, value(r.oldBarcodeToken()));
                    insert.setObject(9, r.undoes());
                    insert.setString(10, r.ageBand() == null ? null : r.ageBand().name());
                    insert.setObject(11, r.bandChangesOn() == null ? null : r.bandChangesOn().atDay(1));
                    insert.setObject(12, r.validUntil());
                    insert.setObject(13, OffsetDateTime.ofInstant(r.enrolledAt(), ZoneOffset.UTC));
                    insert.setObject(14, OffsetDateTime.ofInstant(stored.receivedAt(), ZoneOffset.UTC));
                    insert.setString(15, stored.refusal());
                    insert.setObject(16, stored.undoneBy());
                    insert.setString(17, stored.applied() ? "applied" : "refused");
                    return insert.executeUpdate();
                }
            });
        }

        @Override
        public void markUndone(UUID id, UUID undoneBy) {
            update("UPDATE enrolments SET undone_by = ? WHERE id = ?", undoneBy, id);
        }

        @Override
        public boolean isStaff(UUID staffId, VenueId venue) {
            return sql(() -> {
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT 1 FROM venue_staff WHERE staff_id = ? AND venue_id = ?")) {
                    select.setObject(1, staffId);
                    select.setString(2, venue.value());
                    try (ResultSet rs = select.executeQuery()) {
                        return rs.next();
                    }
                }
            });
        }

        @Override
        public Map<String, TokenPerson> people(Collection<String> tokens) {
            return sql(() -> {
                Set<String> created = new HashSet<>();
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO people (token)"
                        + " SELECT t FROM unnest(?::text[]) AS t ORDER BY t ON CONFLICT (token) DO NOTHING RETURNING token")) {
                    insert.setArray(1, connection.createArrayOf("text", tokens.toArray()));
                    try (ResultSet rs = insert.executeQuery()) {
                        while (rs.next()) {
                            created.add(rs.getString(1));
                        }
                    }
                }
                Map<String, TokenPerson> people = new HashMap<>();
                try (PreparedStatement select = connection.prepareStatement("SELECT token, person_id,"
                        + " coalesce(canonical_id, person_id), lost_at FROM people WHERE token = ANY(?::text[])")) {
                    select.setArray(1, connection.createArrayOf("text", tokens.toArray()));
                    try (ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            Timestamp lost = rs.getTimestamp(4);
                            people.put(rs.getString(1), new TokenPerson(rs.getInt(2), rs.getInt(3),
                                    lost == null ? null : lost.toInstant(), created.contains(rs.getString(1))));
                        }
                    }
                }
                return people;
            });
        }

        @Override
        public Set<String> tokensOf(Collection<Integer> persons) {
            return sql(() -> {
                try (PreparedStatement select = connection.prepareStatement("SELECT token FROM people WHERE person_id = ANY(?::int[])"
                        + " OR canonical_id = ANY(?::int[])")) {
                    java.sql.Array ids = connection.createArrayOf("int4", persons.toArray());
                    select.setArray(1, ids);
                    select.setArray(2, ids);
                    Set<String> tokens = new HashSet<>();
                    try (ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            tokens.add(rs.getString(1));
                        }
                    }
                    return tokens;
                }
            });
        }

        @Override
        public List<StoredEnrolment> links(Collection<String> tokens) {
            return sql(() -> {
                try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM enrolments"
                        + " WHERE outcome = 'applied' AND kind <> 'UNDO' AND undone_by IS NULL"
                        + " AND (chip_token = ANY(?::text[]) OR barcode_token = ANY(?::text[])"
                        + " OR (kind = 'REPLACE' AND old_barcode_token = ANY(?::text[])))")) {
                    java.sql.Array array = connection.createArrayOf("text", tokens.toArray());
                    select.setArray(1, array);
                    select.setArray(2, array);
                    select.setArray(3, array);
                    return read(select);
                }
            });
        }

        @Override
        public void setPersons(Map<String, Integer> persons) {
            if (persons.isEmpty()) {
                return;
            }
            sql(() -> {
                try (PreparedStatement update = connection.prepareStatement("UPDATE people p SET canonical_id ="
                        + " CASE WHEN u.person = p.person_id THEN NULL ELSE u.person END"
                        + " FROM unnest(?::text[], ?::int[]) AS u(token, person) WHERE p.token = u.token")) {
                    List<String> tokens = new ArrayList<>(persons.keySet());
                    update.setArray(1, connection.createArrayOf("text", tokens.toArray()));
                    update.setArray(2, connection.createArrayOf("int4", tokens.stream().map(persons::get).toArray()));
                    return update.executeUpdate();
                }
            });
        }

        @Override
        public void setLost(String token, Instant at) {
            sql(() -> {
                try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO people (token, lost_at) VALUES (?, ?)"
                        + " ON CONFLICT (token) DO UPDATE SET lost_at = excluded.lost_at")) {
                    upsert.setString(1, token);
                    upsert.setObject(2, at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
                    return upsert.executeUpdate();
                }
            });
        }

        @Override
        public void setValidity(Collection<Integer> persons, Map<Integer, List<Validity>> intervals) {
            sql(() -> {
                try (PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM person_validity WHERE person_id = ANY(?::int[])")) {
                    delete.setArray(1, connection.createArrayOf("int4", persons.toArray()));
                    delete.executeUpdate();
                }
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO person_validity (person_id, from_day, until_day) VALUES (?, ?, ?)")) {
                    for (Map.Entry<Integer, List<Validity>> entry : intervals.entrySet()) {
                        for (Validity validity : entry.getValue()) {
                            insert.setInt(1, entry.getKey());
                            insert.setObject(2, validity.from());
                            insert.setObject(3, validity.until());
                            insert.addBatch();
                        }
                    }
                    insert.executeBatch();
                }
                return null;
            });
        }

        @Override
        public void markDaysDirty(Collection<String> tokens) {
            sql(() -> {
                try (PreparedStatement mark = connection.prepareStatement("INSERT INTO report_dirty_days (day, version)"
                        + " SELECT DISTINCT (tapped_at AT TIME ZONE 'UTC')::date, 1 FROM check_ins WHERE token = ANY(?::text[])"
                        + " ORDER BY 1 ON CONFLICT (day) DO UPDATE SET version = report_dirty_days.version + 1")) {
                    mark.setArray(1, connection.createArrayOf("text", tokens.toArray()));
                    return mark.executeUpdate();
                }
            });
        }

        @Override
        public void audit(IdentityChange change) {
            sql(() -> {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO identity_changes"
                        + " (at, enrolment_id, action, venue_id, staff_id, persons, detail) VALUES (?, ?, ?, ?, ?, ?::int[], ?)")) {
                    insert.setObject(1, OffsetDateTime.ofInstant(change.at(), ZoneOffset.UTC));
                    insert.setObject(2, change.enrolmentId());
                    insert.setString(3, change.action());
                    insert.setString(4, change.venue().value());
                    insert.setObject(5, change.staffId());
                    insert.setArray(6, connection.createArrayOf("int4", change.persons().toArray()));
                    insert.setString(7, change.detail());
                    return insert.executeUpdate();
                }
            });
        }

        private void update(String statement, Object... values) {
            sql(() -> {
                try (PreparedStatement update = connection.prepareStatement(statement)) {
                    for (int i = 0; i < values.length; i++) {
                        update.setObject(i + 1, values[i]);
                    }
                    return update.executeUpdate();
                }
            });
        }

        private static List<StoredEnrolment> read(PreparedStatement select) throws SQLException {
            List<StoredEnrolment> rows = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    String band = rs.getString(10);
                    LocalDate changes = rs.getObject(11, LocalDate.class);
                    Enrolment record = new Enrolment(rs.getObject(1, UUID.class), Enrolment.Kind.valueOf(rs.getString(2)),
                            token(rs.getString(6)), token(rs.getString(7)), token(rs.getString(8)), rs.getObject(9, UUID.class),
                            band == null ? null : AgeBand.valueOf(band), changes == null ? null : YearMonth.from(changes),
                            rs.getObject(12, LocalDate.class), rs.getTimestamp(13).toInstant(), rs.getObject(5, UUID.class));
                    rows.add(new StoredEnrolment(record, VenueId.of(rs.getString(3)), KioskId.of(rs.getString(4)),
                            rs.getTimestamp(14).toInstant(), rs.getString(15), rs.getObject(16, UUID.class)));
                }
            }
            return rows;
        }

        private static Token token(String value) {
            return value == null ? null : Token.of(value);
        }

        private static String value(Token token) {
            return token == null ? null : token.value();
        }
    }
}
