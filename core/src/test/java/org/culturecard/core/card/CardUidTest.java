package org.culturecard.core.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class CardUidTest {
    @Test
    void printsOnlyItsLengthNeverItsBytes() {
        CardUid uid = CardUid.of(HexFormat.of().parseHex("04a1b2c3d4e5f6"));
        CardTap tap = new CardTap(uid, new byte[] {0x3b}, CardKind.MIFARE_ULTRALIGHT, "Reader 0", Instant.EPOCH);
        assertThat(uid.toString()).isEqualTo("CardUid[7 bytes]");
        assertThat(tap.toString()).doesNotContainIgnoringCase("a1b2c3").doesNotContainIgnoringCase("A1 B2");
    }

    @Test
    void recognisesRandomIdsOfPhonesAndBankCards() {
        assertThat(CardUid.of(new byte[] {0x08, 0x12, 0x34, 0x56}).isRandom()).isTrue();
        assertThat(CardUid.of(new byte[] {0x04, 0x12, 0x34, 0x56}).isRandom()).isFalse();
        assertThat(CardUid.of(HexFormat.of().parseHex("08a1b2c3d4e5f6")).isRandom()).isFalse();
    }

    @Test
    void acceptsOnlyIsoUidLengths() {
        assertThatThrownBy(() -> CardUid.of(new byte[5])).hasMessageContaining("4, 7 or 10 bytes");
        assertThat(CardUid.of(new byte[10]).length()).isEqualTo(10);
    }

    @Test
    void copiesItsBytesInAndOut() {
        byte[] raw = {1, 2, 3, 4};
        CardUid uid = CardUid.of(raw);
        raw[0] = 9;
        uid.bytes()[1] = 9;
        assertThat(uid).isEqualTo(CardUid.of(new byte[] {1, 2, 3, 4}));
    }
}
