package org.culturecard.central.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.culturecard.central.TestBatches;
import org.culturecard.central.deadletter.DeadLetterCounts;
import org.culturecard.central.deadletter.DeadLetters;
import org.culturecard.central.deadletter.JunkQuota;
import org.culturecard.central.store.ReasonClass;
import org.culturecard.core.ids.VenueId;
import org.culturecard.core.wire.BatchAck;
import org.culturecard.core.wire.CheckInBatch;
import org.culturecard.core.wire.Topics;
import org.culturecard.core.wire.WireCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GroupCommitterTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final WireCodec CODEC = new WireCodec();

    private final FakeStore store = new FakeStore();
    private final IngestCounters counters = new IngestCounters(TestBatches.CLOCK);
    private final GroupCommitter committer = new GroupCommitter("test", store,
            new DeadLetters(store, new JunkQuota(TestBatches.CLOCK, 100), new DeadLetterCounts(), 1000), counters, CODEC,
            TestBatches.CLOCK);
    private final BatchValidator validator = new BatchValidator(CODEC, TestBatches.CLOCK,
            kiosk -> Optional.of(VenueId.of("museum-x")));
    private final TestBatches batches = new TestBatches(3);

    @AfterEach
    void stop() {
        committer.stop();
    }

    @Test
    void commitsTheBatchesWaitingInOneTransactionThenAnswersEachKioskAndCompletesItsMessage() throws Exception {
        List<CheckInBatch> sent = List.of(batches.batch("museum-x", "kiosk-a", 2), batches.batch("museum-x", "kiosk-b", 3),
                batches.batch("museum-x", "kiosk-a", 1));
        List<FakeInbound> messages = sent.stream().map(this::accept).toList();

        committer.start();

        await().atMost(WAIT).until(() -> messages.stream().allMatch(m -> m.completions == 1));
        assertThat(store.committed).containsExactly(sent.stream().map(CheckInBatch::batchId).toList());
        for (int i = 0; i < sent.size(); i++) {
            FakeInbound.Reply reply = messages.get(i).replies.get(0);
            BatchAck ack = CODEC.decode(reply.payload(), BatchAck.class);
            assertThat(reply.topic()).isEqualTo(Topics.acks(sent.get(i).venueId(), sent.get(i).kioskId()));
            assertThat(ack.batchId()).isEqualTo(sent.get(i).batchId());
            assertThat(ack.inserted()).isEqualTo(sent.get(i).records().size());
        }
        assertThat(counters.stats(0).batchesStored()).isEqualTo(3);
        assertThat(counters.stats(0).recordsInserted()).isEqualTo(6);
    }

    @Test
    void retriesTheSameGroupWhileTheDatabaseIsUnreachable() throws Exception {
        store.unavailableFor.set(2);
        FakeInbound message = accept(batches.batch("museum-x", "kiosk-a", 2));

        committer.start();

        await().atMost(WAIT).until(() -> message.completions == 1);
        assertThat(message.replies).hasSize(1);
        assertThat(counters.stats(0).storeRetries()).isEqualTo(2);
        assertThat(store.committed).hasSize(1);
    }

    @Test
    void findsTheBatchTheDatabaseRefusesStoresTheRestAndDeadLettersItAlone() throws Exception {
        CheckInBatch good = batches.batch("museum-x", "kiosk-a", 1);
        CheckInBatch bad = batches.batch("museum-x", "kiosk-b", 1);
        CheckInBatch alsoGood = batches.batch("museum-x", "kiosk-c", 1);
        store.refusedBatches = Set.of(bad.batchId());
        FakeInbound first = accept(good);
        FakeInbound refused = accept(bad);
        FakeInbound third = accept(alsoGood);

        committer.start();

        await().atMost(WAIT).until(() -> first.completions + refused.completions + third.completions == 3);
        assertThat(first.replies).hasSize(1);
        assertThat(third.replies).hasSize(1);
        assertThat(refused.replies).as("never acked to the kiosk").isEmpty();
        assertThat(store.letters).singleElement().satisfies(l -> assertThat(l.reasonClass()).isEqualTo(ReasonClass.STORE_REFUSED));
        assertThat(counters.stats(0).deadLetters()).isEqualTo(1);
    }

    @Test
    void aMessageIsCompletedEvenWhenItCannotBeDeadLettered() throws Exception {
        store.deadLettersFail = true;
        FakeInbound message = new FakeInbound("culturecard/v1/museum-x/kiosk-a/up/checkins", new byte[] {1});

        committer.deadLetterAndComplete(message, ReasonClass.INTERNAL, "internal error");

        assertThat(message.completions).isEqualTo(1);
        assertThat(counters.stats(0).deadLetters()).isZero();
    }

    @Test
    void afterStopNothingMoreIsStoredOrCompleted() throws Exception {
        committer.start();
        committer.stop();
        FakeInbound late = accept(batches.batch("museum-x", "kiosk-a", 1));

        Thread.sleep(300);

        assertThat(store.committed).isEmpty();
        assertThat(late.completions).as("left with the broker, to be redelivered").isZero();
    }

    private FakeInbound accept(CheckInBatch batch) {
        String topic = Topics.checkins(batch.venueId(), batch.kioskId());
        byte[] payload = CODEC.encode(batch);
        FakeInbound message = new FakeInbound(topic, payload);
        committer.add(message, (Verdict.Accepted) validator.validate(topic, payload));
        return message;
    }
}
