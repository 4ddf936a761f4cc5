package org.culturecard.central.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.culturecard.central.TestBatches;
import org.culturecard.central.store.PostgresCheckInStore;
import org.culturecard.testsupport.postgres.PostgresExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Reports on a real PostgreSQL: 30 young people at venue v1 in January (15 of them twice, at an
 * arts event), 3 at v2, none at v3; and a council file linking them to IMD deciles.
 */
class ReportIT {

    @RegisterExtension
    static final PostgresExtension DB = new PostgresExtension();

    private static final ReportSpec BY_VENUE = new ReportSpec(Dimension.VENUE, Period.MONTH, LocalDate.of(2026, 1, 1),
            LocalDate.of(2026, 2, 1));
    private static String url;
    private static PostgresCheckInStore store;
    private static ReportQueries reports;

    @BeforeAll
    static void seed() throws Exception {
        url = DB.server().createDatabase("central_reports");
        store = PostgresCheckInStore.open(url, DB.server().user(), "", 2, TestBatches.CLOCK);
        reports = new ReportQueries(store.dataSource());
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO kiosks (kiosk_id, venue_id) VALUES ('k1', 'v1'), ('k2', 'v2'), ('k3', 'v3'), ('k4', 'v4')");
            s.execute("INSERT INTO events (event_id, venue_id, title, sector, arts_activity, mode, age_band)"
                    + " VALUES ('00000000-0000-7000-8000-000000000001', 'v1', 'Band practice', 'arts', 'music', 'take-part', '11-15')");
            insert(s, "v1", "k1", 1, 30, "'00000000-0000-7000-8000-000000000001'::uuid");
            insert(s, "v1", "k1", 1, 15, "NULL");
            insert(s, "v2", "k2", 31, 33, "NULL");
            // v4, on 20 January: 12 people twice and 10 once. Without it, v2's 3 and v3's 0 would add up
            // to 3 under January's total, so v1's own figures would have to be suppressed with them (ADR 11).
            insert(s, "v4", "k4", 34, 45, "NULL", "2026-01-20");
            insert(s, "v4", "k4", 34, 55, "NULL", "2026-01-20");
        }
        // The seed writes check_ins directly, not through ingest: mark its days for the report rollup as ingest would.
        new RollupRefresher(store.dataSource()).markAllDirty();
    }

    private static void insert(Statement s, String venue, String kiosk, int firstPerson, int lastPerson, String event)
            throws Exception {
        insert(s, venue, kiosk, firstPerson, lastPerson, event, "2026-01-10");
    }

    private static void insert(Statement s, String venue, String kiosk, int firstPerson, int lastPerson, String event,
            String day) throws Exception {
        s.execute("INSERT INTO check_ins (id, seq, token, event_id, venue_id, kiosk_id, tapped_at, clock_synced, card_kind,"
                + " app_version, received_at) SELECT gen_random_uuid(), p, encode(sha256(('p' || p)::bytea), 'hex'), " + event
                + ", '" + venue + "', '" + kiosk + "', timestamptz '" + day + " 10:00Z' + p * interval '1 minute', true,"
                + " 'MIFARE_CLASSIC_1K', '0.1.0', now() FROM generate_series(" + firstPerson + ", " + lastPerson + ") p");
    }

    @AfterAll
    static void close() {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void countsCheckInsPeopleAndRepeatsByVenueAndSuppressesSmallAndEmptyCells() {
        EngagementReport report = reports.report(BY_VENUE);

        assertThat(report.rows()).extracting(EngagementReport.Row::group).containsExactly("v1", "v2", "v3", "v4");
        Figures v1Jan = report.rows().get(0).cells().get(0);
        assertThat(v1Jan.checkIns()).isEqualTo(45);
        assertThat(v1Jan.people()).isEqualTo(30);
        assertThat(v1Jan.repeatRate()).isEqualTo(0.5);
        assertThat(v1Jan.breadthMean()).as("one category for those at the event, none for the rest").isEqualTo(1.0);
        assertThat(report.rows().get(1).cells().get(0).checkIns()).as("3 check-ins at v2").isNull();
        assertThat(report.rows().get(2).total().checkIns()).as("none at v3").isNull();
        assertThat(report.rows().get(3).cells().get(0).checkIns()).as("v4's 34 hidden: 3 + 0 alone would be a small sum")
                .isNull();
        assertThat(report.total().total().checkIns()).isEqualTo(82);
    }

    @Test
    void anEmptyMonthHidesTheMonthBesideIt() {
        // v1: 45 in January, 0 in February, 45 in total; publishing January would reveal February's zero.
        EngagementReport report = reports.report(new ReportSpec(Dimension.VENUE, Period.MONTH, LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 3, 1)));
        assertThat(report.rows().get(0).cells().get(1).checkIns()).isNull();
        assertThat(report.rows().get(0).cells().get(0).checkIns()).isNull();
        assertThat(report.rows().get(0).total().checkIns()).isEqualTo(45);
    }

    @Test
    void breaksDownBySectorFromTheEvents() {
        EngagementReport report = reports.report(new ReportSpec(Dimension.SECTOR, Period.WEEK, LocalDate.of(2026, 1, 5),
                LocalDate.of(2026, 1, 12)));
        EngagementReport.Row arts = report.rows().stream().filter(r -> r.group().equals("arts")).findFirst().orElseThrow();
        assertThat(report.periods()).containsExactly("2026-W02");
        assertThat(arts.total().checkIns()).isEqualTo(30);
        assertThat(arts.total().repeatRate()).as("nobody went twice to the arts event: rate from 0 repeaters").isNull();
        EngagementReport.Row noEvent = report.rows().stream().filter(r -> r.group().equals("no-event")).findFirst().orElseThrow();
        // 18 check-ins without an event, but the other sectors' zeros would add up to 0 beside them
        // (48 - 30 - 18): the smallest published cell goes with them (ADR 11).
        assertThat(noEvent.total().checkIns()).isNull();
        assertThat(report.total().total().checkIns()).isEqualTo(48);
    }

    @Test
    void linkedReportByImdDecileNeverShowsATokenAndLeavesNoTableBehind() throws Exception {
        List<LinkageRow> linkage = new ArrayList<>();
        for (int p = 1; p <= 30; p++) {
            linkage.add(new LinkageRow(token(p), "11-15", p <= 20 ? 1 : 2, p <= 20));
        }
        for (int p = 34; p <= 55; p++) {
            linkage.add(new LinkageRow(token(p), "16-18", 3, false));
        }
        EngagementReport report = reports.linkedReport(new ReportSpec(Dimension.IMD_DECILE, Period.MONTH,
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1)), linkage);

        EngagementReport.Row first = report.rows().stream().filter(r -> r.group().equals("1")).findFirst().orElseThrow();
        assertThat(first.total().checkIns()).isEqualTo(35);
        assertThat(first.total().people()).isEqualTo(20);
        EngagementReport.Row unlinked = report.rows().stream().filter(r -> r.group().equals("unlinked")).findFirst().orElseThrow();
        assertThat(unlinked.total().checkIns()).as("3 unlinked check-ins").isNull();
        String json = ReportFormats.json(report);
        String csv = ReportFormats.csv(report);
        for (int p = 1; p <= 55; p++) {
            assertThat(json).doesNotContain(token(p));
            assertThat(csv).doesNotContain(token(p));
        }
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_class WHERE relname = 'linkage'")) {
            rs.next();
            assertThat(rs.getInt(1)).as("the temporary linkage table is gone after the report").isZero();
        }
    }

    /**
     * Every dimension, a new one included, runs on the database: its SQL is valid, a report by it
     * names it and lists its known groups, its CSV column heads the CSV, and (central's own data)
     * the rollup gives the aggregate query's cells. The seed's events and linkage values are all
     * known, so a fixed list of groups is exactly the report's rows.
     */
    @Test
    void everyDimensionRunsOnTheDatabaseWithItsGroupsAndItsCsvColumn() throws Exception {
        List<LinkageRow> linkage = new ArrayList<>();
        for (int p = 1; p <= 55; p++) {
            linkage.add(new LinkageRow(token(p), p % 2 == 0 ? "11-15" : "16-18", 1 + p % 10, p % 3 == 0));
        }
        for (Dimension d : Dimension.values()) {
            ReportSpec spec = new ReportSpec(d, Period.MONTH, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1));
            EngagementReport report = d.linked() ? reports.linkedReport(spec, linkage) : reports.report(spec);

            assertThat(report.by()).isEqualTo(d.code());
            assertThat(ReportFormats.csv(report)).startsWith(d.csvColumn() + ",period,");
            List<String> groups = report.rows().stream().map(EngagementReport.Row::group).toList();
            if (d.knownGroups() instanceof Dimension.KnownGroups.Fixed fixed) {
                assertThat(groups).as(d.code()).containsExactlyInAnyOrderElementsOf(fixed.groups());
            } else {
                assertThat(groups).as(d.code()).isNotEmpty();
            }
            if (!d.linked()) {
                List<ReportCell> cells = reports.sqlCells(spec);
                assertThat(cells).as(d.code()).containsExactlyInAnyOrderElementsOf(reports.rollupCells(spec));
                assertThat(cells).as(d.code()).contains(new ReportCell(null, null, 82, 55, 27, 30));
            }
        }
    }

    private static String token(int person) throws Exception {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(("p" + person).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(hash);
    }

    private static Connection connect() throws Exception {
        return DriverManager.getConnection(url, DB.server().user(), "");
    }
}
