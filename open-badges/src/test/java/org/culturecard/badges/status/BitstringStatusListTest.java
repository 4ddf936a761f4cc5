package org.culturecard.badges.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class BitstringStatusListTest {

    @Test
    void anEmptyListIs16KilobytesOfZeroBitsGzippedInBase64url() {
        BitstringStatusList list = BitstringStatusList.empty();

        assertThat(list.length()).isEqualTo(131_072);
        assertThat(list.encode()).startsWith("u").doesNotContain("=", "+", "/");
        assertThat(BitstringStatusList.decode(list.encode())).isEqualTo(list);
    }

    @Test
    void revokeSetsTheBitCountedFromTheMostSignificantBitOfTheFirstByte() {
        BitstringStatusList list = BitstringStatusList.empty();

        list.revoke(0);
        list.revoke(9);
        list.revoke(131_071);

        byte[] bytes = list.toBytes();
        assertThat(bytes[0]).isEqualTo((byte) 0x80);
        assertThat(bytes[1]).isEqualTo((byte) 0x40);
        assertThat(bytes[16_383]).isEqualTo((byte) 0x01);
        assertThat(list.isRevoked(9)).isTrue();
        assertThat(list.isRevoked(8)).isFalse();
        assertThat(BitstringStatusList.decode(list.encode()).isRevoked(131_071)).isTrue();
    }

    @Test
    void decodesAListEncodedTheWayTheSpecSays() throws Exception {
        byte[] bits = new byte[16 * 1024];
        bits[2] = 0x20; // index 18
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(bits);
        }
        String encoded = "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(gz.toByteArray());

        BitstringStatusList list = BitstringStatusList.decode(encoded);

        assertThat(list.isRevoked(18)).isTrue();
        assertThat(list.isRevoked(17)).isFalse();
    }

    @Test
    void refusesWhatIsNotAStatusList() {
        assertThatThrownBy(() -> BitstringStatusList.decode("zabc")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BitstringStatusList.decode("u!!")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BitstringStatusList.decode("uAAAA")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BitstringStatusList.ofLength(1024)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BitstringStatusList.empty().revoke(131_072)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Property(tries = 50)
    void encodingRoundTripsAnySetOfRevokedIndexes(@ForAll @Size(max = 40) Set<@IntRange(min = 0, max = 131_071) Integer> revoked) {
        BitstringStatusList list = BitstringStatusList.empty();
        revoked.forEach(list::revoke);

        BitstringStatusList decoded = BitstringStatusList.decode(list.encode());

        assertThat(decoded).isEqualTo(list);
        for (int index : revoked) {
            assertThat(decoded.isRevoked(index)).isTrue();
        }
        assertThat(java.util.stream.IntStream.range(0, decoded.length()).filter(decoded::isRevoked).count())
                .isEqualTo(revoked.size());
    }
}
