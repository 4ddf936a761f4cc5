package org.culturecard.central.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.culturecard.central.TestBatches;
import org.culturecard.central.store.PostgresCheckInStore;
import org.culturecard.core.card.CardKind;
import org.culturecard.core.checkin.CheckIn;
import org.culturecard.core.ids.KioskId;
import org.culturecard.core.ids.UuidV7;
import org.culturecard.core.ids.VenueId;
import org.culturecard.core.privacy.Token;
import org.culturecard.core.wire.CheckInBatch;
import org.culturecard.testsupport.postgres.PostgresExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The report from the per-day rollup against the aggregate query over {@code check_ins} on a real
 * PostgreSQL, and the rollup's freshness: check-ins stored after a report, and during a rebuild.
 */
class RollupReportIT {

    @RegisterExtension
    static final PostgresExtension DB = new PostgresExtension();

    private static final List<String> VENUES = List.of("v1", "v2", "v3", "v4");
    /** Events: id suffix, venue, sector, arts activity, mode. Two share a category; one arts event has no activity. */
    private static final String[][] EVENTS = {
        {"1", "v1", "arts", "music", "take-part"},
        {"2", "v1", "arts", "dance", "attend"},
        {"3", "v2", "museums-galleries", null, "attend"},
        {"4", "v2", "libraries", null, "take-part"},
        {"5", "v3", "arts", "music", "attend"},
        {"6", "v3", "arts", null, "attend"},
        {"7", "v4", "heritage", null, "take-part"},
    };
    private static final LocalDate FIRST_DAY = LocalDate.of(2025, 12, 20);
    private static final int DAYS = 90;

    private final UuidV7 ids = new UuidV7(TestBatches.CLOCK, new Random(7));
    private long seq;

    @Test
    void rollupReportEqualsTheQueryOnCheckInsCellForCell() throws Exception {
        PostgresCheckInStore store = seededStore("rollup_equal", 4000, 60);
        try (store) {
            ReportQueries reports = new ReportQueries(store.dataSource());
            List<LocalDate[]> ranges = List.of(
                    range("2025-12-01", "2026-04-01"), range("2025-12-24", "2026-02-11"), range("2026-01-07", "2026-01-08"),
                    range("2026-02-03", "2026-03-29"), range("2026-01-01", "2026-02-01"));
            int compared = 0;
            for (LocalDate[] range : ranges) {
                for (Dimension by : List.of(Dimension.VENUE, Dimension.EVENT, Dimension.SECTOR, Dimension.ACTIVITY, Dimension.MODE)) {
                    for (Period period : Period.values()) {
                        ReportSpec spec = new ReportSpec(by, period, range[0], range[1]);
                        assertThat(sorted(reports.rollupCells(spec))).as(spec.toString()).isEqualTo(sorted(reports.sqlCells(spec)));
                        assertThat(reports.report(spec)).as(spec.toString()).isEqualTo(reports.sqlReport(spec));
                        compared++;
                    }
                }
            }
            assertThat(compared).isEqualTo(50);
            ReportSpec all = new ReportSpec(Dimension.SECTOR, Period.MONTH, LocalDate.of(2025, 12, 1), LocalDate.of(2026, 4, 1));
            List<ReportCell> cells = reports.rollupCells(all);
            ReportCell total = cells.stream().filter(c -> c.group() == null && c.period() == null).findFirst().orElseThrow();
            assertThat(total.checkIns()).as("every check-in counted once").isEqualTo(4000);
            assertThat(total.repeaters()).as("the data has repeats").isPositive();
            assertThat(cells).extracting(ReportCell::group).contains("unknown-event", "no-event", "arts", "heritage");
        }
    }

    /** ADR 30: an enrolment merges two tokens with history into one person; both report paths agree, with and without unverified taps. */
    @Test
    void reportsCountPeopleNotTokensAndExcludeUnverifiedTapsOnBothPaths() throws Exception {
        try (PostgresCheckInStore store = seededStore("rollup_identity", 600, 40)) {
            ReportQueries reports = new ReportQueries(store.dataSource());
            LocalDate[] range = range("2025-12-01", "2026-04-01");
            ReportSpec include = new ReportSpec(Dimension.VENUE, Period.MONTH, range[0], range[1]);
            ReportSpec exclude = new ReportSpec(Dimension.VENUE, Period.MONTH, range[0], range[1], ReportSpec.Unverified.EXCLUDE);
            long tokens = grandTotal(reports.rollupCells(include)).people();
            assertThat(tokens).isEqualTo(40);
            assertThat(reports.sqlCells(exclude)).as("nobody enrolled yet").allMatch(c -> c.people() == 0);
            assertThat(reports.rollupCells(exclude)).as("nobody enrolled yet").allMatch(c -> c.people() == 0);

            org.culturecard.central.store.PostgresIdentityStore identity =
                    new org.culturecard.central.store.PostgresIdentityStore(store.dataSource());
            org.culturecard.central.identity.Identities identities = new org.culturecard.central.identity.Identities();
            for (int[] pair : new int[][] {{1, 2}, {3, 4}}) {
                org.culturecard.core.enrolment.Enrolment record = org.culturecard.core.enrolment.Enrolment.enrol(ids.get(),
                        token(pair[0]), token(pair[1]), null, LocalDate.of(2030, 1, 1), Instant.parse("2026-03-01T10:00:00Z"), null);
                identity.inTransaction(tx -> identities.apply(tx, record, VenueId.of("v1"), KioskId.of("kv1"), record.enrolledAt()));
            }

            assertThat(grandTotal(reports.rollupCells(include)).people()).as("two merges").isEqualTo(tokens - 2);
            assertThat(grandTotal(reports.rollupCells(exclude)).people()).as("the two enrolled people").isEqualTo(2);
            long enrolledTaps;
            try (Connection c = java.sql.DriverManager.getConnection(DB.server().jdbcUrl("rollup_identity"), DB.server().user(), "");
                 java.sql.ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM check_ins WHERE token IN ('"
                         + token(1).value() + "', '" + token(2).value() + "', '" + token(3).value() + "', '" + token(4).value() + "')")) {
                rs.next();
                enrolledTaps = rs.getLong(1);
            }
            assertThat(grandTotal(reports.rollupCells(exclude)).checkIns()).isEqualTo(enrolledTaps);
            for (ReportSpec spec : List.of(include, exclude, new ReportSpec(Dimension.EVENT, Period.WEEK, range[0], range[1],
                    ReportSpec.Unverified.EXCLUDE))) {
                assertThat(sorted(reports.rollupCells(spec))).as(spec.toString()).isEqualTo(sorted(reports.sqlCells(spec)));
                assertThat(reports.report(spec)).as(spec.toString()).isEqualTo(reports.sqlReport(spec));
            }
        }
    }

    private static Token token(int person) {
        return Token.of(HexFormat.of().formatHex(java.nio.ByteBuffer.allocate(32).putInt(person).array()));
    }

    @Test
    void aCheckInStoredAfterAReportShowsInTheNextReport() throws Exception {
        try (PostgresCheckInStore store = seededStore("rollup_fresh", 300, 40)) {
            ReportQueries reports = new ReportQueries(store.dataSource());
            ReportSpec spec = new ReportSpec(Dimension.VENUE, Period.WEEK, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1));
            long before = grandTotal(reports.rollupCells(spec)).checkIns();
            assertThat(new RollupRefresher(store.dataSource()).dirtyDays(spec.from(), spec.to())).isEmpty();

            store.insertBatch(batch("v2", List.of(checkIn(999, null, "v2", Instant.parse("2026-01-15T12:00:00Z")))));

            assertThat(new RollupRefresher(store.dataSource()).dirtyDays(spec.from(), spec.to()))
                    .containsExactly(LocalDate.of(2026, 1, 15));
            List<ReportCell> after = reports.rollupCells(spec);
            assertThat(grandTotal(after).checkIns()).isEqualTo(before + 1);
            assertThat(sorted(after)).isEqualTo(sorted(reports.sqlCells(spec)));
        }
    }

    @Test
    void aCheckInCommittedDuringARebuildLeavesTheDayDirty() throws Exception {
        try (PostgresCheckInStore store = seededStore("rollup_race", 300, 40)) {
            LocalDate day = LocalDate.of(2026, 1, 20);
            store.insertBatch(batch("v1", List.of(checkIn(1, null, "v1", day.atTime(9, 0).toInstant(ZoneOffset.UTC)))));
            AtomicBoolean once = new AtomicBoolean();
            RollupRefresher refresher = new RollupRefresher(store.dataSource(), rebuilt -> {
                if (rebuilt.equals(day) && once.compareAndSet(false, true)) {
                    store.insertBatch(batch("v1", List.of(checkIn(2, null, "v1", day.atTime(18, 0).toInstant(ZoneOffset.UTC)))));
                }
            });

            assertThat(refresher.refresh(day)).isTrue();

            assertThat(once).isTrue();
            assertThat(refresher.dirtyDays(day, day.plusDays(1))).as("the late check-in keeps its day dirty").containsExactly(day);
            ReportQueries reports = new ReportQueries(store.dataSource(), refresher);
            ReportSpec spec = new ReportSpec(Dimension.VENUE, Period.MONTH, day, day.plusDays(1));
            assertThat(sorted(reports.rollupCells(spec))).isEqualTo(sorted(reports.sqlCells(spec)));
            assertThat(refresher.dirtyDays(day, day.plusDays(1))).isEmpty();
        }
    }

    @Test
    void aDirtyMarkUpdatedWhileTheRebuildClearsItIsRecheckedAndKept() throws Exception {
        try (PostgresCheckInStore store = seededStore("rollup_recheck", 300, 40)) {
            LocalDate day = LocalDate.of(2026, 1, 21);
            store.insertBatch(batch("v1", List.of(checkIn(1, null, "v1", day.atTime(9, 0).toInstant(ZoneOffset.UTC)))));
            String url = DB.server().jdbcUrl("rollup_recheck");
            try (Connection ingest = DriverManager.getConnection(url, DB.server().user(), "")) {
                ingest.setAutoCommit(false);
                RollupRefresher refresher = new RollupRefresher(store.dataSource(), rebuilt -> {
                    // An ingest transaction bumps the day's version and has not committed when the rebuild clears the mark.
                    execute(ingest, "UPDATE report_dirty_days SET version = version + 1 WHERE day = '" + day + "'");
                });
                CompletableFuture<Boolean> refresh = CompletableFuture.supplyAsync(() -> refresher.refresh(day));
                await().atMost(Duration.ofSeconds(10)).until(() -> waitingForALock(url));
                ingest.commit();

                assertThat(refresh.get()).isTrue();
                assertThat(refresher.dirtyDays(day, day.plusDays(1))).containsExactly(day);
            }
        }
    }

    /** A fresh database with events at the four venues and {@code checkIns} check-ins of {@code people} people. */
    private PostgresCheckInStore seededStore(String database, int checkIns, int people) throws Exception {
        String url = DB.server().createDatabase(database);
        PostgresCheckInStore store = PostgresCheckInStore.open(url, DB.server().user(), "", 3, TestBatches.CLOCK);
        try (Connection c = DriverManager.getConnection(url, DB.server().user(), ""); Statement s = c.createStatement()) {
            for (String venue : VENUES) {
                s.execute("INSERT INTO kiosks (kiosk_id, venue_id) VALUES ('k" + venue + "', '" + venue + "')");
            }
            s.execute("INSERT INTO kiosks (kiosk_id, venue_id) VALUES ('k-idle', 'v-idle')");
            for (String[] e : EVENTS) {
                s.execute("INSERT INTO events (event_id, venue_id, title, sector, arts_activity, mode, age_band) VALUES ('"
                        + event(e[0]) + "', '" + e[1] + "', 'Event " + e[0] + "', '" + e[2] + "', "
                        + (e[3] == null ? "NULL" : "'" + e[3] + "'") + ", '" + e[4] + "', '11-15')");
            }
        }
        Random random = new Random(database.hashCode());
        for (String venue : VENUES) {
            List<CheckIn> records = new ArrayList<>();
            for (int i = 0; i < checkIns / VENUES.size(); i++) {
                records.add(checkIn(random.nextInt(people), eventAt(venue, random), venue, instant(random)));
                if (records.size() == CheckInBatch.MAX_RECORDS) {
                    store.insertBatches(List.of(batch(venue, records)));
                    records = new ArrayList<>();
                }
            }
            if (!records.isEmpty()) {
                store.insertBatch(batch(venue, records));
            }
        }
        return store;
    }

    /** An event of the venue, a general visit (null) or an event central does not know. */
    private static UUID eventAt(String venue, Random random) {
        int roll = random.nextInt(10);
        if (roll == 0) {
            return null;
        }
        if (roll == 1) {
            return UUID.fromString(event("9" + venue.substring(1)));
        }
        List<String> here = new ArrayList<>();
        for (String[] e : EVENTS) {
            if (e[1].equals(venue)) {
                here.add(e[0]);
            }
        }
        return UUID.fromString(event(here.get(random.nextInt(here.size()))));
    }

    /** Mostly daytime taps over {@link #DAYS} days, some in the last minutes of a UTC day. */
    private static Instant instant(Random random) {
        LocalDate day = FIRST_DAY.plusDays(random.nextInt(DAYS));
        int second = random.nextInt(5) == 0 ? 86_400 - 1 - random.nextInt(600) : 9 * 3600 + random.nextInt(9 * 3600);
        return day.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(second);
    }

    private static String event(String suffix) {
        return "00000000-0000-7000-8000-" + "0".repeat(12 - suffix.length()) + suffix;
    }

    private CheckIn checkIn(int person, UUID event, String venue, Instant tappedAt) {
        String token = HexFormat.of().formatHex(java.nio.ByteBuffer.allocate(32).putInt(person).array());
        return new CheckIn(ids.get(), ++seq, Token.of(token), event, VenueId.of(venue), KioskId.of("k" + venue), tappedAt,
                true, CardKind.MIFARE_CLASSIC_1K, "0.1.0");
    }

    private CheckInBatch batch(String venue, List<CheckIn> records) {
        return CheckInBatch.of(ids.get(), KioskId.of("k" + venue), VenueId.of(venue), UUID.nameUUIDFromBytes(venue.getBytes()),
                TestBatches.NOW, records);
    }

    private static LocalDate[] range(String from, String to) {
        return new LocalDate[] {LocalDate.parse(from), LocalDate.parse(to)};
    }

    private static List<ReportCell> sorted(List<ReportCell> cells) {
        return cells.stream().sorted(Comparator.comparing((ReportCell c) -> String.valueOf(c.group()))
                .thenComparing(c -> String.valueOf(c.period()))).toList();
    }

    private static ReportCell grandTotal(List<ReportCell> cells) {
        return cells.stream().filter(c -> c.group() == null && c.period() == null).findFirst().orElseThrow();
    }

    private static void execute(Connection connection, String sql) {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean waitingForALock(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url, DB.server().user(), ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_locks WHERE NOT granted")) {
            rs.next();
            return rs.getInt(1) > 0;
        }
    }
}
