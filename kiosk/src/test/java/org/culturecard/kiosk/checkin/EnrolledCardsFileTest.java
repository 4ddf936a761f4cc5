package org.culturecard.kiosk.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.culturecard.core.enrolment.EnrolledFilter;
import org.culturecard.core.enrolment.UnregisteredCards;
import org.culturecard.core.privacy.Pseudonymiser;
import org.culturecard.core.privacy.Token;
import org.culturecard.kiosk.testing.Fixtures;
import org.culturecard.kioskdb.EnrolledFilterFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnrolledCardsFileTest {
    private static final Instant AT = Instant.parse("2026-12-02T09:00:00Z");
    private final Pseudonymiser pseudonymiser = Fixtures.pseudonymiser();
    private final Token amira = pseudonymiser.tokenFor(Fixtures.AMIRA);
    private final Token ben = pseudonymiser.tokenFor(Fixtures.BEN);
    private final AtomicReference<UnregisteredCards> setting = new AtomicReference<>(UnregisteredCards.RECORD_AND_REMIND);
    private final AtomicInteger settingReads = new AtomicInteger();

    @TempDir
    Path dir;

    private EnrolledFilterFile file() {
        return EnrolledFilterFile.beside(dir.resolve("kiosk.db"));
    }

    private EnrolledCardsFile cards() {
        return new EnrolledCardsFile(file(), () -> {
            settingReads.incrementAndGet();
            return setting.get();
        });
    }

    @Test
    void withoutAFilterEveryCardIsUnknownAndTheSettingIsNotRead() {
        assertThat(cards().registrationOf(amira)).isEqualTo(Registration.UNKNOWN);
        assertThat(settingReads).hasValue(0);
    }

    @Test
    void aCardInTheFilterIsRegisteredAndOneOutsideFollowsTheVenuesSetting() {
        file().store(1, AT, EnrolledFilter.of(List.of(ben)).toBytes());
        EnrolledCardsFile cards = cards();

        assertThat(cards.registrationOf(ben)).isEqualTo(Registration.REGISTERED);
        assertThat(settingReads).as("a registered card costs no settings read").hasValue(0);
        assertThat(cards.registrationOf(amira)).isEqualTo(Registration.NOT_REGISTERED_REMIND);
        assertThat(Registration.NOT_REGISTERED_REMIND.remind()).isTrue();

        setting.set(UnregisteredCards.RECORD_SILENTLY);
        assertThat(cards.registrationOf(amira)).isEqualTo(Registration.NOT_REGISTERED);
        assertThat(Registration.NOT_REGISTERED.remind()).isFalse();
    }

    @Test
    void aNewGenerationStoredByTheAgentIsPickedUpAtTheNextLookup() {
        file().store(1, AT, EnrolledFilter.of(List.of(ben)).toBytes());
        EnrolledCardsFile cards = cards();
        assertThat(cards.registrationOf(amira)).isEqualTo(Registration.NOT_REGISTERED_REMIND);

        file().store(2, AT.plusSeconds(60), EnrolledFilter.of(List.of(ben, amira)).toBytes());

        assertThat(cards.registrationOf(amira)).isEqualTo(Registration.REGISTERED);
    }

    @Test
    void aFilterArrivingAfterStartIsUsedAndAnUnreadableFileKeepsTheFilterHeld() throws Exception {
        EnrolledCardsFile cards = cards();
        cards.warm();
        assertThat(cards.registrationOf(ben)).isEqualTo(Registration.UNKNOWN);

        file().store(1, AT, EnrolledFilter.of(List.of(ben)).toBytes());
        assertThat(cards.registrationOf(ben)).isEqualTo(Registration.REGISTERED);

        Files.write(file().file(), "CCKF garbage".getBytes());
        assertThat(cards.registrationOf(ben)).isEqualTo(Registration.REGISTERED);
        assertThat(cards.registrationOf(amira)).isEqualTo(Registration.NOT_REGISTERED_REMIND);
    }
}
