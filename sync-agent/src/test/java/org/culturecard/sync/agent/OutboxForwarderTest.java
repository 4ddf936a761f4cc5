package org.culturecard.sync.agent;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.culturecard.core.card.CardKind;
import org.culturecard.core.checkin.CheckIn;
import org.culturecard.core.ids.KioskId;
import org.culturecard.core.ids.UuidV7;
import org.culturecard.core.privacy.Token;
import org.culturecard.core.wire.BatchAck;
import org.culturecard.core.wire.CheckInBatch;
import org.culturecard.core.wire.PendingAward;
import org.culturecard.core.wire.Topics;
import org.culturecard.core.wire.WireCodec;
import org.culturecard.sync.outbox.OutboxRecord;
import org.culturecard.testsupport.time.MutableClock;
import org.junit.jupiter.api.Test;

class OutboxForwarderTest {
    private static final WireCodec CODEC = new WireCodec();
    private static final String CHECKINS = Topics.checkins(TestAgentConfig.VENUE, TestAgentConfig.KIOSK);

    private final MutableClock clock = new MutableClock(TestAgentConfig.NOW);
    private final FakeOutbox outbox = new FakeOutbox();
    private final FakeLink link = new FakeLink();
    private final List<BatchDelivered> delivered = new ArrayList<>();
    private final AtomicLong nextId = new AtomicLong();
    private final UUID boot = new UUID(9, 9);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private OutboxForwarder forwarder(int batchRecords) {
        return new OutboxForwarder(TestAgentConfig.builder().batchLimits(batchRecords, CheckInBatch.MAX_BYTES)
                .ackTimeout(Duration.ofSeconds(30)).build(), outbox, link, clock, () -> new UUID(1, nextId.incrementAndGet()),
                boot, delivered::add, new AgentMeters(registry));
    }

    @Test
    void theWindowIsTheBrokersReceiveMaximumLessTheStatusSlotsAndAtLeastOne() throws Exception {
        OutboxForwarder forwarder = forwarder(10);

        assertThat(forwarder.connected(20)).isEqualTo(18);
        assertThat(forwarder.connected(65_535)).isEqualTo(1000);
        assertThat(forwarder.connected(2)).isEqualTo(1);
        assertThat(forwarder.connected(1)).isEqualTo(1);
    }

    @Test
    void publishesBatchesUntilTheWindowIsFullAndOneMoreForEachAck() throws Exception {
        outbox.add(25);
        OutboxForwarder forwarder = forwarder(5);
        forwarder.connected(5); // a window of 3 batches

        forwarder.pump();

        assertThat(link.published).hasSize(3).allSatisfy(p -> {
            assertThat(p.topic()).isEqualTo(CHECKINS);
            assertThat(p.retained()).isFalse();
        });
        CheckInBatch first = CODEC.decode(link.published.get(0).payload(), CheckInBatch.class);
        assertThat(first.records()).extracting(CheckIn::seq).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(first.bootId()).isEqualTo(boot);
        assertThat(first.kioskId()).isEqualTo(TestAgentConfig.KIOSK);

        forwarder.ackArrived(ack(first.batchId(), 5));

        assertThat(link.published).hasSize(4);
        assertThat(outbox.delivered()).isEqualTo(5);
        assertThat(delivered).singleElement().satisfies(d -> {
            assertThat(d.batchId()).isEqualTo(first.batchId());
            assertThat(d.checkIns()).isEqualTo(5);
        });
        assertThat(forwarder.lastSyncAt()).isEqualTo(TestAgentConfig.NOW);
    }

    @Test
    void countsPublishedBatchesAckedCheckInsAndRepublishedBatchesInItsMeters() throws Exception {
        outbox.add(4);
        OutboxForwarder forwarder = forwarder(2);
        forwarder.connected(4); // a window of 2 batches
        forwarder.pump();
        forwarder.ackArrived(ack(CODEC.decode(link.published.get(0).payload(), CheckInBatch.class).batchId(), 2));

        clock.advance(Duration.ofSeconds(31));
        forwarder.expireUnacked(clock.instant(), false);

        assertThat(registry.get("culturecard.agent.batches.published").counter().count()).isEqualTo(2.0);
        assertThat(registry.get("culturecard.agent.checkins.acked").counter().count()).isEqualTo(2.0);
        assertThat(registry.get("culturecard.agent.batches.republished").counter().count()).isEqualTo(1.0);
    }

    @Test
    void publishesNothingWhileTheLinkIsDown() throws Exception {
        outbox.add(3);
        OutboxForwarder forwarder = forwarder(5);
        forwarder.connected(100);
        link.up = false;

        forwarder.pump();

        assertThat(link.published).isEmpty();
    }

    @Test
    void anAckForAnotherKioskOrOneThatIsUnreadableChangesNothing() throws Exception {
        outbox.add(2);
        OutboxForwarder forwarder = forwarder(5);
        forwarder.connected(100);
        forwarder.pump();
        UUID batch = CODEC.decode(link.last().payload(), CheckInBatch.class).batchId();

        forwarder.ackArrived(CODEC.encode(BatchAck.of(batch, KioskId.of("kiosk-2"), 2, 0,
                TestAgentConfig.NOW)));
        forwarder.ackArrived("{not an ack".getBytes(UTF_8));

        assertThat(outbox.delivered()).isZero();
        assertThat(delivered).isEmpty();
        assertThat(forwarder.lastSyncAt()).isNull();
    }

    @Test
    void anUnackedBatchIsForgottenAfterTheAckTimeoutAndItsRowsGoOutAgain() throws Exception {
        outbox.add(2);
        OutboxForwarder forwarder = forwarder(5);
        forwarder.connected(3); // a window of one batch
        forwarder.pump();
        forwarder.pump();
        assertThat(link.published).hasSize(1);

        clock.advance(Duration.ofSeconds(31));
        forwarder.expireUnacked(clock.instant(), false);
        forwarder.pump();

        assertThat(link.published).hasSize(2);
        assertThat(CODEC.decode(link.published.get(1).payload(), CheckInBatch.class).records()).hasSize(2);
    }

    @Test
    void aReconnectSendsEveryUnackedRowAgain() throws Exception {
        outbox.add(4);
        OutboxForwarder forwarder = forwarder(2);
        forwarder.connected(100);
        forwarder.pump();
        assertThat(link.published).hasSize(2);

        forwarder.disconnected();
        forwarder.connected(100);
        forwarder.pump();

        assertThat(link.published).hasSize(4);
        assertThat(outbox.pending()).isZero();
    }

    @Test
    void parksAnUnreadableRowAndSendsTheRest() throws Exception {
        outbox.add(1);
        outbox.addRaw("{not a check-in");
        outbox.add(1);
        OutboxForwarder forwarder = forwarder(5);
        forwarder.connected(100);

        forwarder.pump();

        assertThat(link.published).hasSize(1);
        assertThat(CODEC.decode(link.last().payload(), CheckInBatch.class).records()).extracting(CheckIn::seq)
                .containsExactly(1L, 3L);
        assertThat(outbox.sentWithoutAck(2)).as("parked as if sent, retried after the ack timeout").isTrue();
    }

    @Test
    void aRefusedBatchTellsTheLinkAndNoSubscriberIsOnlyAWarning() throws Exception {
        outbox.add(2);
        OutboxForwarder forwarder = forwarder(1);
        forwarder.connected(100);
        forwarder.pump();

        link.published.get(0).answer(0x10);
        link.published.get(1).answer(0x87);

        assertThat(link.refusals).containsExactly("publishing to " + CHECKINS + " 135");
    }

    @Test
    void marksTheBatchesOfOnePumpSentInOneWriteBeforePublishingThem() throws Exception {
        outbox.add(50);
        OutboxForwarder forwarder = forwarder(5);
        forwarder.connected(100);

        assertThat(forwarder.pump()).isTrue();

        assertThat(link.published).hasSize(10);
        assertThat(outbox.writes).as("one transaction for the 10 batches").isEqualTo(1);
        assertThat(outbox.pending()).isZero();
        assertThat(forwarder.pump()).as("nothing more to send").isFalse();
    }

    @Test
    void acksThatArriveTogetherAreSettledInOneWriteAndEachIsReported() throws Exception {
        outbox.add(15);
        OutboxForwarder forwarder = forwarder(5);
        forwarder.connected(100);
        forwarder.pump();
        List<byte[]> acks = new ArrayList<>();
        for (var published : link.published) {
            acks.add(ack(CODEC.decode(published.payload(), CheckInBatch.class).batchId(), 5));
        }
        int writesBefore = outbox.writes;

        forwarder.acksArrived(acks);

        assertThat(outbox.writes - writesBefore).isEqualTo(1);
        assertThat(outbox.delivered()).isEqualTo(15);
        assertThat(delivered).hasSize(3).allSatisfy(d -> assertThat(d.checkIns()).isEqualTo(5));
    }

    @Test
    void theAwardsOfAnAckAreKeptForTheKioskBeforeItsRowsAreDelivered() throws Exception {
        outbox.add(2);
        OutboxForwarder forwarder = forwarder(5);
        forwarder.connected(100);
        forwarder.pump();
        UUID batch = CODEC.decode(link.published.get(0).payload(), CheckInBatch.class).batchId();
        PendingAward award = PendingAward.of(Token.of("a1".repeat(32)), "museum-explorer", Map.of("en", "Museum Explorer"),
                null);

        forwarder.ackArrived(CODEC.encode(BatchAck.of(batch, TestAgentConfig.KIOSK, 2, 0, TestAgentConfig.NOW)
                .withAwards(List.of(award))));

        assertThat(outbox.awards).containsExactly(award);
        assertThat(outbox.deliveredWhenAwardsKept).as("kept before the rows were marked delivered").isZero();
        assertThat(outbox.delivered()).isEqualTo(2);
    }

    private static byte[] ack(UUID batchId, int inserted) {
        return CODEC.encode(BatchAck.of(batchId, TestAgentConfig.KIOSK, inserted, 0, TestAgentConfig.NOW));
    }

    /** The outbox in memory: rows by seq, each pending, sent in a batch at a time, or delivered. */
    private final class FakeOutbox implements OutboxForwarder.Outbox {
        private final class Row {
            final OutboxRecord record;
            UUID batch;
            Instant sentAt;
            boolean delivered;

            Row(OutboxRecord record) {
                this.record = record;
            }
        }

        private final Map<Long, Row> rows = new LinkedHashMap<>();
        /** Write transactions: each markSent or markDelivered call is one. */
        int writes;
        /** The awards kept for the kiosk, with how many rows were delivered when they were kept. */
        final List<PendingAward> awards = new ArrayList<>();
        long deliveredWhenAwardsKept = -1;
        private final UuidV7 checkInIds = new UuidV7(TestAgentConfig.clock(), new Random(1));

        void add(int count) {
            for (int i = 0; i < count; i++) {
                long seq = rows.size() + 1;
                CheckIn checkIn = new CheckIn(checkInIds.get(), seq, Token.of(String.format("%064x", seq)), null,
                        TestAgentConfig.VENUE, TestAgentConfig.KIOSK, TestAgentConfig.NOW, true, CardKind.MIFARE_CLASSIC_1K,
                        "test");
                addRaw(new String(CODEC.encode(checkIn), UTF_8));
            }
        }

        void addRaw(String payload) {
            long seq = rows.size() + 1;
            rows.put(seq, new Row(new OutboxRecord(seq, new UUID(7, seq), payload, TestAgentConfig.NOW)));
        }

        long delivered() {
            return rows.values().stream().filter(r -> r.delivered).count();
        }

        long pending() {
            return rows.values().stream().filter(r -> r.batch == null).count();
        }

        boolean sentWithoutAck(long seq) {
            return rows.get(seq).batch != null && !rows.get(seq).delivered;
        }

        @Override
        public List<OutboxRecord> nextBatch(long afterSeq, int maxRecords, int maxBytes) {
            return rows.values().stream().filter(r -> r.batch == null && r.record.seq() > afterSeq).limit(maxRecords)
                    .map(r -> r.record).toList();
        }

        @Override
        public void keepAwards(List<PendingAward> kept, Instant at) {
            awards.addAll(kept);
            deliveredWhenAwardsKept = delivered();
        }

        @Override
        public void markSent(Map<UUID, List<Long>> batches, Instant at) {
            writes++;
            batches.forEach((batchId, seqs) -> seqs.forEach(seq -> {
                rows.get(seq).batch = batchId;
                rows.get(seq).sentAt = at;
            }));
        }

        @Override
        public Map<UUID, Integer> markDelivered(Collection<UUID> batchIds, Instant at) {
            writes++;
            Map<UUID, Integer> counts = new LinkedHashMap<>();
            for (UUID batchId : batchIds) {
                int count = 0;
                for (Row row : rows.values()) {
                    if (batchId.equals(row.batch) && !row.delivered) {
                        row.delivered = true;
                        count++;
                    }
                }
                counts.put(batchId, count);
            }
            return counts;
        }

        @Override
        public int releaseUnacked(Instant olderThan) {
            return release(r -> r.sentAt.isBefore(olderThan));
        }

        @Override
        public int releaseAllUnacked() {
            return release(r -> true);
        }

        private int release(java.util.function.Predicate<Row> which) {
            int count = 0;
            for (Row row : rows.values()) {
                if (row.batch != null && !row.delivered && which.test(row)) {
                    row.batch = null;
                    count++;
                }
            }
            return count;
        }
    }
}
