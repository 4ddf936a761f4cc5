package org.culturecard.central.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.culturecard.central.TestBatches;
import org.culturecard.core.ids.VenueId;
import org.culturecard.core.wire.CheckInBatch;
import org.culturecard.core.wire.WireCodec;
import org.junit.jupiter.api.Test;

class BatchValidatorTest {

    private static final String TOPIC = "culturecard/v1/v1/k1/up/checkins";
    private final WireCodec codec = new WireCodec();
    private final TestBatches batches = new TestBatches(7);
    private final BatchValidator validator = new BatchValidator(codec, TestBatches.CLOCK, kiosk -> Optional.empty());

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
    void refusesARecordFromAnotherKioskInsideTheEnvelope() {
        CheckInBatch good = batches.batch("v1", "k1", 1);
        CheckInBatch mixed = CheckInBatch.of(good.batchId(), good.kioskId(), good.venueId(), good.bootId(), good.sentAt(),
                List.of(good.records().get(0), batches.checkIn("v1", "k9", TestBatches.NOW)));
        assertThat(refusal(TOPIC, codec.encode(mixed))).contains("names kiosk k9");
    }

    @Test
    void refusesTapsBefore2020OrMoreThanADayAhead() {
        assertThat(refusal(TOPIC, codec.encode(single(Instant.parse("2019-12-31T23:59:59Z"))))).contains("before 2020");
        assertThat(refusal(TOPIC, codec.encode(single(TestBatches.NOW.plusSeconds(25 * 3600))))).contains("ahead of");
        assertThat(validator.validate(TOPIC, codec.encode(single(TestBatches.NOW.plusSeconds(23 * 3600)))))
                .isInstanceOf(Verdict.Accepted.class);
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

    private String refusal(String topic, byte[] payload) {
        Verdict verdict = validator.validate(topic, payload);
        assertThat(verdict).isInstanceOf(Verdict.Refused.class);
        return ((Verdict.Refused) verdict).reason();
    }
}
