package org.culturecard.reader.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import javax.smartcardio.ResponseAPDU;
import org.culturecard.core.card.CardUid;
import org.junit.jupiter.api.Test;

class UidReaderTest {

    private static UidReader.Result interpret(String hex) {
        return UidReader.interpret(new ResponseAPDU(HexFormat.of().parseHex(hex)));
    }

    @Test
    void readsSevenByteUidFollowedBy9000() {
        assertThat(interpret("04A1523C7E61809000"))
                .isEqualTo(new UidReader.Result.Read(CardUid.of(HexFormat.of().parseHex("04A1523C7E6180"))));
    }

    @Test
    void refusesFunctionNotSupported() {
        assertThat(interpret("6A81")).isEqualTo(new UidReader.Result.Refused("status 6A81"));
    }

    @Test
    void refusesUidOfALengthIso14443DoesNotDefine() {
        assertThat(interpret("0102030405" + "9000")).isEqualTo(new UidReader.Result.Refused("UID of 5 bytes"));
    }

    @Test
    void refusesDataWithAnErrorStatus() {
        assertThat(interpret("DEADBEEF")).isInstanceOf(UidReader.Result.Refused.class);
    }

    @Test
    void refusalNeverCarriesCardBytes() {
        assertThat(interpret("AABBCCDD6F00").toString()).doesNotContain("AABBCCDD").doesNotContain("aabbccdd");
    }
}
