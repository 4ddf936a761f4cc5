package org.culturecard.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.culturecard.core.event.Event;
import org.culturecard.core.ids.KioskId;
import org.culturecard.core.ids.VenueId;
import org.junit.jupiter.api.Test;

/**
 * What the codec refuses and how topics are named; the format itself is pinned by the golden files
 * in {@link WireGoldenTest}.
 */
class WireCodecTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:15:30Z");
    private final WireCodec codec = new WireCodec();

    @Test
    void refusesWrongSchemaUnknownFieldsAndBadIds() throws Exception {
        BatchAck ack = BatchAck.of(UUID.randomUUID(), KioskId.of("k1"), 2, 0, NOW);
        String json = new String(codec.encode(ack), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> codec.decode(json.replace("batch-ack.v1", "batch-ack.v9").getBytes(StandardCharsets.UTF_8), BatchAck.class))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("schema");
        // Unknown fields are refused in what central reads; a kiosk ignores them in the ack (ADR 0024).
        String status = new String(codec.encode(KioskStatus.offline(KioskId.of("k1"), VenueId.of("v1"), NOW)),
                StandardCharsets.UTF_8);
        assertThatThrownBy(() -> codec.decode(("{\"extra\":1," + status.substring(1)).getBytes(StandardCharsets.UTF_8),
                KioskStatus.class)).isInstanceOf(WireFormatException.class).hasMessageContaining("extra");
        assertThat(codec.decode(json.replace("{", "{\"extra\":1,").getBytes(StandardCharsets.UTF_8), BatchAck.class))
                .isEqualTo(ack);
        assertThatThrownBy(() -> codec.decode(json.replace("\"k1\"", "\"K/1\"").getBytes(StandardCharsets.UTF_8), BatchAck.class))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("kiosk id");
    }

    @Property(tries = 500)
    void garbageNeverEscapesAsAnythingButWireFormatException(@ForAll byte[] garbage) {
        // VenueConfig, BatchAck and FilterChunk too: they are read leniently (unknown fields ignored, and a chunk's
        // long payload), which must not open another way out.
        for (Class<?> type : List.of(CheckInBatch.class, VenueConfig.class, BatchAck.class,
                EnrolmentBatch.class, FilterChunk.class)) {
            try {
                codec.decode(garbage, type);
            } catch (WireFormatException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        }
    }

    @Test
    void aVenueConfigRefusesAnEventOfAnotherVenue() {
        Event event = VenueConfigWireTest.danceLab();

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
