package org.culturecard.kiosk.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.culturecard.core.privacy.Token;
import org.culturecard.core.staff.PinHasher;
import org.culturecard.core.staff.StaffAuth;
import org.culturecard.kiosk.store.SqliteKioskStore;
import org.culturecard.kiosk.testing.SettingRows;
import org.culturecard.kiosk.testing.StaffRows;
import org.culturecard.kioskdb.SettingKey;
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
    void byDefaultAMembersPinOpensOnlyAfterTheirOwnCard() {
        UUID ada = enrolWithCard("Ada", "739104", 'a');

        assertThat(authenticator.check("739104")).as("PIN alone, member has a card").isEqualTo(new PinOutcome.Rejected(4));
        assertThat(authenticator.checkAfterCard(ada, "4821")).as("Sam's PIN after Ada's card")
                .isEqualTo(new PinOutcome.Rejected(3));
        assertThat(authenticator.checkAfterCard(ada, "739104")).isEqualTo(new PinOutcome.Accepted("Ada"));
    }

    @Test
    void atAPinOnlyVenueAMemberWithACardMayTypeTheirPinAlone() {
        enrolWithCard("Ada", "739104", 'a');
        store.putSetting(SettingKey.STAFF_AUTH, StaffAuth.PIN_ONLY);

        assertThat(authenticator.check("739104")).isEqualTo(new PinOutcome.Accepted("Ada"));
    }

    @Test
    void aRevokedMembersPinIsWrongWhicheverWayItIsTyped() {
        UUID ada = enrolWithCard("Ada", "739104", 'a');
        store.putSetting(SettingKey.STAFF_AUTH, StaffAuth.PIN_ONLY);
        StaffRows.revoke(dir.resolve("kiosk.db"), ada, clock.instant());

        assertThat(authenticator.check("739104")).isEqualTo(new PinOutcome.Rejected(4));
        assertThat(authenticator.checkAfterCard(ada, "739104")).isEqualTo(new PinOutcome.Rejected(3));
        assertThat(store.staffPins()).extracting(pin -> pin.displayName()).containsExactly("Sam");
    }

    @Test
    void wrongPinsAfterACardAndAloneCountTowardsOneLockout() {
        UUID ada = enrolWithCard("Ada", "739104", 'a');
        Instant until = clock.instant().plus(StaffAuthenticator.LOCKOUT);
        authenticator.check("0000");
        authenticator.checkAfterCard(ada, "0000");
        authenticator.check("0000");
        authenticator.checkAfterCard(ada, "0000");

        assertThat(authenticator.checkAfterCard(ada, "0000")).isEqualTo(new PinOutcome.LockedOut(until));
        assertThat(authenticator.checkAfterCard(ada, "739104")).isEqualTo(new PinOutcome.LockedOut(until));
        assertThat(authenticator.check("4821")).isEqualTo(new PinOutcome.LockedOut(until));
    }

    @Test
    void aSettingTheKioskCannotReadFallsBackToCardAndPin() {
        UUID ada = enrolWithCard("Ada", "739104", 'a');
        SettingRows.put(dir.resolve("kiosk.db"), "staff.auth", "anyone-may-enter");

        assertThat(store.staffAuth()).isEqualTo(StaffAuth.CARD_AND_PIN);
        assertThat(authenticator.check("739104")).isEqualTo(new PinOutcome.Rejected(4));
        assertThat(authenticator.checkAfterCard(ada, "739104")).isEqualTo(new PinOutcome.Accepted("Ada"));
    }

    private UUID enrolWithCard(String name, String pin, char tokenDigit) {
        UUID id = UUID.randomUUID();
        store.setStaffPin(id, name, new PinHasher(new SecureRandom()).hash(pin));
        store.enrolStaffCard(id, name, Token.of(String.valueOf(tokenDigit).repeat(64)));
        return id;
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
