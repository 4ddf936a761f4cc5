package org.culturecard.kiosk.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.culturecard.kiosk.store.SqliteKioskStore;
import org.culturecard.testsupport.time.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaffAuthenticatorTest {
    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at("2026-03-14T18:30:00Z");
    private SqliteKioskStore store;
    private StaffAuthenticator authenticator;

    @BeforeEach
    void open() {
        store = SqliteKioskStore.open(dir.resolve("kiosk.db"), clock);
        store.setStaffPin(UUID.randomUUID(), "Sam", new PinHasher(new SecureRandom()).hash("4821"));
        authenticator = new StaffAuthenticator(store, clock);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void acceptsAStaffMembersPin() {
        assertThat(authenticator.check("4821")).isEqualTo(new PinOutcome.Accepted("Sam"));
        assertThat(store.staffPins()).singleElement().satisfies(pin -> {
            assertThat(pin.displayName()).isEqualTo("Sam");
            assertThat(pin.pinHash()).startsWith("pbkdf2-sha256$210000$");
        });
    }

    @Test
    void locksForFiveMinutesAfterFiveWrongPinsEvenAcrossARestart() {
        for (int left = 4; left >= 1; left--) {
            assertThat(authenticator.check("0000")).isEqualTo(new PinOutcome.Rejected(left));
        }
        Instant until = clock.instant().plus(Duration.ofMinutes(5));
        assertThat(authenticator.check("0000")).isEqualTo(new PinOutcome.LockedOut(until));

        StaffAuthenticator afterRestart = new StaffAuthenticator(store, clock);
        clock.advance(Duration.ofMinutes(4).plusSeconds(59));
        assertThat(afterRestart.check("4821")).isEqualTo(new PinOutcome.LockedOut(until));

        clock.advance(Duration.ofSeconds(1));
        assertThat(afterRestart.check("4821")).isEqualTo(new PinOutcome.Accepted("Sam"));
    }

    @Test
    void aGoodPinResetsTheCountOfWrongOnes() {
        authenticator.check("1111");
        authenticator.check("2222");
        authenticator.check("4821");

        assertThat(authenticator.check("3333")).isEqualTo(new PinOutcome.Rejected(4));
        assertThat(authenticator.lockedUntilNow()).isEmpty();
    }
}
