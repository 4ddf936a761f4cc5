package org.culturecard.central.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.culturecard.central.TestBatches;
import org.culturecard.central.deadletter.DeadLetterCounts;
import org.culturecard.central.deadletter.DeadLetters;
import org.culturecard.central.deadletter.JunkQuota;
import org.culturecard.central.store.ReasonClass;
import org.culturecard.central.store.StoreUnavailableException;
import org.culturecard.core.ids.VenueId;
import org.culturecard.core.wire.CheckInBatch;
import org.culturecard.core.wire.Topics;
import org.culturecard.core.wire.WireCodec;
import org.culturecard.mqttlink.BrokerEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The worker's handling of one message, against a store in memory (its connection is mqtt-link's, tested there). */
class IngestWorkerTest {
    private static final WireCodec CODEC = new WireCodec();

    private final FakeStore store = new FakeStore();
    private final AtomicInteger registryDown = new AtomicInteger();
    private final BatchValidator validator = new BatchValidator(CODEC, TestBatches.CLOCK, kiosk -> {
        if (registryDown.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new StoreUnavailableException("registry unreachable", null);
        }
        return Optional.of(VenueId.of("museum-x"));
    });
    private final IngestWorker worker = new IngestWorker(BrokerEndpoint.plain("tcp://127.0.0.1:1"), "ingest-test", store,
            validator, new DeadLetters(store, new JunkQuota(TestBatches.CLOCK, 100), new DeadLetterCounts(), 1000), CODEC,
            TestBatches.CLOCK);
    private final TestBatches batches = new TestBatches(11);

    @AfterEach
    void close() {
        worker.close();
    }

    @Test
    void anInvalidMessageIsDeadLetteredAndCompletedButNeverAnswered() throws Exception {
        FakeInbound junk = new FakeInbound("culturecard/v1/museum-x/kiosk-a/up/checkins", "{junk".getBytes(StandardCharsets.UTF_8));

        worker.handle(junk);

        assertThat(junk.completions).isEqualTo(1);
        assertThat(junk.replies).isEmpty();
        assertThat(store.letters).singleElement().satisfies(l -> assertThat(l.reasonClass()).isEqualTo(ReasonClass.UNPARSEABLE));
        assertThat(worker.stats().deadLetters()).isEqualTo(1);
    }

    @Test
    void anAcceptedBatchIsCommittedAndAnsweredOnItsKiosksAckTopic() throws Exception {
        CheckInBatch batch = batches.batch("museum-x", "kiosk-a", 3);
        FakeInbound message = new FakeInbound(Topics.checkins(batch.venueId(), batch.kioskId()), CODEC.encode(batch));
        worker.start();

        worker.handle(message);

        await().atMost(Duration.ofSeconds(10)).until(() -> message.completions == 1);
        assertThat(message.replies).singleElement().satisfies(r ->
                assertThat(r.topic()).isEqualTo(Topics.acks(batch.venueId(), batch.kioskId())));
        assertThat(worker.stats().recordsInserted()).isEqualTo(3);
        assertThat(worker.latestTapMillis()).isPositive();
    }

    @Test
    void waitsOutAnUnreachableRegistryAndCountsTheRetries() throws Exception {
        registryDown.set(2);
        CheckInBatch batch = batches.batch("museum-x", "kiosk-a", 1);
        FakeInbound message = new FakeInbound(Topics.checkins(batch.venueId(), batch.kioskId()), CODEC.encode(batch));
        worker.start();

        worker.handle(message);

        await().atMost(Duration.ofSeconds(10)).until(() -> message.completions == 1);
        assertThat(worker.stats().storeRetries()).isEqualTo(2);
        assertThat(message.replies).hasSize(1);
    }

    @Test
    void aClosedWorkerLeavesMessagesWithTheBroker() throws Exception {
        worker.close();
        FakeInbound message = new FakeInbound("culturecard/v1/museum-x/kiosk-a/up/checkins", new byte[] {1});

        worker.handle(message);

        assertThat(message.completions).isZero();
        assertThat(worker.clientId()).isEqualTo("ingest-test");
        assertThat(worker.isSubscribed()).isFalse();
    }
}
