package org.culturecard.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.culturecard.core.card.CardUid;
import org.culturecard.core.card.LibraryBarcode;
import org.junit.jupiter.api.Test;

class PseudonymiserTest {
    private static final SchemeKey KEY = SchemeKey.of("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
    private static final CardUid UID = CardUid.of(HexFormat.of().parseHex("04a1b2c3d4e5f6"));

    @Test
    void tokenIsHmacSha256OfTheUidUnderTheSchemeKey() {
        // Reference value computed independently:
        // printf '\x04\xa1\xb2\xc3\xd4\xe5\xf6' | openssl dgst -sha256 -hmac 0123456789abcdef0123456789abcdef
        assertThat(new Pseudonymiser(KEY).tokenFor(UID).value())
                .isEqualTo("9d6528e484fe41548bbc0cd1939a57bf116b1abdbb5b625b729357337fdc5f6b");
    }

    @Test
    void sameCardSameTokenOtherKeyOtherToken() {
        Token a = new Pseudonymiser(KEY).tokenFor(UID);
        Token b = new Pseudonymiser(KEY).tokenFor(CardUid.of(HexFormat.of().parseHex("04a1b2c3d4e5f6")));
        Token c = new Pseudonymiser(SchemeKey.of(new byte[32])).tokenFor(UID);
        assertThat(a).isEqualTo(b).isNotEqualTo(c);
    }

    @Test
    void tokenNeverContainsTheUid() {
        Token token = new Pseudonymiser(KEY).tokenFor(UID);
        assertThat(token.value()).doesNotContainIgnoringCase("04a1b2c3d4e5f6");
        assertThat(token.toString()).hasSize(9).endsWith("…");
    }

    @Test
    void barcodeTokensCannotCollideWithUidTokens() {
        Pseudonymiser p = new Pseudonymiser(KEY);
        assertThat(p.tokenForBarcode("04a1b2c3d4e5f6")).isNotEqualTo(p.tokenFor(UID));
        assertThatThrownBy(() -> p.tokenForBarcode("12")).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Pins the barcode token formula byte for byte: every stored barcode token and the council's
     * files depend on it (DESIGN.md, "Identity"). Never change these values. Computed independently:
     * {@code printf 'barcode:29384756' | openssl dgst -sha256 -hmac 0123456789abcdef0123456789abcdef}
     * (and likewise for {@code barcode:LIB0042X}).
     */
    @Test
    void barcodeTokenIsHmacSha256OfThePrefixedNumberAndNeverChanges() {
        Pseudonymiser p = new Pseudonymiser(KEY);

        assertThat(p.tokenForBarcode("29384756").value())
                .isEqualTo("fd8e786b2b3f3a213150cdb741bd68d3cd37f968fe69bd2dada52b4a549a2d98");
        assertThat(p.tokenForBarcode("LIB0042X").value())
                .isEqualTo("8a45f969efdbbb410787233a7bad5d8103d4cb061d59a972e50c36cba340ad8d");
    }

    @Test
    void aNormalisedBarcodeGetsTheTokenOfItsNumberWhateverPathReadIt() {
        Pseudonymiser p = new Pseudonymiser(KEY);

        assertThat(p.tokenFor(LibraryBarcode.of("a29384756b\r\n".translateEscapes())))
                .isEqualTo(p.tokenFor(LibraryBarcode.of(" 29384756 ")))
                .isEqualTo(p.tokenForBarcode("29384756"));
        assertThat(p.tokenFor(LibraryBarcode.of("lib0042x")).value())
                .isEqualTo("8a45f969efdbbb410787233a7bad5d8103d4cb061d59a972e50c36cba340ad8d");
    }

    @Test
    void refusesShortKeysAndRedactsTheKey() {
        assertThatThrownBy(() -> SchemeKey.of(new byte[16])).hasMessageContaining("at least 32 bytes");
        assertThat(KEY.toString()).doesNotContain("0123");
    }
}
