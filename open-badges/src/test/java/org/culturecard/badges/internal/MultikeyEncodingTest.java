package org.culturecard.badges.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class MultikeyEncodingTest {
    /** The key pair of W3C "Data Integrity EdDSA Cryptosuites v1.0", appendix A (test vectors). */
    private static final String SPEC_PUBLIC = "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2";
    private static final String SPEC_SECRET = "z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq";

    @Test
    void readsTheSpecsTestKeyPairAndWritesItBackTheSame() {
        var publicKey = Ed25519Keys.publicKey(SPEC_PUBLIC);
        var privateKey = Ed25519Keys.privateKey(SPEC_SECRET);

        assertThat(Ed25519Keys.publicKeyMultibase(publicKey)).isEqualTo(SPEC_PUBLIC);
        assertThat(Ed25519Keys.secretKeyMultibase(privateKey)).isEqualTo(SPEC_SECRET);
        assertThat(Ed25519Keys.isPair(privateKey, publicKey)).isTrue();
        assertThat(Ed25519Keys.isPair(privateKey, Ed25519Keys.publicKey("z6MkpDFD936tnsG1bJTXFHc2sMRVX8M5mSTQnYPznSmKGx5o")))
                .isFalse();
    }

    @Test
    void encodesTheMulticodecHeaderAndKeyInBase58btc() {
        byte[] decoded = Base58Btc.decodeMultibase(SPEC_PUBLIC);

        assertThat(decoded).hasSize(34);
        assertThat(HexFormat.of().formatHex(decoded, 0, 2)).isEqualTo("ed01");
        assertThat(Base58Btc.encodeMultibase(new byte[] {0, 0, 1})).isEqualTo("z112");
        assertThat(Base58Btc.encodeMultibase("Hello World!".getBytes(StandardCharsets.US_ASCII))).isEqualTo("z2NEpo7TZRRrLZSi2U");
    }

    @Property
    void base58btcRoundTripsAnyBytes(@ForAll @Size(max = 80) byte[] bytes) {
        assertThat(Base58Btc.decodeMultibase(Base58Btc.encodeMultibase(bytes))).isEqualTo(bytes);
    }

    @Test
    void refusesWhatIsNotAnEd25519Multikey() {
        assertThatThrownBy(() -> Ed25519Keys.publicKey(SPEC_SECRET)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Ed25519Keys.privateKey(SPEC_PUBLIC)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Base58Btc.decodeMultibase("u6Mk")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Base58Btc.decodeMultibase("z0OIl")).isInstanceOf(IllegalArgumentException.class);
    }
}
