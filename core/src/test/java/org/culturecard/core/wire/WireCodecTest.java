package org.culturecard.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.culturecard.core.card.CardKind;
import org.culturecard.core.checkin.CheckIn;
import org.culturecard.core.event.AgeBand;
import org.culturecard.core.event.ArtsActivity;
import org.culturecard.core.event.Category;
import org.culturecard.core.event.Event;
import org.culturecard.core.event.LearningLayer;
import org.culturecard.core.event.Mode;
import org.culturecard.core.event.Sector;
import org.culturecard.core.ids.KioskId;
import org.culturecard.core.ids.UuidV7;
import org.culturecard.core.ids.VenueId;
import org.culturecard.core.privacy.Token;
import org.junit.jupiter.api.Test;

class WireCodecTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:15:30Z");
    private final WireCodec codec = new WireCodec();
    private final UuidV7 ids = new UuidV7(Clock.fixed(NOW, ZoneOffset.UTC), new Random(3));

    private CheckIn checkIn(long seq) {
        return new CheckIn(ids.get(), seq, Token.of("a".repeat(64)), null, VenueId.of("central-library"),
                KioskId.of("kiosk-1"), NOW, true, CardKind.MIFARE_CLASSIC_1K, "0.1.0");
    }

    @Test
    void batchRoundTripsWithSchemaNameAndIsoTimes() throws Exception {
        CheckInBatch batch = CheckInBatch.of(ids.get(), KioskId.of("kiosk-1"), VenueId.of("central-library"),
                ids.get(), NOW, List.of(checkIn(1), checkIn(2)));
        byte[] json = codec.encode(batch);
        String text = new String(json, StandardCharsets.UTF_8);
        assertThat(text).contains("\"schema\":\"culturecard.checkin-batch.v1\"")
                .contains("\"kioskId\":\"kiosk-1\"")
                .contains("\"tappedAt\":\"2026-11-25T10:15:30Z\"");
        assertThat(codec.decode(json, CheckInBatch.class)).isEqualTo(batch);
    }

    @Test
    void refusesWrongSchemaUnknownFieldsAndBadIds() {
        BatchAck ack = BatchAck.of(UUID.randomUUID(), KioskId.of("k1"), 2, 0, NOW);
        String json = new String(codec.encode(ack), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> codec.decode(json.replace("batch-ack.v1", "batch-ack.v9").getBytes(StandardCharsets.UTF_8), BatchAck.class))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("schema");
        assertThatThrownBy(() -> codec.decode(json.replace("{", "{\"extra\":1,").getBytes(StandardCharsets.UTF_8), BatchAck.class))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("extra");
        assertThatThrownBy(() -> codec.decode(json.replace("\"k1\"", "\"K/1\"").getBytes(StandardCharsets.UTF_8), BatchAck.class))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("kiosk id");
    }

    @Property(tries = 500)
    void garbageNeverEscapesAsAnythingButWireFormatException(@ForAll byte[] garbage) {
        // VenueConfig too: it is read leniently (unknown fields ignored), which must not open another way out.
        for (Class<?> type : List.of(CheckInBatch.class, VenueConfig.class)) {
            try {
                codec.decode(garbage, type);
            } catch (WireFormatException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        }
    }

    @Test
    void venueConfigRoundTripsEventsWithTheirTakingPartCodes() throws Exception {
        Event event = new Event(ids.get(), VenueId.of("museum"), "Dance Lab",
                new Category(Sector.ARTS, ArtsActivity.DANCE, Mode.TAKE_PART), AgeBand.AGE_11_15,
                LearningLayer.PARTICIPATE, NOW, NOW.plusSeconds(3600), 20);
        VenueConfig config = VenueConfig.of(VenueId.of("museum"), 7, NOW, List.of(event));
        String text = new String(codec.encode(config), StandardCharsets.UTF_8);
        assertThat(text).contains("\"sector\":\"arts\"").contains("\"activity\":\"dance\"")
                .contains("\"mode\":\"take-part\"").contains("\"ageBand\":\"11-15\"");
        assertThat(codec.decode(text.getBytes(StandardCharsets.UTF_8), VenueConfig.class)).isEqualTo(config);
        assertThatThrownBy(() -> VenueConfig.of(VenueId.of("other"), 1, NOW, List.of(event)))
                .hasMessageContaining("belongs to venue museum");
    }

    @Test
    void topicsAreBuiltAndParsedInOnePlace() {
        VenueId venue = VenueId.of("museum");
        KioskId kiosk = KioskId.of("k-7");
        assertThat(Topics.checkins(venue, kiosk)).isEqualTo("culturecard/v1/museum/k-7/up/checkins");
        assertThat(Topics.config(venue)).isEqualTo("culturecard/v1/museum/down/config");
        assertThat(Topics.parseKioskTopic(Topics.acks(venue, kiosk)))
                .contains(new Topics.KioskTopic(venue, kiosk, "down/acks"));
        assertThat(Topics.parseKioskTopic("culturecard/v1/museum/K7/up/checkins")).isEmpty();
        assertThat(Topics.parseKioskTopic("culturecard/v1/museum/k7/up")).isEmpty();
    }
}
