package org.culturecard.central.web.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/** Argon2id PHC strings: a password verifies against its own hash only; salts differ; a mangled hash is refused. */
class WebPasswordsTest {

    private final Passwords passwords = new Passwords(new SecureRandom());

    @Test
    void verifiesItsOwnHashAndNoOtherPassword() {
        String hash = passwords.hash("correct horse battery staple");
        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain("correct");
        assertThat(Passwords.verify("correct horse battery staple", hash)).isTrue();
        assertThat(Passwords.verify("correct horse battery stapl", hash)).isFalse();
        assertThat(passwords.hash("correct horse battery staple")).isNotEqualTo(hash);
    }

    @Test
    void refusesAMalformedHash() {
        assertThat(Passwords.verify("x", "$argon2i$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA")).isFalse();
        assertThat(Passwords.verify("x", "plain")).isFalse();
        assertThat(Passwords.verify("x", null)).isFalse();
    }

    @Test
    void theReferenceImplementationsArgon2idVectorVerifies() {
        // phc-winner-argon2, src/test.c: CHECK("password", "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFh...")
        String reference = "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";
        assertThat(Passwords.verify("password", reference)).isTrue();
        assertThat(Passwords.verify("passwore", reference)).isFalse();
    }

    @Test
    void oneTimePasswordsAreLongAndDiffer() {
        String one = passwords.oneTimePassword();
        assertThat(one).hasSize(20).isNotEqualTo(passwords.oneTimePassword());
        assertThat(one.length()).isGreaterThanOrEqualTo(Passwords.MIN_LENGTH);
    }
}
