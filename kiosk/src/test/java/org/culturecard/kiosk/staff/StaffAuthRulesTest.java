package org.culturecard.kiosk.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.culturecard.core.staff.StaffAuth.CARD_AND_PIN;
import static org.culturecard.core.staff.StaffAuth.CARD_ONLY;
import static org.culturecard.core.staff.StaffAuth.PIN_ONLY;
import static org.culturecard.kiosk.staff.StaffAuthRules.CardVerdict.ASK_PIN;
import static org.culturecard.kiosk.staff.StaffAuthRules.CardVerdict.OPEN;
import static org.culturecard.kiosk.staff.StaffAuthRules.CardVerdict.REFUSED_NO_PIN;
import static org.culturecard.kiosk.staff.StaffAuthRules.CardVerdict.REFUSED_REVOKED;

import java.util.UUID;
import org.culturecard.core.staff.StaffAuth;
import org.culturecard.kioskdb.StaffRow;
import org.junit.jupiter.api.Test;

/** Every cell of ADR 0012's table: the venue's setting against one member's credentials. */
class StaffAuthRulesTest {
    private static final String HASH = "pbkdf2-sha256$210000$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g";
    private static final StaffRow CARD_AND_PIN_MEMBER = new StaffRow(UUID.randomUUID(), "Ada", HASH, true, false);
    private static final StaffRow CARD_ONLY_MEMBER = new StaffRow(UUID.randomUUID(), "Ben", null, true, false);
    private static final StaffRow PIN_ONLY_MEMBER = new StaffRow(UUID.randomUUID(), "Cai", HASH, false, false);
    private static final StaffRow REVOKED_MEMBER = new StaffRow(UUID.randomUUID(), "Dee", HASH, true, true);

    @Test
    void byDefaultACardAsksForItsHoldersPinAndACardWithoutOneIsRefused() {
        assertThat(StaffAuth.DEFAULT).isEqualTo(CARD_AND_PIN);
        assertThat(StaffAuthRules.onCard(CARD_AND_PIN, CARD_AND_PIN_MEMBER)).isEqualTo(ASK_PIN);
        assertThat(StaffAuthRules.onCard(CARD_AND_PIN, CARD_ONLY_MEMBER)).isEqualTo(REFUSED_NO_PIN);
        assertThat(StaffAuthRules.pinAfterCardAllowed(CARD_AND_PIN, CARD_AND_PIN_MEMBER)).isTrue();
    }

    @Test
    void byDefaultAPinAloneOpensOnlyForStaffEnrolledWithAPinAndNoCard() {
        assertThat(StaffAuthRules.pinAloneAllowed(CARD_AND_PIN, PIN_ONLY_MEMBER)).isTrue();
        assertThat(StaffAuthRules.pinAloneAllowed(CARD_AND_PIN, CARD_AND_PIN_MEMBER)).isFalse();
        assertThat(StaffAuthRules.pinAloneAllowed(CARD_AND_PIN, CARD_ONLY_MEMBER)).isFalse();
    }

    @Test
    void atACardOnlyVenueEveryCardOpensAndPinsStayForStaffWithoutACard() {
        assertThat(StaffAuthRules.onCard(CARD_ONLY, CARD_AND_PIN_MEMBER)).isEqualTo(OPEN);
        assertThat(StaffAuthRules.onCard(CARD_ONLY, CARD_ONLY_MEMBER)).isEqualTo(OPEN);
        assertThat(StaffAuthRules.pinAloneAllowed(CARD_ONLY, PIN_ONLY_MEMBER)).isTrue();
        assertThat(StaffAuthRules.pinAloneAllowed(CARD_ONLY, CARD_AND_PIN_MEMBER)).isFalse();
        assertThat(StaffAuthRules.pinAfterCardAllowed(CARD_ONLY, CARD_AND_PIN_MEMBER)).isFalse();
    }

    @Test
    void atAPinOnlyVenueEveryPinOpensAndACardOnlySaysWhosePinIsAsked() {
        assertThat(StaffAuthRules.pinAloneAllowed(PIN_ONLY, CARD_AND_PIN_MEMBER)).isTrue();
        assertThat(StaffAuthRules.pinAloneAllowed(PIN_ONLY, PIN_ONLY_MEMBER)).isTrue();
        assertThat(StaffAuthRules.pinAloneAllowed(PIN_ONLY, CARD_ONLY_MEMBER)).isFalse();
        assertThat(StaffAuthRules.onCard(PIN_ONLY, CARD_AND_PIN_MEMBER)).isEqualTo(ASK_PIN);
        assertThat(StaffAuthRules.onCard(PIN_ONLY, CARD_ONLY_MEMBER)).isEqualTo(REFUSED_NO_PIN);
    }

    @Test
    void aRevokedMembersCardIsRefusedAndTheirPinNeverOpensUnderAnySetting() {
        for (StaffAuth auth : StaffAuth.values()) {
            assertThat(StaffAuthRules.onCard(auth, REVOKED_MEMBER)).as(auth.code()).isEqualTo(REFUSED_REVOKED);
            assertThat(StaffAuthRules.pinAloneAllowed(auth, REVOKED_MEMBER)).as(auth.code()).isFalse();
            assertThat(StaffAuthRules.pinAfterCardAllowed(auth, REVOKED_MEMBER)).as(auth.code()).isFalse();
            assertThat(StaffAuthRules.pinAloneAllowed(auth, new StaffRow(UUID.randomUUID(), "Eve", HASH, false, true)))
                    .as(auth.code()).isFalse();
        }
    }
}
