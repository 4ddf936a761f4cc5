package org.culturecard.central.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.culturecard.central.TestBatches;
import org.culturecard.central.store.Admission;
import org.culturecard.central.store.CheckInStore;
import org.culturecard.central.store.DeadLetter;
import org.culturecard.central.store.IngestResult;
import org.culturecard.central.store.InsertResult;
import org.culturecard.central.store.ReasonClass;
import org.culturecard.core.ids.KioskId;
import org.culturecard.core.ids.VenueId;
import org.culturecard.core.wire.CheckInBatch;
import org.junit.jupiter.api.Test;

class DeadLettersTest {

    private static final String TOPIC = "culturecard/v1/museum-x/kiosk-b/up/checkins";
    private final RecordingStore store = new RecordingStore();
    private final DeadLetterCounts counts = new DeadLetterCounts();
    private final DeadLetters deadLetters = new DeadLetters(store, new JunkQuota(TestBatches.CLOCK, 2), counts, 300);

    @Test
    void keepsAFewBytesOfJunkAndRecordsTheSizeReceived() {
        assertThat(deadLetters.refuse(TOPIC, ReasonClass.UNPARSEABLE, "not JSON", new byte[5000])).isTrue();
        DeadLetter kept = store.letters.get(0);
        assertThat(kept.payload()).hasSize(300);
        assertThat(kept.payloadSize()).isEqualTo(5000);
        assertThat(kept.kioskSegment()).isEqualTo("kiosk-b");
        assertThat(kept.reasonClass()).isEqualTo(ReasonClass.UNPARSEABLE);
    }

    @Test
    void countsJunkOverTheSendersQuotaWithoutStoringIt() {
        for (int i = 0; i < 5; i++) {
            deadLetters.refuse(TOPIC, ReasonClass.UNKNOWN_KIOSK, "kiosk kiosk-b is not in the kiosk registry", new byte[10]);
        }
        assertThat(store.letters).hasSize(2);
        assertThat(counts.refusedTotal(ReasonClass.UNKNOWN_KIOSK)).isEqualTo(5);
        assertThat(counts.droppedTotal(ReasonClass.UNKNOWN_KIOSK)).isEqualTo(3);
    }

    @Test
    void keepsWhatIsNotJunkWholeAndOutsideTheQuota() {
        for (int i = 0; i < 4; i++) {
            deadLetters.refuse(TOPIC, ReasonClass.EVENT_CONFLICT, "event of another venue", new byte[5000]);
        }
        assertThat(store.letters).hasSize(4).allSatisfy(l -> assertThat(l.payload()).hasSize(5000));
    }

    @Test
    void theSenderIsTheTopicsKioskSegmentCutToAHundredCharacters() {
        assertThat(DeadLetters.kioskSegment("culturecard/v1/v/" + "k".repeat(500) + "/up/checkins")).hasSize(100);
        assertThat(DeadLetters.kioskSegment("weird")).isEmpty();
        assertThat(DeadLetters.kioskSegment(null)).isEmpty();
    }

    /** Records dead letters; the rest is not used here. */
    private static final class RecordingStore implements CheckInStore {
        final List<DeadLetter> letters = new ArrayList<>();

        @Override
        public List<IngestResult> ingest(List<Admission> admissions) {
            throw new UnsupportedOperationException();
        }

        @Override
        public InsertResult insertBatch(CheckInBatch batch) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void deadLetter(DeadLetter letter) {
            letters.add(letter);
        }

        @Override
        public Optional<VenueId> registeredVenue(KioskId kiosk) {
            return Optional.empty();
        }
    }
}
