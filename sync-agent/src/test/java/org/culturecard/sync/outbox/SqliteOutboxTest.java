package org.culturecard.sync.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.culturecard.sync.testing.KioskDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteOutboxTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path dir;
    private KioskDb kiosk;
    private SqliteOutbox outbox;

    @BeforeEach
    void createStore() throws Exception {
        kiosk = KioskDb.create(dir);
        outbox = SqliteOutbox.open(kiosk.file());
    }

    @AfterEach
    void closeStore() throws Exception {
        outbox.close();
        kiosk.close();
    }

    @Test
    void givesPendingRowsInSeqOrderUpToTheRecordLimit() throws Exception {
        kiosk.record(7, T0);

        List<OutboxRecord> batch = outbox.nextBatch(5, 65_536);

        assertThat(batch).extracting(OutboxRecord::seq).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(batch.get(0).payload()).contains("\"seq\":1");
        assertThat(batch.get(0).createdAt()).isEqualTo(T0);
    }

    @Test
    void stopsAtTheByteLimitButAlwaysGivesAtLeastOneRow() throws Exception {
        kiosk.record(10, T0);
        int one = outbox.nextBatch(1, 65_536).get(0).payloadBytes() + 1;

        assertThat(outbox.nextBatch(100, 3 * one)).hasSize(3);
        assertThat(outbox.nextBatch(100, 10)).hasSize(1);
    }

    @Test
    void leavesRowsInFlightOutOfTheNextBatch() throws Exception {
        kiosk.record(5, T0);
        outbox.markSent(UUID.randomUUID(), List.of(1L, 2L, 3L), T0);

        assertThat(outbox.nextBatch(100, 65_536)).extracting(OutboxRecord::seq).containsExactly(4L, 5L);
        assertThat(outbox.backlogCount()).isEqualTo(5);
    }

    @Test
    void readsAfterAGivenSeqAndMarksSeveralBatchesSentAndDeliveredAtOnce() throws Exception {
        kiosk.record(6, T0);
        assertThat(outbox.nextBatch(2, 100, 65_536)).extracting(OutboxRecord::seq).containsExactly(3L, 4L, 5L, 6L);
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID unknown = UUID.randomUUID();

        outbox.markSent(Map.of(first, List.of(1L, 2L), second, List.of(3L)), T0);

        assertThat(outbox.nextBatch(0, 100, 65_536)).extracting(OutboxRecord::seq).containsExactly(4L, 5L, 6L);
        assertThat(outbox.markDelivered(List.of(first, unknown, second), T0.plusSeconds(1)))
                .containsExactly(Map.entry(first, 2), Map.entry(unknown, 0), Map.entry(second, 1));
        assertThat(outbox.backlogCount()).isEqualTo(3);
        assertThat(outbox.markDelivered(List.of(first), T0.plusSeconds(2))).containsExactly(Map.entry(first, 0));
    }

    @Test
    void marksOnlyTheAckedBatchDeliveredAndOnlyOnce() throws Exception {
        kiosk.record(4, T0);
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        outbox.markSent(first, List.of(1L, 2L), T0);
        outbox.markSent(second, List.of(3L, 4L), T0);

        assertThat(outbox.markDelivered(first, T0.plusSeconds(1))).isEqualTo(2);
        assertThat(outbox.markDelivered(first, T0.plusSeconds(2))).isZero();
        assertThat(outbox.markDelivered(UUID.randomUUID(), T0.plusSeconds(2))).isZero();

        assertThat(outbox.backlogCount()).isEqualTo(2);
        assertThat(kiosk.deliveredCount()).isEqualTo(2);
        assertThat(outbox.nextBatch(100, 65_536)).isEmpty();
    }

    @Test
    void releasesOnlyRowsSentBeforeTheCutOff() throws Exception {
        kiosk.record(4, T0);
        outbox.markSent(UUID.randomUUID(), List.of(1L, 2L), T0);
        outbox.markSent(UUID.randomUUID(), List.of(3L, 4L), T0.plusSeconds(30));

        assertThat(outbox.releaseUnacked(T0.plusSeconds(10))).isEqualTo(2);

        assertThat(outbox.nextBatch(100, 65_536)).extracting(OutboxRecord::seq).containsExactly(1L, 2L);
    }

    @Test
    void comparesSubSecondSendTimesCorrectly() throws Exception {
        kiosk.record(2, T0);
        outbox.markSent(UUID.randomUUID(), List.of(1L), T0.plusMillis(900));
        outbox.markSent(UUID.randomUUID(), List.of(2L), T0.plusSeconds(1));

        assertThat(outbox.releaseUnacked(T0.plusMillis(950))).isEqualTo(1);
        assertThat(outbox.nextBatch(100, 65_536)).extracting(OutboxRecord::seq).containsExactly(1L);
    }

    @Test
    void aLateAckForAReleasedBatchStillDeliversItsRows() throws Exception {
        kiosk.record(2, T0);
        UUID batch = UUID.randomUUID();
        outbox.markSent(batch, List.of(1L, 2L), T0);
        outbox.releaseAllUnacked();

        assertThat(outbox.markDelivered(batch, T0.plusSeconds(60))).isEqualTo(2);
        assertThat(outbox.nextBatch(100, 65_536)).isEmpty();
    }

    @Test
    void neverReleasesDeliveredRows() throws Exception {
        kiosk.record(1, T0);
        UUID batch = UUID.randomUUID();
        outbox.markSent(batch, List.of(1L), T0);
        outbox.markDelivered(batch, T0);

        assertThat(outbox.releaseAllUnacked()).isZero();
        assertThat(outbox.releaseUnacked(T0.plusSeconds(3600))).isZero();
        assertThat(outbox.nextBatch(100, 65_536)).isEmpty();
    }

    @Test
    void reportsTheAgeOfTheOldestPendingCheckIn() throws Exception {
        kiosk.record(1, T0);
        kiosk.record(1, T0.plusSeconds(100));
        UUID batch = UUID.randomUUID();
        outbox.markSent(batch, List.of(1L), T0);

        assertThat(outbox.oldestPendingAge(T0.plusSeconds(120))).contains(Duration.ofSeconds(120));
        outbox.markDelivered(batch, T0.plusSeconds(120));
        assertThat(outbox.oldestPendingAge(T0.plusSeconds(120))).contains(Duration.ofSeconds(20));
    }

    @Test
    void readsTheTimesTheKioskWritesToTheMillisecondBesideItsOwnNanosecondOnes() throws Exception {
        Instant tapped = T0.plusMillis(250); // written by the kiosk's format, milliseconds
        kiosk.record(2, tapped);
        outbox.markSent(UUID.randomUUID(), List.of(1L), T0.plusNanos(900_000_123)); // the agent's, nanoseconds

        assertThat(outbox.nextBatch(100, 65_536)).extracting(OutboxRecord::createdAt).containsExactly(tapped);
        assertThat(outbox.oldestPendingAge(tapped.plusMillis(1_500))).contains(Duration.ofMillis(1_500));
        assertThat(outbox.releaseUnacked(T0.plusNanos(900_000_124))).isEqualTo(1);
    }

    @Test
    void reportsNoAgeWhenNothingIsPending() {
        assertThat(outbox.oldestPendingAge(T0)).isEmpty();
        assertThat(outbox.backlogCount()).isZero();
    }

    @Test
    void purgesOnlyRowsDeliveredBeforeTheCutOff() throws Exception {
        kiosk.record(3, T0);
        UUID old = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        outbox.markSent(old, List.of(1L), T0);
        outbox.markSent(recent, List.of(2L), T0);
        outbox.markDelivered(old, T0);
        outbox.markDelivered(recent, T0.plus(Duration.ofDays(40)));

        assertThat(outbox.purgeDelivered(T0.plus(Duration.ofDays(10)))).isEqualTo(1);

        assertThat(kiosk.deliveredCount()).isEqualTo(1);
        assertThat(outbox.backlogCount()).isEqualTo(1);
    }

    @Test
    void seesRowsTheKioskWritesWhileItIsOpen() throws Exception {
        assertThat(outbox.nextBatch(100, 65_536)).isEmpty();

        kiosk.record(3, T0);

        assertThat(outbox.nextBatch(100, 65_536)).hasSize(3);
    }

    @Test
    void refusesToCreateADatabaseThatDoesNotExist() {
        Path missing = dir.resolve("missing.db");

        assertThatThrownBy(() -> SqliteOutbox.open(missing)).isInstanceOf(OutboxException.class)
                .hasMessageContaining("missing.db");
        assertThat(Files.exists(missing)).isFalse();
    }
}
