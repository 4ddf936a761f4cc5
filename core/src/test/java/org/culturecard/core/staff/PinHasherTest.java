package org.culturecard.core.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class PinHasherTest {
    private final PinHasher hasher = new PinHasher(new SecureRandom());

    @Test
    void writesASelfDescribingSaltedHashThatVerifiesOnlyTheRightPin() {
        String stored = hasher.hash("4821");

        assertThat(stored).matches("pbkdf2-sha256\\$210000\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(stored).doesNotContain("4821");
        assertThat(PinHasher.verify("4821", stored)).isTrue();
        assertThat(PinHasher.verify("4822", stored)).isFalse();
        assertThat(PinHasher.verify("", stored)).isFalse();
    }

    @Test
    void saltsEveryHashDifferently() {
        assertThat(hasher.hash("4821")).isNotEqualTo(hasher.hash("4821"));
    }

    @Test
    void refusesTooFewIterationsAndMalformedPinsOrHashes() {
        assertThatThrownBy(() -> new PinHasher(new SecureRandom(), 1000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> hasher.hash("12a4")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> hasher.hash("123")).isInstanceOf(IllegalArgumentException.class);
        assertThat(PinHasher.verify("4821", "plain-text")).isFalse();
        assertThat(PinHasher.verify("4821", "pbkdf2-sha256$1000$c2FsdA$aGFzaA")).isFalse();
        assertThat(PinHasher.verify("4821", "pbkdf2-sha256$210000$!!$!!")).isFalse();
    }

    /**
     * The shared test vector: PIN 4821, salt bytes 00..0f, 210,000 iterations. It was pinned in
     * both the kiosk's hasher and provisioning's copy of it before the two became this one class;
     * stored PINs written by either must keep verifying.
     */
    static final String VECTOR = "pbkdf2-sha256$210000$AAECAwQFBgcICQoLDA0ODw$MfyWfJexqlndtCCLSOIl5XtAuDTY6Y5KOg9JfUuRysM";

    @Test
    void hashesExactlyAsProvisioningAndTheKioskDidBefore() {
        SecureRandom counting = new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                for (int i = 0; i < bytes.length; i++) {
                    bytes[i] = (byte) i;
                }
            }
        };
        assertThat(new PinHasher(counting).hash("4821")).isEqualTo(VECTOR);
    }

    @Test
    void knowsAWellFormedHashFromAnythingElse() {
        assertThat(PinHasher.isWellFormedHash(VECTOR)).isTrue();
        assertThat(PinHasher.isWellFormedHash(hasher.hash("123456"))).isTrue();
        assertThat(PinHasher.isWellFormedHash(null)).isFalse();
        assertThat(PinHasher.isWellFormedHash("4821")).isFalse();
        assertThat(PinHasher.isWellFormedHash(VECTOR.replace("$210000$", "$209999$"))).isFalse();
        assertThat(PinHasher.isWellFormedHash(VECTOR.replace("$210000$", "$2000001$"))).isFalse();
        assertThat(PinHasher.isWellFormedHash(VECTOR.replace("$210000$", "$999999999$"))).isFalse();
        assertThat(PinHasher.isWellFormedHash(VECTOR.replace("pbkdf2-sha256", "pbkdf2-sha1"))).isFalse();
        assertThat(PinHasher.isWellFormedHash(VECTOR + "A")).isFalse();
        assertThat(PinHasher.isWellFormedHash(VECTOR + "\n")).isFalse();
        assertThat(PinHasher.isWellFormedHash(VECTOR.replace("AAECAwQFBgcICQoLDA0ODw", "AAECAwQFBgcICQoLDA0OD"))).isFalse();
    }

    @Test
    void refusesToVerifyAgainstAHashAskingForTooManyRounds() {
        assertThat(PinHasher.verify("4821", VECTOR.replace("$210000$", "$2147483647$"))).isFalse();
        assertThatThrownBy(() -> new PinHasher(new SecureRandom(), PinHasher.MAX_ITERATIONS + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void verifiesTheHashThatProvisioningWritesForTheSamePin() {
        assertThat(PinHasher.verify("4821",
                "pbkdf2-sha256$210000$AAECAwQFBgcICQoLDA0ODw$MfyWfJexqlndtCCLSOIl5XtAuDTY6Y5KOg9JfUuRysM")).isTrue();
        assertThat(PinHasher.verify("4822",
                "pbkdf2-sha256$210000$AAECAwQFBgcICQoLDA0ODw$MfyWfJexqlndtCCLSOIl5XtAuDTY6Y5KOg9JfUuRysM")).isFalse();
    }
}
