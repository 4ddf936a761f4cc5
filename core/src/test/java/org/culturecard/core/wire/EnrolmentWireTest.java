package org.culturecard.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.culturecard.core.enrolment.AgeBand;
import org.culturecard.core.enrolment.Enrolment;
import org.culturecard.core.enrolment.Enrolment.Kind;
import org.culturecard.core.ids.KioskId;
import org.culturecard.core.ids.VenueId;
import org.culturecard.core.privacy.Token;
import org.junit.jupiter.api.Test;
import org.culturecard.core.wire.golden.IdentityGoldens;
import org.culturecard.core.wire.golden.WireGoldens;

/**
 * The enrolment batch on the wire beyond its golden file ({@link WireGoldenTest}): what each kind of
 * record must and must not carry, the batch's limits, that nothing but a token fits where a card is
 * named, and that central refuses what it does not know.
 */
class EnrolmentWireTest {
    private static final LocalDate VALID_UNTIL = LocalDate.of(2029, 8, 31);
    private final WireCodec codec = new WireCodec();

    @Test
    void eachKindCarriesWhatItNeedsAndNothingElse() {
        Token chip = IdentityGoldens.CHIP;
        Token barcode = IdentityGoldens.BARCODE;
        UUID id = uuid7(1);

        assertThatThrownBy(() -> record(Kind.ENROL, chip, barcode, IdentityGoldens.NEW_BARCODE, null, VALID_UNTIL))
                .hasMessageContaining("oldBarcodeToken is not allowed for ENROL");
        assertThatThrownBy(() -> record(Kind.REPLACE, chip, barcode, null, null, VALID_UNTIL))
                .hasMessageContaining("oldBarcodeToken is required for REPLACE");
        assertThatThrownBy(() -> record(Kind.REPLACE, chip, barcode, barcode, null, VALID_UNTIL))
                .hasMessageContaining("differs from its oldBarcodeToken");
        assertThatThrownBy(() -> record(Kind.UNDO, chip, barcode, null, null, null))
                .hasMessageContaining("undoes is required for UNDO");
        assertThatThrownBy(() -> record(Kind.UNDO, chip, barcode, null, id, VALID_UNTIL))
                .hasMessageContaining("validUntil is not allowed for UNDO");
        assertThatThrownBy(() -> record(Kind.ENROL, chip, barcode, null, id, VALID_UNTIL))
                .hasMessageContaining("undoes is not allowed for ENROL");
        assertThatThrownBy(() -> record(Kind.ENROL, chip, barcode, null, null, null))
                .hasMessageContaining("validUntil is required for ENROL");
        assertThatThrownBy(() -> record(Kind.ENROL, barcode, barcode, null, null, VALID_UNTIL))
                .hasMessageContaining("two faces");
        assertThatThrownBy(() -> new Enrolment(UUID.randomUUID(), Kind.ENROL, chip, barcode, null, null, null, null,
                VALID_UNTIL, WireGoldens.NOW, null)).hasMessageContaining("UUIDv7");
        assertThat(record(Kind.ENROL, null, barcode, null, null, VALID_UNTIL).chipToken())
                .as("a card enrolled by its barcode alone, at a kiosk without a reader").isNull();
    }

    @Test
    void theMonthABandChangesComesWithTheBandExactlyWhenThereIsANextBand() {
        Token barcode = IdentityGoldens.BARCODE;

        assertThatThrownBy(() -> new Enrolment(uuid7(1), Kind.ENROL, null, barcode, null, null, AgeBand.AGE_5_10, null,
                VALID_UNTIL, WireGoldens.NOW, null)).hasMessageContaining("bandChangesOn");
        assertThatThrownBy(() -> new Enrolment(uuid7(1), Kind.ENROL, null, barcode, null, null, null,
                YearMonth.of(2027, 1), VALID_UNTIL, WireGoldens.NOW, null)).hasMessageContaining("bandChangesOn");
        assertThatThrownBy(() -> new Enrolment(uuid7(1), Kind.ENROL, null, barcode, null, null, AgeBand.AGE_25_PLUS,
                YearMonth.of(2027, 1), VALID_UNTIL, WireGoldens.NOW, null)).hasMessageContaining("bandChangesOn");
        assertThat(Enrolment.enrol(uuid7(1), null, barcode, new AgeBand.Reading(AgeBand.AGE_25_PLUS, null),
                VALID_UNTIL, WireGoldens.NOW, null).bandChangesOn()).isNull();
        assertThatThrownBy(() -> new Enrolment(uuid7(1), Kind.UNDO, null, barcode, null, uuid7(2), AgeBand.AGE_5_10,
                YearMonth.of(2027, 1), null, WireGoldens.NOW, null)).hasMessageContaining("an UNDO has no ageBand");
    }

    @Test
    void anUndoTakesBackTheTokensOfTheRecordItUndoesAndCannotItselfBeUndone() {
        EnrolmentBatch golden = IdentityGoldens.enrolmentBatch();
        Enrolment enrol = golden.records().get(0);
        Enrolment undo = golden.records().get(2);

        assertThat(undo.undoes()).isEqualTo(enrol.id());
        assertThat(undo.barcodeToken()).isEqualTo(enrol.barcodeToken());
        assertThat(undo.chipToken()).isEqualTo(enrol.chipToken());
        assertThatThrownBy(() -> Enrolment.undo(uuid7(9), undo, WireGoldens.NOW, null))
                .hasMessageContaining("cannot be undone");
    }

    @Test
    void aBatchHoldsOneToAHundredDistinctRecordsAndTheLargestFitsTheBatchLimit() {
        List<Enrolment> hundred = new ArrayList<>();
        for (int i = 1; i <= EnrolmentBatch.MAX_RECORDS; i++) {
            hundred.add(widest(i));
        }
        KioskId longKiosk = KioskId.of("k".repeat(64));
        VenueId longVenue = VenueId.of("v".repeat(64));
        EnrolmentBatch largest = EnrolmentBatch.of(uuid7(0), longKiosk, longVenue, uuid7(0), WireGoldens.NOW, hundred);

        assertThat(codec.encode(largest).length).isLessThanOrEqualTo(EnrolmentBatch.MAX_BYTES);
        List<Enrolment> tooMany = new ArrayList<>(hundred);
        tooMany.add(widest(EnrolmentBatch.MAX_RECORDS + 1));
        assertThatThrownBy(() -> EnrolmentBatch.of(uuid7(0), longKiosk, longVenue, uuid7(0), WireGoldens.NOW, tooMany))
                .hasMessageContaining("1 to 100 records");
        assertThatThrownBy(() -> EnrolmentBatch.of(uuid7(0), longKiosk, longVenue, uuid7(0), WireGoldens.NOW, List.of()))
                .hasMessageContaining("1 to 100 records");
        assertThatThrownBy(() -> EnrolmentBatch.of(uuid7(0), longKiosk, longVenue, uuid7(0), WireGoldens.NOW,
                List.of(hundred.get(0), hundred.get(0)))).hasMessageContaining("twice");
    }

    @Test
    void aCardNumberCannotTakeATokensPlaceAndUnknownFieldsAreRefused() {
        String json = new String(codec.encode(IdentityGoldens.enrolmentBatch()), StandardCharsets.UTF_8);
        String barcode = IdentityGoldens.BARCODE.value();

        for (String number : List.of("29384756", "A29384756B", "LIB0042X", "0".repeat(63), "29384756".repeat(8) + "0")) {
            assertThatThrownBy(() -> codec.decode(bytes(json.replace(barcode, number)), EnrolmentBatch.class))
                    .isInstanceOf(WireFormatException.class).hasMessageContaining("token")
                    .message().doesNotContain(number);
        }
        assertThatThrownBy(() -> codec.decode(bytes(json.replace("\"kind\":\"ENROL\"", "\"kind\":\"ENROL\",\"birthDate\":\"2015-03-28\"")),
                EnrolmentBatch.class)).isInstanceOf(WireFormatException.class).hasMessageContaining("birthDate");
        assertThatThrownBy(() -> codec.decode(bytes(json.replace("\"11-15\"", "\"16-18\"")), EnrolmentBatch.class))
                .isInstanceOf(WireFormatException.class);
        assertThatThrownBy(() -> codec.decode(bytes(json.replace("\"2027-03\"", "\"2027-03-28\"")), EnrolmentBatch.class))
                .as("the month a band changes, never the birthday").isInstanceOf(WireFormatException.class);
        assertThatThrownBy(() -> codec.decode(bytes(json.replace("enrolment-batch.v1", "enrolment-batch.v2")),
                EnrolmentBatch.class)).isInstanceOf(WireFormatException.class).hasMessageContaining("schema");
    }

    @Test
    void enrolmentsTravelOnTheirOwnTopicAndAreAckedOnTheKiosksAcks() {
        VenueId venue = VenueId.of("museum");
        KioskId kiosk = KioskId.of("k-7");

        assertThat(Topics.enrolments(venue, kiosk)).isEqualTo("culturecard/v1/museum/k-7/up/enrolments");
        assertThat(Topics.SHARED_ENROLMENTS).isEqualTo("$share/ingest/culturecard/v1/+/+/up/enrolments");
        assertThat(Topics.parseKioskTopic(Topics.enrolments(venue, kiosk)))
                .contains(new Topics.KioskTopic(venue, kiosk, "up/enrolments"));
    }

    /** The widest record: every optional field present, the longest instant. */
    private static Enrolment widest(int n) {
        return new Enrolment(uuid7(n), Kind.REPLACE, IdentityGoldens.CHIP, IdentityGoldens.NEW_BARCODE,
                IdentityGoldens.BARCODE, null, AgeBand.AGE_20_24, YearMonth.of(2030, 12), VALID_UNTIL,
                WireGoldens.NOW.plusNanos(123_456_789), IdentityGoldens.STAFF);
    }

    private static Enrolment record(Kind kind, Token chip, Token barcode, Token old, UUID undoes, LocalDate validUntil) {
        return new Enrolment(uuid7(1), kind, chip, barcode, old, undoes, null, null, validUntil, WireGoldens.NOW, null);
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    /** A UUIDv7 whose last digits are {@code n}. */
    static UUID uuid7(int n) {
        return UUID.fromString(String.format("01937a2b-4c5d-7e6f-8a9b-%012x", n));
    }
}
