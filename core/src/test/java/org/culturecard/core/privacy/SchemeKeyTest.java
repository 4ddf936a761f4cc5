package org.culturecard.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The scheme key file's format (ADR 20), as every reader of the file parses it. */
class SchemeKeyTest {
    private static final String HEX = "0123456789abcdef".repeat(4);

    @Test
    void readsSixtyFourHexDigitsWithOrWithoutTheLineFeedInEitherCase() {
        SchemeKey key = SchemeKey.parse((HEX + "\n").getBytes(StandardCharsets.US_ASCII));
        assertThat(SchemeKey.parse(HEX.getBytes(StandardCharsets.US_ASCII))).isEqualTo(key);
        assertThat(SchemeKey.parse((HEX.toUpperCase() + "\r\n").getBytes(StandardCharsets.US_ASCII))).isEqualTo(key);
        assertThat(key.bytes()).hasSize(SchemeKey.MIN_BYTES).startsWith((byte) 0x01, (byte) 0x23);
    }

    @Test
    void readsRawBytesAsTheKeyItself() {
        byte[] raw = new byte[SchemeKey.MIN_BYTES];
        Arrays.fill(raw, (byte) 0xfe);
        assertThat(SchemeKey.parse(raw)).isEqualTo(SchemeKey.of(raw));
    }

    @Test
    void refusesACutOffHexKeyInsteadOfTakingItsTextAsRawBytes() {
        assertThatThrownBy(() -> SchemeKey.parse(HEX.substring(0, 40).getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has 40 digits");
        assertThatThrownBy(() -> SchemeKey.parse((HEX + "a").getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has 65 digits");
    }

    @Test
    void refusesAShortRawKey() {
        assertThatThrownBy(() -> SchemeKey.parse("not a key".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 32 bytes");
    }

    @Test
    void neverShowsTheKey() {
        assertThat(SchemeKey.parse(HEX.getBytes(StandardCharsets.US_ASCII))).hasToString("SchemeKey[redacted]");
    }
}
