package org.culturecard.kiosk.staff;

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

    @Test
    void verifiesTheHashThatProvisioningWritesForTheSamePin() {
        // The same vector is pinned in provisioning's PinHashTest: `provision staff add` and the
        // kiosk must agree on the format, and neither module may depend on the other.
        assertThat(PinHasher.verify("4821",
                "pbkdf2-sha256$210000$AAECAwQFBgcICQoLDA0ODw$MfyWfJexqlndtCCLSOIl5XtAuDTY6Y5KOg9JfUuRysM")).isTrue();
        assertThat(PinHasher.verify("4822",
                "pbkdf2-sha256$210000$AAECAwQFBgcICQoLDA0ODw$MfyWfJexqlndtCCLSOIl5XtAuDTY6Y5KOg9JfUuRysM")).isFalse();
    }
}
