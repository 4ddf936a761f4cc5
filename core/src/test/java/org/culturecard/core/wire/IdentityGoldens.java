package org.culturecard.core.wire;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.culturecard.core.enrolment.AgeBand;
import org.culturecard.core.enrolment.Enrolment;
import org.culturecard.core.privacy.Token;

/**
 * The fixed messages of the identity issue's golden files (issue 13): an enrolment batch with one
 * record of each kind, and one filter chunk. Their data is invented: fake hex tokens, a payload of
 * text. Kept apart from {@link WireGoldenTest}'s list so that the list gains one line per file.
 */
final class IdentityGoldens {
    static final Token CHIP = Token.of("c1".repeat(32));
    static final Token BARCODE = Token.of("ba".repeat(32));
    static final Token NEW_BARCODE = Token.of("be".repeat(32));
    static final UUID STAFF = UUID.fromString("01937a2b-0000-7000-8000-00000000000a");

    private IdentityGoldens() {}

    static EnrolmentBatch enrolmentBatch() {
        Enrolment enrol = Enrolment.enrol(uuid7("0031"), CHIP, BARCODE,
                new AgeBand.Reading(AgeBand.AGE_11_15, YearMonth.of(2027, 3)), LocalDate.of(2029, 8, 31),
                WireGoldenTest.NOW, STAFF);
        Enrolment replace = Enrolment.replace(uuid7("0032"), null, NEW_BARCODE, BARCODE, null,
                LocalDate.of(2027, 11, 25), WireGoldenTest.NOW.plusSeconds(60), null);
        Enrolment undo = Enrolment.undo(uuid7("0033"), enrol, WireGoldenTest.NOW.plusSeconds(120), STAFF);
        return EnrolmentBatch.of(uuid7("0003"), WireGoldenTest.KIOSK, WireGoldenTest.MUSEUM, uuid7("0002"),
                WireGoldenTest.NOW.plusSeconds(125), List.of(enrol, replace, undo));
    }

    static FilterChunk filterChunk() {
        byte[] whole = "an invented filter: these bytes stand for an EnrolledFilter".getBytes(StandardCharsets.US_ASCII);
        return FilterChunks.split(whole, 7, FilterScope.SCHEME, 32).get(1);
    }

    private static UUID uuid7(String tail) {
        return UUID.fromString("01937a2b-4c5d-7e6f-8a9b-0c1d2e3f" + tail);
    }
}
