package org.culturecard.central.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.stream.Stream;
import org.culturecard.central.store.PlacedCheckIn;
import org.culturecard.core.wire.CheckInBatch;
import org.culturecard.core.wire.Topics;
import org.culturecard.core.wire.WireCodec;
import org.culturecard.core.wire.golden.WireGoldens;
import org.culturecard.core.wire.golden.WireGoldens.Future;
import org.culturecard.core.wire.golden.WireGoldens.Golden;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Central's ingest decoding ({@link BatchValidator}, as every ingest worker runs it) on core's golden
 * files (ADR 0023): it accepts the check-in batch of every schema version a kiosk in the field may
 * send, each record admitted as it was sent; and it refuses, whole, a batch with fields it does not
 * know (ADR 0024: central learns a new version before any kiosk sends it), so the batch is never
 * acknowledged and the kiosk keeps it. The status, the events and what central writes are checked
 * through the real central in {@code CentralWireGoldenIT}.
 */
class CentralWireGoldenTest {
    private static final String TOPIC = Topics.checkins(WireGoldens.MUSEUM, WireGoldens.KIOSK);

    private final BatchValidator validator = new BatchValidator(new WireCodec(),
            Clock.fixed(WireGoldens.NOW.plusSeconds(6), ZoneOffset.UTC),
            kiosk -> kiosk.equals(WireGoldens.KIOSK) ? Optional.of(WireGoldens.MUSEUM) : Optional.empty());

    static Stream<Golden> checkInBatches() {
        return WireGoldens.of(CheckInBatch.class);
    }

    static Stream<Future> laterCheckInBatches() {
        return WireGoldens.futuresOf(CheckInBatch.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("checkInBatches")
    void acceptsTheCheckInBatchOfEveryVersionAKioskMaySendAdmittingEveryRecord(Golden golden) throws Exception {
        CheckInBatch sent = (CheckInBatch) golden.message();

        Verdict verdict = validator.validate(TOPIC, golden.bytes());

        assertThat(verdict).isInstanceOfSatisfying(Verdict.Accepted.class, accepted -> {
            assertThat(accepted.batch()).isEqualTo(sent);
            assertThat(accepted.admission().refused()).isEmpty();
            assertThat(accepted.admission().admitted()).extracting(PlacedCheckIn::record)
                    .containsExactlyElementsOf(sent.records());
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("laterCheckInBatches")
    void refusesWholeABatchWithFieldsItDoesNotKnowNamingOne(Future later) throws Exception {
        Verdict verdict = validator.validate(TOPIC, later.bytes());

        assertThat(verdict).isInstanceOfSatisfying(Verdict.Refused.class, refused ->
                assertThat(later.unknownFields()).anyMatch(refused.reason()::contains));
    }
}
