package org.culturecard.core.wire.golden;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.culturecard.core.enrolment.AgeBand;
import org.culturecard.core.enrolment.Enrolment;
import org.culturecard.core.privacy.Token;
import org.culturecard.core.wire.EnrolmentBatch;
import org.culturecard.core.wire.FilterChunk;
import org.culturecard.core.wire.FilterScope;
import org.culturecard.core.wire.Schemas;

/**
 * The fixed messages of the identity issue's golden files (issue 13): an enrolment batch with one
 * record of each kind, and one filter chunk. Their data is invented: fake hex tokens, a payload of
 * text. {@link WireGoldens#all()} lists them with the others.
 */
public final class IdentityGoldens {
    public static final Token CHIP = Token.of("c1".repeat(32));
    public static final Token BARCODE = Token.of("ba".repeat(32));
    public static final Token NEW_BARCODE = Token.of("be".repeat(32));
    public static final UUID STAFF = UUID.fromString("01937a2b-0000-7000-8000-00000000000a");

    private IdentityGoldens() {}

    public static EnrolmentBatch enrolmentBatch() {
        Enrolment enrol = Enrolment.enrol(WireGoldens.uuid7("0031"), CHIP, BARCODE,
                new AgeBand.Reading(AgeBand.AGE_11_15, YearMonth.of(2027, 3)), LocalDate.of(2029, 8, 31),
                WireGoldens.NOW, STAFF);
        Enrolment replace = Enrolment.replace(WireGoldens.uuid7("0032"), null, NEW_BARCODE, BARCODE, null,
                LocalDate.of(2027, 11, 25), WireGoldens.NOW.plusSeconds(60), null);
        Enrolment undo = Enrolment.undo(WireGoldens.uuid7("0033"), enrol, WireGoldens.NOW.plusSeconds(120), STAFF);
        return EnrolmentBatch.of(WireGoldens.uuid7("0003"), WireGoldens.KIOSK, WireGoldens.MUSEUM, WireGoldens.uuid7("0002"),
                WireGoldens.NOW.plusSeconds(125), List.of(enrol, replace, undo));
    }

    /**
     * The second of two chunks of an invented filter ("an invented filter: these bytes stand for an
     * EnrolledFilter", 59 ASCII bytes, split 32 + 27): the chunk as {@code FilterChunks.split} makes it.
     */
    public static FilterChunk filterChunk() {
        return new FilterChunk(Schemas.FILTER_CHUNK, 7, FilterScope.SCHEME, 1, 2, 59,
                "7a9ee5af35dbcb9e30052d39d6966aa83416080a1c2f9a9bff40a248b4598604",
                "c3RhbmQgZm9yIGFuIEVucm9sbGVkRmlsdGVy");
    }

}
