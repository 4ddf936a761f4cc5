package org.culturecard.central.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Random;
import org.culturecard.central.identity.FilterPublisher;
import org.culturecard.central.identity.Identities;
import org.culturecard.central.report.RollupRefresher;
import org.culturecard.central.store.PostgresCheckInStore;
import org.culturecard.central.store.PostgresEnrolledTokens;
import org.culturecard.central.store.PostgresIdentityStore;
import org.culturecard.core.enrolment.Enrolment;
import org.culturecard.core.ids.KioskId;
import org.culturecard.core.ids.UuidV7;
import org.culturecard.core.ids.VenueId;
import org.culturecard.core.privacy.Token;
import org.culturecard.core.wire.WireCodec;
import org.culturecard.testsupport.postgres.PostgresServer;
import org.culturecard.testsupport.server.LocalProcesses;

/**
 * Identity at central for docs/benchmarks.md (issue 13 item 10), on a real PostgreSQL:
 * <ol>
 *   <li>{@code merge}: {@code background} check-ins (default 2,000,000) by 100,000 people over 2025,
 *       plus pairs of people with {@code perPerson} check-ins each (default 1,000) spread over the
 *       same year; after a full rollup build, each pair is merged by one enrolment (chip of one, barcode
 *       of the other) in one identity transaction ({@link Identities} through
 *       {@link PostgresIdentityStore}), then the rollup's dirty days (every day either person tapped)
 *       are rebuilt. Prints both times and the days rebuilt, for three pairs.</li>
 *   <li>{@code filter}: {@code enrolled} people (default 100,000) with a chip and a barcode token and a
 *       valid enrolment, written straight into {@code people} and {@code person_validity}; the
 *       enrolled-card filter is read from the database and built as central's publisher does
 *       ({@link FilterPublisher}, publishing to nothing), three times: time, size, chunks.</li>
 * </ol>
 * A main, not a test: timing is never asserted. Args: background perPerson enrolled.
 */
public final class IdentityBenchmark {

    private static final int PAIRS = 3;

    private IdentityBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long background = args.length > 0 ? Long.parseLong(args[0]) : 2_000_000L;
        int perPerson = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        int enrolled = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        try (PostgresServer db = PostgresServer.create(LocalProcesses.freeLoopbackPort(), "shared_buffers=512MB",
                "work_mem=256MB", "jit=off").start()) {
            String url = db.createDatabase("bench_identity");
            try (PostgresCheckInStore store = PostgresCheckInStore.open(url, db.user(), db.password(), 3, Clock.systemUTC())) {
                long started = System.nanoTime();
                try (Connection c = DriverManager.getConnection(url, db.user(), db.password()); Statement s = c.createStatement()) {
                    s.execute("SET synchronous_commit = off");
                    s.execute("CREATE SEQUENCE bench_seq");
                    s.execute("INSERT INTO kiosks (kiosk_id, venue_id) SELECT 'k' || v, 'v' || v FROM generate_series(1, 50) v");
                    insertCheckIns(s, "encode(sha256(('person' || (random() * 99999)::int)::bytea), 'hex')", background);
                    for (int pair = 0; pair < PAIRS; pair++) {
                        insertCheckIns(s, "'" + token(pair, 'a').value() + "'", perPerson);
                        insertCheckIns(s, "'" + token(pair, 'b').value() + "'", perPerson);
                    }
                    s.execute("VACUUM ANALYZE check_ins");
                    // Inserted here, not through ingest: mark every day dirty, as migration V9 does, so the rollup builds them.
                    s.execute("INSERT INTO report_dirty_days (day, version) SELECT DISTINCT (tapped_at AT TIME ZONE 'UTC')::date, 1"
                            + " FROM check_ins ON CONFLICT (day) DO NOTHING");
                }
                RollupRefresher rollup = new RollupRefresher(store.dataSource());
                int days = rollup.refreshAll();
                System.out.printf(Locale.ROOT, "merge data: %d background check-ins, %d pairs of people with %d each,"
                        + " rollup of %d days built, in %.1fs%n", background, PAIRS, perPerson, days, (System.nanoTime() - started) / 1e9);
                merges(store, rollup);
                filter(url, db, store, enrolled);
            }
        }
    }

    private static void merges(PostgresCheckInStore store, RollupRefresher rollup) {
        PostgresIdentityStore identity = new PostgresIdentityStore(store.dataSource());
        Identities identities = new Identities();
        UuidV7 ids = UuidV7.system();
        for (int pair = 0; pair < PAIRS; pair++) {
            Enrolment record = Enrolment.enrol(ids.get(), token(pair, 'a'), token(pair, 'b'), null, LocalDate.of(2030, 1, 1),
                    Instant.parse("2026-01-05T10:00:00Z"), null);
            long started = System.nanoTime();
            String action = identity.inTransaction(tx -> identities.apply(tx, record, VenueId.of("v1"), KioskId.of("k1"),
                    record.enrolledAt())).toString();
            long merged = System.nanoTime();
            int rebuilt = rollup.refreshAll();
            long done = System.nanoTime();
            System.out.printf(Locale.ROOT, "merge %d: %s, transaction %d ms; rollup rebuild of %d touched days %d ms%n", pair + 1,
                    action, (merged - started) / 1_000_000, rebuilt, (done - merged) / 1_000_000);
        }
    }

    private static void filter(String url, PostgresServer db, PostgresCheckInStore store, int enrolled) throws Exception {
        try (Connection c = DriverManager.getConnection(url, db.user(), db.password()); Statement s = c.createStatement()) {
            s.execute("SET synchronous_commit = off");
            s.execute("CREATE TEMP TABLE enrolled_people AS SELECT p,"
                    + " encode(sha256(('chip' || p)::bytea), 'hex') AS chip, encode(sha256(('barcode' || p)::bytea), 'hex') AS barcode"
                    + " FROM generate_series(1, " + enrolled + ") p");
            s.execute("INSERT INTO people (token) SELECT chip FROM enrolled_people");
            s.execute("INSERT INTO people (token, canonical_id) SELECT e.barcode, p.person_id FROM enrolled_people e"
                    + " JOIN people p ON p.token = e.chip");
            s.execute("INSERT INTO person_validity (person_id, from_day, until_day) SELECT p.person_id, NULL, date '2030-01-01'"
                    + " FROM enrolled_people e JOIN people p ON p.token = e.chip");
            s.execute("INSERT INTO enrolments (id, kind, venue_id, kiosk_id, chip_token, barcode_token, valid_until, enrolled_at,"
                    + " received_at, outcome) SELECT gen_random_uuid(), 'ENROL', 'v1', 'k1', chip, barcode, date '2030-01-01',"
                    + " now(), now(), 'applied' FROM enrolled_people");
            s.execute("ANALYZE");
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM person_validity")) {
                rs.next();
                System.out.printf(Locale.ROOT, "filter data: %d enrolled people (with the merged pairs)%n", rs.getLong(1));
            }
        }
        for (int run = 1; run <= 3; run++) {
            try (PostgresEnrolledTokens tokens = new PostgresEnrolledTokens(store.dataSource())) {
                FilterPublisher publisher = new FilterPublisher(tokens, (topic, payload) -> true, new WireCodec(), Clock.systemUTC());
                FilterPublisher.Published published = publisher.tick();
                System.out.printf(Locale.ROOT, "filter %d: %d tokens read from PostgreSQL and built in %d ms: %d bytes, %d chunk(s)%n",
                        run, published.tokens(), published.buildMillis(), published.bytes(), published.chunks());
            }
        }
    }

    private static void insertCheckIns(Statement s, String tokenSql, long rows) throws Exception {
        s.execute("INSERT INTO check_ins (id, seq, token, event_id, venue_id, kiosk_id, tapped_at, clock_synced, card_kind,"
                + " app_version, received_at)"
                + " SELECT gen_random_uuid(), nextval('bench_seq'), " + tokenSql + ", NULL, 'v' || v, 'k' || v, t, true,"
                + " 'MIFARE_CLASSIC_1K', '0.1.0', t FROM generate_series(1, " + rows + ") g"
                + " CROSS JOIN LATERAL (SELECT 1 + (random() * 49)::int AS v, timestamptz '2025-01-01' + random() * interval '364 days'"
                + " AS t, g AS dummy) x");
    }

    private static Token token(int pair, char which) {
        byte[] bytes = new byte[32];
        new Random(pair * 2L + which).nextBytes(bytes);
        return Token.of(HexFormat.of().formatHex(bytes));
    }
}
