package org.culturecard.central.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.culturecard.central.TestBatches;
import org.culturecard.central.config.IngestLimits;
import org.culturecard.central.report.RollupRefresher;
import org.culturecard.central.store.Admission;
import org.culturecard.central.store.DeadLetter;
import org.culturecard.central.store.HeldCheckIns;
import org.culturecard.central.store.PlacedCheckIn;
import org.culturecard.central.store.PostgresCheckInStore;
import org.culturecard.central.store.ReasonClass;
import org.culturecard.central.store.RetentionTables;
import org.culturecard.core.checkin.CheckIn;
import org.culturecard.core.ids.KioskId;
import org.culturecard.core.ids.VenueId;
import org.culturecard.core.wire.CheckInBatch;
import org.culturecard.testsupport.postgres.PostgresExtension;
import org.culturecard.testsupport.time.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The retention job on a real PostgreSQL: what is old goes, the rollup follows, held check-ins are flagged. */
class RetentionIT {

    @RegisterExtension
    static final PostgresExtension DB = new PostgresExtension();

    private final TestBatches batches = new TestBatches(5);

    @Test
    void oldDeadLettersAndCheckInsGoAndTheRollupIsRebuiltWithoutThem() throws Exception {
        String url = DB.server().createDatabase("retention_old");
        MutableClock clock = new MutableClock(TestBatches.NOW.minus(Duration.ofDays(100)));
        try (PostgresCheckInStore store = PostgresCheckInStore.open(url, DB.server().user(), "", 2, clock)) {
            CheckInBatch old = batch(TestBatches.NOW.minus(Duration.ofDays(100)));
            store.insertBatch(old);
            store.deadLetter(DeadLetter.of("t/old", "k1", ReasonClass.UNPARSEABLE, "old junk", new byte[3]));
            clock.set(TestBatches.NOW);
            CheckInBatch recent = batch(TestBatches.NOW.minus(Duration.ofDays(2)));
            store.insertBatch(recent);
            store.deadLetter(DeadLetter.of("t/new", "k1", ReasonClass.UNPARSEABLE, "new junk", new byte[3]));
            RollupRefresher rollup = new RollupRefresher(store.dataSource());
            rollup.refreshAll();
            assertThat(count(url, "SELECT sum(check_ins) FROM report_rollup")).isEqualTo(2);

            RetentionJob job = new RetentionJob(new HeldCheckIns(store.dataSource()), new RetentionTables(store.dataSource()),
                    new IngestLimits(4096, 100, 30, 90, 60, 15), clock);
            job.run();

            assertThat(count(url, "SELECT count(*) FROM dead_letters WHERE topic = 't/old'")).isZero();
            assertThat(count(url, "SELECT count(*) FROM dead_letters WHERE topic = 't/new'")).isEqualTo(1);
            assertThat(count(url, "SELECT count(*) FROM check_ins")).isEqualTo(1);
            assertThat(count(url, "SELECT count(*) FROM check_ins WHERE id = '" + recent.records().get(0).id() + "'")).isEqualTo(1);
            rollup.refreshAll();
            assertThat(count(url, "SELECT sum(check_ins) FROM report_rollup")).as("the removed day is rebuilt").isEqualTo(1);
            assertThat(job.totals().checkInsDeleted()).isEqualTo(1);
            assertThat(job.totals().deadLettersDeleted()).isEqualTo(1);
        }
    }

    @Test
    void checkInsAreKeptForEverByDefaultAndHeldOnesAreFlaggedAfterTheGracePeriod() throws Exception {
        String url = DB.server().createDatabase("retention_held");
        MutableClock clock = new MutableClock(TestBatches.NOW);
        try (PostgresCheckInStore store = PostgresCheckInStore.open(url, DB.server().user(), "", 2, clock)) {
            store.insertBatch(batch(Instant.parse("2021-01-01T10:00:00Z")));
            CheckIn early = batches.checkIn("v1", "k1", TestBatches.NOW.minusSeconds(10));
            CheckIn waiting = new CheckIn(early.id(), early.seq(), early.token(), UUID.randomUUID(), early.venueId(), early.kioskId(),
                    early.tappedAt(), true, early.cardKind(), early.appVersion());
            CheckInBatch envelope = CheckInBatch.of(UUID.randomUUID(), KioskId.of("k1"), VenueId.of("v1"), UUID.randomUUID(),
                    TestBatches.NOW, List.of(waiting));
            assertThat(store.ingest(List.of(new Admission("t", envelope, List.of(PlacedCheckIn.asTapped(waiting)), List.of())))
                    .get(0).held()).isEqualTo(1);
            RetentionJob job = new RetentionJob(new HeldCheckIns(store.dataSource()), new RetentionTables(store.dataSource()),
                    IngestLimits.DEFAULTS, clock);

            job.run();
            assertThat(count(url, "SELECT count(*) FROM held_check_ins WHERE flagged_at IS NOT NULL")).isZero();
            clock.advance(Duration.ofMinutes(61));
            job.run();

            assertThat(count(url, "SELECT count(*) FROM held_check_ins WHERE flagged_at IS NOT NULL")).isEqualTo(1);
            assertThat(count(url, "SELECT count(*) FROM check_ins")).as("retention is off by default").isEqualTo(1);
            assertThat(new HeldCheckIns(store.dataSource()).counts()).isEqualTo(new HeldCheckIns.Counts(0, 1));
        }
    }

    private CheckInBatch batch(Instant tappedAt) {
        return CheckInBatch.of(UUID.randomUUID(), KioskId.of("k1"), VenueId.of("v1"), UUID.randomUUID(), tappedAt,
                List.of(batches.checkIn("v1", "k1", tappedAt)));
    }

    private static long count(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, DB.server().user(), "");
             PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
