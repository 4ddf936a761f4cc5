package org.culturecard.central.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.culturecard.central.TestBatches;
import org.culturecard.central.identity.Identities;
import org.culturecard.central.store.PostgresCheckInStore;
import org.culturecard.central.store.PostgresIdentityStore;
import org.culturecard.core.card.CardKind;
import org.culturecard.core.checkin.CheckIn;
import org.culturecard.core.enrolment.Enrolment;
import org.culturecard.core.ids.KioskId;
import org.culturecard.core.ids.UuidV7;
import org.culturecard.core.ids.VenueId;
import org.culturecard.core.privacy.Token;
import org.culturecard.core.wire.CheckInBatch;
import org.culturecard.testsupport.postgres.PostgresExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The coverage report on a real PostgreSQL, its people made by real enrolments ({@link Identities}
 * through {@link PostgresIdentityStore}): registered, expired and never-enrolled cards, a card's
 * chip and barcode counted once, small venues suppressed; and {@code report --coverage} on the CLI.
 */
class CoverageReportIT {

    @RegisterExtension
    static final PostgresExtension DB = new PostgresExtension();

    private static final Instant TAP = Instant.parse("2026-02-25T11:00:00Z");
    private static final LocalDate FROM = LocalDate.of(2026, 2, 1);
    private static final LocalDate TO = LocalDate.of(2026, 3, 1);
    private final UuidV7 ids = new UuidV7(TestBatches.CLOCK, new Random(13));
    private long seq;

    @TempDir
    Path dir;

    @Test
    void registeredAndUnverifiedPeopleByVenueCountPeopleAndSuppressSmallVenues() throws Exception {
        String url = DB.server().createDatabase("central_coverage");
        try (PostgresCheckInStore store = PostgresCheckInStore.open(url, DB.server().user(), "", 3, TestBatches.CLOCK)) {
            try (Connection c = DriverManager.getConnection(url, DB.server().user(), ""); Statement s = c.createStatement()) {
                s.execute("INSERT INTO kiosks (kiosk_id, venue_id) VALUES ('kbig', 'big'), ('kbig2', 'big2'), ('ksmall', 'small'), ('kidle', 'idle')");
            }
            List<CheckIn> big = new ArrayList<>();
            for (int person = 1; person <= 30; person++) {
                big.add(checkIn(token(person), "big", TAP));
            }
            big.add(checkIn(token(1001), "big", TAP.plusSeconds(60))); // person 1's barcode: the same person
            big.add(checkIn(token(1), "big", Instant.parse("2026-01-20T10:00:00Z"))); // outside the range
            store.insertBatch(batch("big", big));
            List<CheckIn> big2 = new ArrayList<>();
            for (int person = 101; person <= 130; person++) {
                big2.add(checkIn(token(person), "big2", TAP));
            }
            store.insertBatch(batch("big2", big2));
            store.insertBatch(batch("small", List.of(checkIn(token(1), "small", TAP), checkIn(token(40), "small", TAP),
                    checkIn(token(41), "small", TAP))));

            PostgresIdentityStore identity = new PostgresIdentityStore(store.dataSource());
            Identities identities = new Identities();
            List<Integer> enrolled = new ArrayList<>();
            for (int person = 1; person <= 14; person++) {
                enrolled.add(person);
            }
            for (int person = 101; person <= 120; person++) {
                enrolled.add(person);
            }
            for (int person : enrolled) {
                LocalDate until = person <= 12 || person > 100 ? LocalDate.of(2030, 1, 1) : LocalDate.of(2026, 2, 20); // 13, 14: expired by the tap
                Enrolment record = Enrolment.enrol(ids.get(), token(person), token(1000 + person), null, until,
                        Instant.parse("2026-01-25T10:00:00Z"), null);
                identity.inTransaction(tx -> identities.apply(tx, record, VenueId.of("big"), KioskId.of("kbig"), record.enrolledAt()));
            }

            CoverageQueries queries = new CoverageQueries(store.dataSource());
            assertThat(queries.rawCounts(FROM, TO)).containsExactlyInAnyOrder(
                    new CoverageBuilder.Counts("big", 12, 18),
                    new CoverageBuilder.Counts("big2", 20, 10),
                    new CoverageBuilder.Counts("small", 1, 2),
                    new CoverageBuilder.Counts(null, 32, 30));

            CoverageReport report = new ReportQueries(store.dataSource()).coverage(FROM, TO, null);
            assertThat(report.rows()).extracting(CoverageReport.Row::venue).containsExactly("big", "big2", "idle", "small");
            CoverageReport.Row small = report.rows().get(3);
            assertThat(small.seen()).isNull();
            assertThat(small.registered()).isNull();
            assertThat(small.unverified()).isNull();
            assertThat(report.rows().get(2).suppressed()).as("a venue with nobody seen").containsExactly("registered",
                    "unverified", "seen");
            List<CoverageReport.Row> all = new ArrayList<>(report.rows());
            all.add(report.total());
            for (CoverageReport.Row row : all) {
                for (Long figure : new Long[] {row.seen(), row.registered(), row.unverified()}) {
                    assertThat(figure == null || figure >= Suppression.THRESHOLD).as(row.toString()).isTrue();
                }
            }
            assertThat(report.rows().get(0)).as("secondary suppression: else small's counts follow from the totals")
                    .isEqualTo(new CoverageReport.Row("big", null, null, 18L, List.of("registered", "seen")));
            assertThat(report.rows().get(1)).isEqualTo(new CoverageReport.Row("big2", 30L, null, null,
                    List.of("registered", "unverified")));
            assertThat(report.total()).as("person 1, registered at two venues, is one person")
                    .isEqualTo(new CoverageReport.Row(EngagementReport.TOTAL, 62L, 32L, 30L, List.of()));

            CoverageReport scoped = new ReportQueries(store.dataSource()).coverage(FROM, TO, Set.of("small"));
            assertThat(scoped.rows()).extracting(CoverageReport.Row::venue).containsExactly("small");

            Path config = dir.resolve("central.properties");
            Files.writeString(config, "central.jdbc.url=" + url + "\ncentral.db.user=" + DB.server().user()
                    + "\ncentral.mqtt.uri=tcp://127.0.0.1:1883\n");
            Path csv = dir.resolve("coverage.csv");
            assertThat(ReportCommand.run(new String[] {"--config", config.toString(), "--coverage", "--from", "2026-02-01",
                    "--to", "2026-03-01", "--out", csv.toString()}, Map.of())).isZero();
            assertThat(Files.readString(csv)).startsWith("venue_id,from,to,seen,registered,unverified\n"
                    + "big,2026-02-01,2026-03-01,[c],[c],18\n").contains("small,2026-02-01,2026-03-01,[c],[c],[c]\n",
                            "ALL,2026-02-01,2026-03-01,62,32,30\n")
                    .doesNotContain(token(1).value());
            assertThat(ReportCommand.run(new String[] {"--config", config.toString(), "--coverage", "--by", "venue",
                    "--from", "2026-03-01", "--to", "2026-04-01"}, Map.of())).as("--by and --coverage").isNotZero();
        }
    }

    private static Token token(int n) {
        return Token.of(HexFormat.of().formatHex(java.nio.ByteBuffer.allocate(32).putInt(n).putInt(7).array()));
    }

    private CheckIn checkIn(Token token, String venue, Instant tappedAt) {
        return new CheckIn(ids.get(), ++seq, token, null, VenueId.of(venue), KioskId.of("k" + venue), tappedAt, true,
                CardKind.MIFARE_CLASSIC_1K, "0.1.0");
    }

    private CheckInBatch batch(String venue, List<CheckIn> records) {
        return CheckInBatch.of(ids.get(), KioskId.of("k" + venue), VenueId.of(venue), UUID.nameUUIDFromBytes(venue.getBytes()),
                TestBatches.NOW, records);
    }
}
