package org.culturecard.central.web.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** TOTP against RFC 6238 appendix B's test vectors (all three hashes), then the six-digit codes sign-in uses. */
class WebTotpTest {

    private static final byte[] SHA1_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA256_KEY = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA512_KEY = "1234567890123456789012345678901234567890123456789012345678901234"
            .getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest
    @CsvSource({
        "59, 94287082, 46119246, 90693936",
        "1111111109, 07081804, 68084774, 25091201",
        "1111111111, 14050471, 67062674, 99943326",
        "1234567890, 89005924, 91819424, 93441116",
        "2000000000, 69279037, 90698825, 38618901",
        "20000000000, 65353130, 77737706, 47863826"})
    void matchesTheRfcVectors(long time, String sha1, String sha256, String sha512) {
        long step = time / Totp.STEP_SECONDS;
        assertThat(Totp.hotp(SHA1_KEY, step, 8, "HmacSHA1")).isEqualTo(sha1);
        assertThat(Totp.hotp(SHA256_KEY, step, 8, "HmacSHA256")).isEqualTo(sha256);
        assertThat(Totp.hotp(SHA512_KEY, step, 8, "HmacSHA512")).isEqualTo(sha512);
    }

    @Test
    void theSixDigitCodeIsTheRfcCodesLastSixDigits() {
        String secret = new Base32().encodeToString(SHA1_KEY).replace("=", "");
        assertThat(Totp.code(secret, Instant.ofEpochSecond(1111111109))).isEqualTo("081804");
    }

    @Test
    void acceptsTheStepEitherSideAndNothingFurther() {
        String secret = Totp.newSecret(new SecureRandom());
        Instant now = Instant.ofEpochSecond(1_800_000_000L);
        assertThat(secret).matches("[A-Z2-7]{32}");
        assertThat(Totp.verify(secret, Totp.code(secret, now), now)).isTrue();
        assertThat(Totp.verify(secret, Totp.code(secret, now.minusSeconds(30)), now)).isTrue();
        assertThat(Totp.verify(secret, Totp.code(secret, now.plusSeconds(30)), now)).isTrue();
        assertThat(Totp.verify(secret, Totp.code(secret, now.minusSeconds(90)), now)).isFalse();
        assertThat(Totp.verify(secret, "12345", now)).isFalse();
        assertThat(Totp.verify(secret, null, now)).isFalse();
    }

    @Test
    void theUriIsWhatAuthenticatorAppsRead() {
        assertThat(Totp.uri("Culture Card", "anne", "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")).isEqualTo(
                "otpauth://totp/Culture%20Card:anne?secret=ABCDEFGHIJKLMNOPQRSTUVWXYZ234567&issuer=Culture%20Card"
                        + "&algorithm=SHA1&digits=6&period=30");
    }
}
