package org.culturecard.central.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.culturecard.central.TestBatches;
import org.culturecard.central.store.Admission;
import org.culturecard.central.store.PlacedCheckIn;
import org.culturecard.central.store.ReasonClass;
import org.culturecard.central.store.TimeBasis;
import org.culturecard.core.ids.VenueId;
import org.culturecard.core.wire.CheckInBatch;
import org.culturecard.core.wire.WireCodec;
import org.junit.jupiter.api.Test;

class BatchValidatorTest {

    private static final String TOPIC = "culturecard/v1/v1/k1/up/checkins";
    private final WireCodec codec = new WireCodec();
    private final TestBatches batches = new TestBatches(7);
    private final BatchValidator validator = new BatchValidator(codec, TestBatches.CLOCK,
            kiosk -> kiosk.value().equals("k1") ? Optional.of(VenueId.of("v1")) : Optional.empty());

    @Test
    void acceptsABatchWhoseIdsMatchItsTopic() {
        CheckInBatch batch = batches.batch("v1", "k1", 3);
        Verdict verdict = validator.validate(TOPIC, codec.encode(batch));
        assertThat(verdict).isInstanceOf(Verdict.Accepted.class);
        assertThat(((Verdict.Accepted) verdict).batch()).isEqualTo(batch);
    }

    @Test
    void refusesAPayloadKioskThatDiffersFromTheTopic() {
        assertThat(refusal(TOPIC, codec.encode(batches.batch("v1", "k2", 1)))).contains("kiosk k2 differs from topic kiosk k1");
        assertThat(refusal(TOPIC, codec.encode(batches.batch("v2", "k1", 1)))).contains("venue v2 differs");
    }

    @Test
    void refusesARecordFromAnotherKioskInsideTheEnvelopeAndAdmitsTheRest() {
        CheckInBatch good = batches.batch("v1", "k1", 1);
        CheckInBatch mixed = CheckInBatch.of(good.batchId(), good.kioskId(), good.venueId(), good.bootId(), good.sentAt(),
                List.of(good.records().get(0), batches.checkIn("v1", "k9", TestBatches.NOW)));
        Admission admission = accepted(codec.encode(mixed));
        assertThat(admission.refused()).singleElement().satisfies(r -> {
            assertThat(r.reason()).contains("names kiosk k9");
            assertThat(r.reasonClass()).isEqualTo(ReasonClass.INVALID_RECORD);
            assertThat(r.record()).isEqualTo(mixed.records().get(1));
        });
        assertThat(admission.admitted()).extracting(PlacedCheckIn::record).containsExactly(good.records().get(0));
    }

    @Test
    void keepsTapsBefore2020OrMoreThanADayAheadMarkedImplausibleInsteadOfRefusingThem() {
        for (Instant wrong : List.of(Instant.parse("2019-12-31T23:59:59Z"), TestBatches.NOW.plusSeconds(25 * 3600))) {
            PlacedCheckIn placed = accepted(codec.encode(single(wrong))).admitted().get(0);
            assertThat(placed.basis()).as(wrong.toString()).isEqualTo(TimeBasis.IMPLAUSIBLE);
            assertThat(placed.kioskClaim()).isEqualTo(wrong);
        }
        assertThat(accepted(codec.encode(single(TestBatches.NOW.plusSeconds(23 * 3600)))).admitted().get(0).basis())
                .isEqualTo(TimeBasis.KIOSK);
    }

    @Test
    void rebasesABatchSentIn1970FromTheSameWrongClock() {
        Instant boot = Instant.EPOCH.plusSeconds(600);
        CheckInBatch good = batches.batch("v1", "k1", 1);
        CheckInBatch skewed = CheckInBatch.of(good.batchId(), good.kioskId(), good.venueId(), good.bootId(), boot.plusSeconds(90),
                List.of(batches.checkIn("v1", "k1", boot)));
        PlacedCheckIn placed = accepted(codec.encode(skewed)).admitted().get(0);
        assertThat(placed.basis()).isEqualTo(TimeBasis.REBASED);
        assertThat(placed.tappedAt()).isEqualTo(TestBatches.NOW.minusSeconds(90));
        assertThat(placed.kioskClaim()).isEqualTo(boot);
    }

    @Test
    void refusesAKioskTheRegistryDoesNotHaveWhateverItSends() {
        Verdict verdict = validator.validate("culturecard/v1/v1/k2/up/checkins", codec.encode(batches.batch("v1", "k2", 1)));
        assertThat(verdict).isEqualTo(new Verdict.Refused(ReasonClass.UNKNOWN_KIOSK, "kiosk k2 is not in the kiosk registry"));
        assertThat(((Verdict.Refused) validator.validate("culturecard/v1/v1/k2/up/checkins", "{junk".getBytes(StandardCharsets.UTF_8)))
                .reasonClass()).isEqualTo(ReasonClass.UNKNOWN_KIOSK);
    }

    @Test
    void classifiesEachWholeMessageRefusal() {
        assertThat(refused(TOPIC, "{not json".getBytes(StandardCharsets.UTF_8)).reasonClass()).isEqualTo(ReasonClass.UNPARSEABLE);
        String wrongSchema = new String(codec.encode(batches.batch("v1", "k1", 1)), StandardCharsets.UTF_8)
                .replace("culturecard.checkin-batch.v1", "culturecard.checkin-batch.v9");
        assertThat(refused(TOPIC, wrongSchema.getBytes(StandardCharsets.UTF_8)).reasonClass()).isEqualTo(ReasonClass.WRONG_SCHEMA);
        assertThat(refused(TOPIC, codec.encode(batches.batch("v1", "k2", 1))).reasonClass()).isEqualTo(ReasonClass.MISMATCH);
        assertThat(refused("culturecard/v1/v2/k1/up/checkins", codec.encode(batches.batch("v2", "k1", 1))).reasonClass())
                .isEqualTo(ReasonClass.WRONG_VENUE);
    }

    @Test
    void refusesTheSecondCopyOfARepeatedRecordAndKeepsIt() {
        CheckInBatch good = batches.batch("v1", "k1", 1);
        CheckInBatch twice = CheckInBatch.of(good.batchId(), good.kioskId(), good.venueId(), good.bootId(), good.sentAt(),
                List.of(good.records().get(0), good.records().get(0)));
        Admission admission = accepted(codec.encode(twice));
        assertThat(admission.admitted()).hasSize(1);
        assertThat(admission.refused()).singleElement().satisfies(r -> assertThat(r.reason()).contains("appears twice"));
    }

    @Test
    void refusesMalformedOversizedAndForeignMessages() {
        assertThat(refusal(TOPIC, "{not json".getBytes(StandardCharsets.UTF_8))).contains("CheckInBatch");
        assertThat(refusal(TOPIC, new byte[CheckInBatch.MAX_BYTES + 1])).contains("exceeds");
        assertThat(refusal(TOPIC, new byte[0])).contains("empty");
        assertThat(refusal("culturecard/v1/v1/k1/up/status", codec.encode(batches.batch("v1", "k1", 1)))).contains("topic");
        assertThat(refusal(TOPIC, "null".getBytes(StandardCharsets.UTF_8))).isNotBlank();
        String wrongSchema = new String(codec.encode(batches.batch("v1", "k1", 1)), StandardCharsets.UTF_8)
                .replace("culturecard.checkin-batch.v1", "culturecard.checkin-batch.v9");
        assertThat(refusal(TOPIC, wrongSchema.getBytes(StandardCharsets.UTF_8))).contains("schema");
    }

    @Test
    void refusesAKioskRegisteredAtAnotherVenue() {
        BatchValidator strict = new BatchValidator(codec, TestBatches.CLOCK, kiosk -> Optional.of(VenueId.of("v7")));
        Verdict verdict = strict.validate(TOPIC, codec.encode(batches.batch("v1", "k1", 1)));
        assertThat(verdict).isInstanceOf(Verdict.Refused.class);
        assertThat(((Verdict.Refused) verdict).reason()).contains("registered at venue v7");
    }

    private CheckInBatch single(Instant tappedAt) {
        CheckInBatch good = batches.batch("v1", "k1", 1);
        return CheckInBatch.of(good.batchId(), good.kioskId(), good.venueId(), good.bootId(), good.sentAt(),
                List.of(batches.checkIn("v1", "k1", tappedAt)));
    }

    private Admission accepted(byte[] payload) {
        Verdict verdict = validator.validate(TOPIC, payload);
        assertThat(verdict).isInstanceOf(Verdict.Accepted.class);
        return ((Verdict.Accepted) verdict).admission();
    }

    private Verdict.Refused refused(String topic, byte[] payload) {
        Verdict verdict = validator.validate(topic, payload);
        assertThat(verdict).isInstanceOf(Verdict.Refused.class);
        return (Verdict.Refused) verdict;
    }

    private String refusal(String topic, byte[] payload) {
        Verdict verdict = validator.validate(topic, payload);
        assertThat(verdict).isInstanceOf(Verdict.Refused.class);
        return ((Verdict.Refused) verdict).reason();
    }
}
