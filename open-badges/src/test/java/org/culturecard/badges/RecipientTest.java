package org.culturecard.badges;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class RecipientTest {

    @Test
    void isTheSha256OfTheIdentifierFollowedByTheSalt() {
        // printf 'person-1salt' | sha256sum
        assertThat(Recipient.hashing("person-1", "salt").identityHash())
                .isEqualTo("sha256$76dfc4eb71b5adb9965e0d491a68cb01887cf4a72de42f87768125f4375f45ad");
    }

    @Test
    void holdsNoIdentifierAndMatchesOnlyItsOwn() {
        Recipient recipient = Recipient.hashingWithNewSalt("person-7f3a9c", new SecureRandom());

        assertThat(recipient.toString()).doesNotContain("person-7f3a9c");
        assertThat(recipient.salt()).hasSize(32);
        assertThat(recipient.matches("person-7f3a9c")).isTrue();
        assertThat(recipient.matches("person-7f3a9d")).isFalse();
    }

    @Test
    void anIssuedCredentialNamesNoOne() {
        String credential = new BadgeIssuer(new IssuerIdentity.DidKey("Culture Card"), TestBadges.key("k1"),
                TestBadges.STATUS_LIST, TestBadges.ids())
                .issue(TestBadges.museumExplorer(), TestBadges.recipient(), TestBadges.ISSUED_ON, 1);

        assertThat(credential).doesNotContain("person-7f3a9c")
                .contains("\"identityHash\":\"" + TestBadges.recipient().identityHash() + "\"", "\"hashed\":true",
                        "\"salt\":\"5a1t\"", "\"identityType\":\"identifier\"");
    }
}
