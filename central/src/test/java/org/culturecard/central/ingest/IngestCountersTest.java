package org.culturecard.central.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.culturecard.central.TestBatches;
import org.culturecard.central.store.Admission;
import org.culturecard.central.store.IngestResult;
import org.culturecard.central.store.PlacedCheckIn;
import org.culturecard.central.store.RecordRefusal;
import org.culturecard.central.store.ReasonClass;
import org.culturecard.core.wire.CheckInBatch;
import org.junit.jupiter.api.Test;

class IngestCountersTest {
    private final IngestCounters counters = new IngestCounters(TestBatches.CLOCK);
    private final TestBatches batches = new TestBatches(5);

    @Test
    void countsWhatEachStoredBatchDidAndTheDeadLettersAndRetries() {
        CheckInBatch batch = batches.batch("museum-x", "kiosk-a", 4);
        Admission admission = new Admission("t", batch, batch.records().stream().map(PlacedCheckIn::asTapped).toList(),
                List.of());

        counters.stored(admission, new IngestResult(2, 1, 1, List.of(new RecordRefusal(batch.records().get(3),
                ReasonClass.EVENT_CONFLICT, "another venue's event"))));
        counters.deadLettered();
        counters.storeRetried();
        counters.storeRetried();

        assertThat(counters.stats(7)).isEqualTo(new IngestStats(1, 2, 1, 1, 2, 7, 1, 1));
    }

    @Test
    void theLagFiguresComeFromTheNewestTapAndTheBatchesSentAt() {
        assertThat(counters.latestTapMillis()).isEqualTo(Long.MIN_VALUE);
        CheckInBatch batch = batches.batch("museum-x", "kiosk-a", 3);
        Admission admission = new Admission("t", batch, batch.records().stream().map(PlacedCheckIn::asTapped).toList(),
                List.of());

        counters.stored(admission, new IngestResult(3, 0, 0, List.of()));

        long newest = batch.records().stream().mapToLong(r -> r.tappedAt().toEpochMilli()).max().orElseThrow();
        assertThat(counters.latestTapMillis()).isEqualTo(newest);
        assertThat(counters.commitLagMillis()).isEqualTo(TestBatches.NOW.toEpochMilli() - batch.sentAt().toEpochMilli());
    }
}
