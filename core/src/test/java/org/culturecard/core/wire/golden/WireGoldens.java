package org.culturecard.core.wire.golden;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.culturecard.core.card.CardKind;
import org.culturecard.core.checkin.CheckIn;
import org.culturecard.core.enrolment.UnregisteredCards;
import org.culturecard.core.event.AgeBand;
import org.culturecard.core.event.ArtsActivity;
import org.culturecard.core.event.Category;
import org.culturecard.core.event.Event;
import org.culturecard.core.event.LearningLayer;
import org.culturecard.core.event.Mode;
import org.culturecard.core.event.Sector;
import org.culturecard.core.ids.KioskId;
import org.culturecard.core.ids.VenueId;
import org.culturecard.core.privacy.Token;
import org.culturecard.core.staff.StaffAuth;
import org.culturecard.core.staff.StaffMember;
import org.culturecard.core.staff.VenueStaff;
import org.culturecard.core.wire.AwardsShown;
import org.culturecard.core.wire.BatchAck;
import org.culturecard.core.wire.CheckInBatch;
import org.culturecard.core.wire.KioskEvents;
import org.culturecard.core.wire.KioskStatus;
import org.culturecard.core.wire.PendingAward;
import org.culturecard.core.wire.Schemas;
import org.culturecard.core.wire.VenueConfig;

/**
 * The catalogue of golden wire files (ADR 0023): for every message schema and version, the file
 * under {@code wire/} and the one fixed message whose exact bytes it holds; and the "future" files
 * under {@code wire/future/} (ADR 0024): hand-written messages as a later version of the software
 * may send them, a golden message with fields this version does not know. Every version's file
 * stays here for as long as a device in the field may send it. Their data is invented.
 *
 * <p>Core's {@code WireGoldenTest} checks this catalogue against {@link Schemas} and the codec; the
 * sync agent's and central's tests take their inputs and expected bytes from it.
 */
public final class WireGoldens {
    public static final Instant NOW = Instant.parse("2026-11-25T10:15:30Z");
    public static final VenueId MUSEUM = VenueId.of("museum");
    public static final KioskId KIOSK = KioskId.of("kiosk-1");
    public static final String PIN_HASH =
            "pbkdf2-sha256$210000$AAECAwQFBgcICQoLDA0ODw$MfyWfJexqlndtCCLSOIl5XtAuDTY6Y5KOg9JfUuRysM";
    public static final Token STAFF_CARD = Token.of("5d".repeat(32));
    public static final Token LOST_STAFF_CARD = Token.of("0c".repeat(32));

    /** Which way a message travels, which decides how its reader treats fields it does not know (ADR 0024). */
    public enum Direction {
        /** Kiosk to central: central reads every version a kiosk in the field sends, strictly. */
        UP,
        /** Central to kiosks: a kiosk ignores fields it does not know. */
        DOWN
    }

    /** A golden file, the message it holds and the way that message travels. */
    public record Golden(String file, Object message, Direction direction) {
        /** The file's bytes. */
        public byte[] bytes() throws IOException {
            return GoldenFiles.read(file);
        }

        @Override
        public String toString() {
            return file;
        }
    }

    /**
     * A message as a later version may send it: {@code original}'s message with {@code unknownFields}
     * added (listed in the order they appear). A reader that ignores unknown fields decodes it to
     * {@code original.message()}; a strict reader refuses it, naming one of them.
     */
    public record Future(String file, Golden original, List<String> unknownFields) {
        public Future {
            unknownFields = List.copyOf(unknownFields);
        }

        /** The file's bytes. */
        public byte[] bytes() throws IOException {
            return GoldenFiles.read(file);
        }

        @Override
        public String toString() {
            return file;
        }
    }

    private WireGoldens() {}

    /**
     * Every golden file: one per schema version, the kiosk status's last will as a second shape of its
     * version, and the venue config with its optional {@code unregisteredCards} field (issue 13) as a
     * second shape of v2.
     */
    public static List<Golden> all() {
        return List.of(
                new Golden("checkin-batch.v1.json", CheckInBatch.of(uuid7("0001"), KIOSK, MUSEUM, uuid7("0002"),
                        NOW.plusSeconds(5), checkIns()), Direction.UP),
                new Golden("batch-ack.v1.json", BatchAck.of(uuid7("0001"), KIOSK, 1, 1, NOW.plusSeconds(6)),
                        Direction.DOWN),
                new Golden("batch-ack.v1.awards.json", BatchAck.of(uuid7("0001"), KIOSK, 1, 1, NOW.plusSeconds(6))
                        .withAwards(awards()), Direction.DOWN),
                new Golden("awards-shown.v1.json", AwardsShown.of(uuid7("0031"), KIOSK, MUSEUM, NOW.plusSeconds(9),
                        List.of(new AwardsShown.Shown(Token.of("a1".repeat(32)), "museum-explorer", NOW.plusSeconds(8)))),
                        Direction.UP),
                new Golden("kiosk-status.v1.json", new KioskStatus(Schemas.KIOSK_STATUS, KIOSK, MUSEUM,
                        KioskStatus.ONLINE, NOW, 7, 95L, "card-present", 12_884_901_888L,
                        Map.of("sync-agent", "0.4.0", "java", "17.0.13", "disk-budget", "NONE 12%")), Direction.UP),
                new Golden("kiosk-status.v1.offline.json", KioskStatus.offline(KIOSK, MUSEUM, NOW), Direction.UP),
                new Golden("kiosk-events.v1.json", KioskEvents.of(KIOSK, MUSEUM, NOW, List.of(danceLab()),
                        List.of(uuid7("0021"))), Direction.UP),
                new Golden("venue-config.v1.json", VenueConfig.v1(MUSEUM, 7, NOW, List.of(danceLab())),
                        Direction.DOWN),
                new Golden("venue-config.v2.json", VenueConfig.of(MUSEUM, 8, NOW, List.of(danceLab()), staff()),
                        Direction.DOWN),
                new Golden("venue-config.v2.remind.json", VenueConfig.of(MUSEUM, 8, NOW, List.of(danceLab()), staff())
                        .withUnregisteredCards(UnregisteredCards.RECORD_AND_REMIND), Direction.DOWN),
                new Golden("enrolment-batch.v1.json", IdentityGoldens.enrolmentBatch(), Direction.UP),
                new Golden("filter-chunk.v1.json", IdentityGoldens.filterChunk(), Direction.DOWN));
    }

    /** Every future file: at least one for each schema version, up and down. */
    public static List<Future> futures() {
        return List.of(
                new Future("future/checkin-batch.v1.unknown-fields.json", golden("checkin-batch.v1.json"),
                        List.of("priority", "readerModel")),
                new Future("future/batch-ack.v1.unknown-fields.json", golden("batch-ack.v1.json"),
                        List.of("held", "receivedBy")),
                new Future("future/awards-shown.v1.unknown-fields.json", golden("awards-shown.v1.json"),
                        List.of("screen")),
                new Future("future/kiosk-status.v1.unknown-fields.json", golden("kiosk-status.v1.json"),
                        List.of("uptimeSeconds")),
                new Future("future/kiosk-events.v1.unknown-fields.json", golden("kiosk-events.v1.json"),
                        List.of("colour")),
                new Future("future/venue-config.v1.unknown-fields.json", golden("venue-config.v1.json"),
                        List.of("chunk", "colour")),
                new Future("future/venue-config.v2.unknown-fields.json", golden("venue-config.v2.json"),
                        List.of("chunk", "colour", "lockoutMinutes", "role")),
                new Future("future/enrolment-batch.v1.unknown-fields.json", golden("enrolment-batch.v1.json"),
                        List.of("lmsName", "consentVersion")),
                new Future("future/filter-chunk.v1.unknown-fields.json", golden("filter-chunk.v1.json"),
                        List.of("compression")));
    }

    /** The golden files holding messages of {@code type}. */
    public static Stream<Golden> of(Class<?> type) {
        return all().stream().filter(g -> type.isInstance(g.message()));
    }

    /** The future files of messages of {@code type}. */
    public static Stream<Future> futuresOf(Class<?> type) {
        return futures().stream().filter(f -> type.isInstance(f.original().message()));
    }

    /** The golden file named {@code file}. */
    public static Golden golden(String file) {
        return all().stream().filter(g -> g.file().equals(file)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no golden file " + file));
    }

    /** The two check-ins of the golden batch: one at an event, one a general visit by barcode. */
    public static List<CheckIn> checkIns() {
        return List.of(
                new CheckIn(uuid7("0011"), 41, Token.of("a1".repeat(32)), danceLab().id(), MUSEUM, KIOSK, NOW, true,
                        CardKind.MIFARE_CLASSIC_1K, "0.4.0"),
                new CheckIn(uuid7("0012"), 42, Token.of("b2".repeat(32)), null, MUSEUM, KIOSK,
                        NOW.plusMillis(2_250), false, CardKind.BARCODE, "0.4.0"));
    }

    /** The pending awards of the golden ack with awards (ADR 0037): one with goal progress, one without. */
    public static List<PendingAward> awards() {
        return List.of(
                PendingAward.of(Token.of("a1".repeat(32)), "museum-explorer",
                        Map.of("en", "Museum Explorer", "cy", "Fforiwr Amgueddfa"), "badges/museum-explorer.png")
                        .withProgress(3, 5, "Young Curator"),
                PendingAward.of(Token.of("b2".repeat(32)), "first-dance", Map.of("en", "First Dance"), null));
    }

    /** The one event of the golden venue configs and kiosk events. */
    public static Event danceLab() {
        return new Event(UUID.fromString("01937a2b-4c5d-7e6f-8a9b-0c1d2e3f4a5b"), MUSEUM, "Dance Lab",
                new Category(Sector.ARTS, ArtsActivity.DANCE, Mode.TAKE_PART), AgeBand.AGE_11_15,
                LearningLayer.PARTICIPATE, NOW, NOW.plusSeconds(3600), 20);
    }

    /** The staff part of the golden v2 venue config: a card-and-PIN member, a PIN-only one, one revoked. */
    public static VenueStaff staff() {
        return new VenueStaff(StaffAuth.CARD_AND_PIN, true, List.of(
                new StaffMember(UUID.fromString("01937a2b-0000-7000-8000-00000000000a"), "Ada Reyes", PIN_HASH,
                        STAFF_CARD, null),
                new StaffMember(UUID.fromString("01937a2b-0000-7000-8000-00000000000b"), "Sam Okafor", PIN_HASH,
                        null, null),
                new StaffMember(UUID.fromString("01937a2b-0000-7000-8000-00000000000c"), "Lee Park", null,
                        LOST_STAFF_CARD, NOW.minusSeconds(86_400))));
    }

    /** A fixed UUIDv7 whose last four hex digits are {@code tail}. */
    public static UUID uuid7(String tail) {
        return UUID.fromString("01937a2b-4c5d-7e6f-8a9b-0c1d2e3f" + tail);
    }
}
