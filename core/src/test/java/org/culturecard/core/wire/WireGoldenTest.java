package org.culturecard.core.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.culturecard.core.card.CardKind;
import org.culturecard.core.checkin.CheckIn;
import org.culturecard.core.ids.KioskId;
import org.culturecard.core.ids.VenueId;
import org.culturecard.core.privacy.Token;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The wire contract (ADR 0023): for every message schema and version the codec writes, one fixed
 * message encodes to exactly the bytes of its golden file, and the golden file decodes back to an
 * equal message. Byte for byte, not JSON-tree equal: the codec's output is fully determined (record
 * components in declaration order, map entries sorted by key), and a kiosk's outbox stores these bytes.
 */
class WireGoldenTest {
    static final Instant NOW = VenueConfigWireTest.NOW;
    static final VenueId MUSEUM = VenueConfigWireTest.MUSEUM;
    static final KioskId KIOSK = KioskId.of("kiosk-1");

    /** A golden file and the message it holds. */
    record Golden(String file, Object message) {
        @Override
        public String toString() {
            return file;
        }
    }

    static Stream<Golden> goldens() {
        return Stream.of(
                new Golden("checkin-batch.v1.json", CheckInBatch.of(uuid7("0001"), KIOSK, MUSEUM, uuid7("0002"),
                        NOW.plusSeconds(5), List.of(
                                new CheckIn(uuid7("0011"), 41, Token.of("a1".repeat(32)),
                                        VenueConfigWireTest.danceLab().id(), MUSEUM, KIOSK, NOW, true,
                                        CardKind.MIFARE_CLASSIC_1K, "0.4.0"),
                                new CheckIn(uuid7("0012"), 42, Token.of("b2".repeat(32)), null, MUSEUM, KIOSK,
                                        NOW.plusMillis(2_250), false, CardKind.BARCODE, "0.4.0")))),
                new Golden("batch-ack.v1.json", BatchAck.of(uuid7("0001"), KIOSK, 1, 1, NOW.plusSeconds(6))),
                new Golden("kiosk-status.v1.json", new KioskStatus(Schemas.KIOSK_STATUS, KIOSK, MUSEUM,
                        KioskStatus.ONLINE, NOW, 7, 95L, "card-present", 12_884_901_888L,
                        Map.of("sync-agent", "0.4.0", "java", "17.0.13", "disk-budget", "OK 12%"))),
                new Golden("kiosk-status.v1.offline.json", KioskStatus.offline(KIOSK, MUSEUM, NOW)),
                new Golden("kiosk-events.v1.json", KioskEvents.of(KIOSK, MUSEUM, NOW,
                        List.of(VenueConfigWireTest.danceLab()), List.of(uuid7("0021")))),
                new Golden("venue-config.v1.json",
                        VenueConfig.v1(MUSEUM, 7, NOW, List.of(VenueConfigWireTest.danceLab()))),
                new Golden("venue-config.v2.json", VenueConfig.of(MUSEUM, 8, NOW,
                        List.of(VenueConfigWireTest.danceLab()), VenueConfigWireTest.staff())),
                new Golden("enrolment-batch.v1.json", IdentityGoldens.enrolmentBatch()),
                new Golden("filter-chunk.v1.json", IdentityGoldens.filterChunk()));
    }

    private final WireCodec codec = new WireCodec();

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldens")
    void encodesTheFixedMessageToExactlyTheBytesOfItsGoldenFile(Golden golden) throws Exception {
        GoldenFiles.assertMatches(golden.file(), codec.encode(golden.message()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldens")
    void decodesTheGoldenFileBackToAnEqualMessage(Golden golden) throws Exception {
        Object decoded = codec.decode(GoldenFiles.read(golden.file()), golden.message().getClass());

        assertThat(decoded).isEqualTo(golden.message());
    }

    @Test
    void everySchemaVersionTheCodecKnowsHasAGoldenFile() throws Exception {
        List<String> expected = new ArrayList<>();
        for (Field field : Schemas.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                String schema = (String) field.get(null);
                expected.add(schema.substring("culturecard.".length()) + ".json");
            }
        }

        assertThat(expected).isNotEmpty();
        assertThat(goldens().map(Golden::file)).containsAll(expected);
    }

    /** A fixed UUIDv7 whose last four hex digits are {@code tail}. */
    private static UUID uuid7(String tail) {
        return UUID.fromString("01937a2b-4c5d-7e6f-8a9b-0c1d2e3f" + tail);
    }
}
