package org.culturecard.central.shown;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.culturecard.central.ingest.KioskMessages;
import org.culturecard.central.ingest.VenueBinding;
import org.culturecard.central.ingest.Verdict;
import org.culturecard.central.store.ReasonClass;
import org.culturecard.core.ids.KioskId;
import org.culturecard.core.ids.VenueId;
import org.culturecard.core.wire.AwardsShown;
import org.culturecard.core.wire.Topics;
import org.culturecard.core.wire.WireCodec;
import org.culturecard.core.wire.golden.WireGoldens;
import org.junit.jupiter.api.Test;

class AwardsShownValidationTest {
    private static final VenueId LIBRARY = VenueId.of("library");
    private final KioskMessages<AwardsShown> messages = AwardsShownWorker.messages(new WireCodec(),
            new VenueBinding(kiosk -> kiosk.equals(WireGoldens.KIOSK) ? Optional.of(WireGoldens.MUSEUM) : Optional.empty()));
    private final List<Verdict.Refused> refused = new ArrayList<>();
    private final byte[] golden = golden();

    @Test
    void acceptsTheGoldenReportOnItsKiosksTopic() {
        Optional<KioskMessages.Decoded<AwardsShown>> decoded = validate(Topics.awardsShown(WireGoldens.MUSEUM,
                WireGoldens.KIOSK), golden);

        assertThat(refused).isEmpty();
        assertThat(decoded).isPresent();
        assertThat(decoded.get().message().shown()).hasSize(1);
        assertThat(decoded.get().topic().kiosk()).isEqualTo(WireGoldens.KIOSK);
    }

    @Test
    void refusesAKioskSpeakingForAnotherKioskOrVenue() {
        byte[] otherKiosk = text(golden).replace("\"kioskId\":\"kiosk-1\"", "\"kioskId\":\"kiosk-2\"")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(validate(Topics.awardsShown(WireGoldens.MUSEUM, WireGoldens.KIOSK), otherKiosk)).isEmpty();
        assertThat(validate(Topics.awardsShown(LIBRARY, WireGoldens.KIOSK), golden)).isEmpty();
        assertThat(validate(Topics.awardsShown(WireGoldens.MUSEUM, KioskId.of("kiosk-9")), golden)).isEmpty();

        assertThat(refused).extracting(Verdict.Refused::reasonClass)
                .containsExactly(ReasonClass.MISMATCH, ReasonClass.WRONG_VENUE, ReasonClass.UNKNOWN_KIOSK);
    }

    @Test
    void refusesMalformedPayloadsAndOtherTopics() {
        String topic = Topics.awardsShown(WireGoldens.MUSEUM, WireGoldens.KIOSK);

        assertThat(validate(topic, "{\"schema\":".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(validate(topic, text(golden).replace("awards-shown.v1", "awards-shown.v9")
                .getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(validate(topic, text(golden).replace("\"shown\":[", "\"shown\":[],\"x\":[")
                .getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(validate(topic, new byte[AwardsShownWorker.MAX_BYTES + 1])).isEmpty();
        assertThat(validate(Topics.enrolments(WireGoldens.MUSEUM, WireGoldens.KIOSK), golden)).isEmpty();

        assertThat(refused).extracting(Verdict.Refused::reasonClass).containsExactly(ReasonClass.UNPARSEABLE,
                ReasonClass.WRONG_SCHEMA, ReasonClass.UNPARSEABLE, ReasonClass.UNPARSEABLE, ReasonClass.UNPARSEABLE);
    }

    private Optional<KioskMessages.Decoded<AwardsShown>> validate(String topic, byte[] payload) {
        return messages.decode(topic, payload, refused::add);
    }

    private static byte[] golden() {
        try {
            return WireGoldens.golden("awards-shown.v1.json").bytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
