package org.culturecard.badges;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.io.StringReader;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.culturecard.badges.Verification.Reason;
import org.culturecard.badges.Verification.Refused;
import org.culturecard.badges.Verification.Verified;
import org.culturecard.badges.internal.EddsaRdfc2022;
import org.culturecard.badges.keys.SigningKey;
import org.culturecard.badges.status.BitstringStatusList;
import org.junit.jupiter.api.Test;

class BadgeVerifierTest {
    private final IssuerIdentity identity = new IssuerIdentity.HttpsProfile("Culture Card", URI.create("https://central.example.org"));
    private final SigningKey key = TestBadges.key("key-1");
    private final BadgeIssuer issuer = new BadgeIssuer(identity, key, TestBadges.STATUS_LIST, TestBadges.ids());
    private final BitstringStatusList list = BitstringStatusList.empty();

    private BadgeVerifier verifier(SigningKey... trusted) {
        return new BadgeVerifier(identity, List.of(trusted).stream().map(SigningKey::published).toList(),
                url -> url.equals(TestBadges.STATUS_LIST)
                        ? Optional.of(issuer.statusListCredential(list, TestBadges.ISSUED_ON)) : Optional.empty(),
                TestBadges.CLOCK);
    }

    private String issued(int index) {
        return issuer.issue(TestBadges.museumExplorer(), TestBadges.recipient(), TestBadges.ISSUED_ON, index);
    }

    @Test
    void verifiesWhatItIssued() {
        assertThat(verifier(key).verify(issued(7))).isEqualTo(new Verified(
                "urn:uuid:01900000-0000-7000-8000-000000000001", "https://central.example.org/badges/issuer",
                "https://central.example.org/badges/achievements/museum-explorer"));
    }

    @Test
    void refusesACredentialWithOneFieldChanged() {
        String tampered = issued(7).replace("Visited three museums", "Visited thirty museums");

        assertThat(verifier(key).verify(tampered)).isInstanceOfSatisfying(Refused.class,
                refused -> assertThat(refused.reason()).isEqualTo(Reason.BAD_SIGNATURE));
    }

    @Test
    void refusesAnAddedPropertyThatTheContextsDoNotDefine() {
        String tampered = issued(7).replace("\"name\":\"Museum Explorer\",", "\"name\":\"Museum Explorer\",\"grade\":\"A\",");

        assertThat(verifier(key).verify(tampered)).isInstanceOfSatisfying(Refused.class,
                refused -> assertThat(refused.reason()).isEqualTo(Reason.MALFORMED));
    }

    @Test
    void refusesACredentialSignedWithAKeyItDoesNotTrust() {
        SigningKey other = TestBadges.key("key-1");

        assertThat(verifier(other).verify(issued(7))).isInstanceOfSatisfying(Refused.class,
                refused -> assertThat(refused.reason()).isEqualTo(Reason.BAD_SIGNATURE));
        assertThat(new BadgeVerifier(identity, List.of(TestBadges.key("key-2").published()), url -> Optional.empty(),
                TestBadges.CLOCK)
                .verify(issued(7))).isInstanceOfSatisfying(Refused.class,
                        refused -> assertThat(refused.reason()).isEqualTo(Reason.UNKNOWN_KEY));
    }

    @Test
    void refusesARevokedCredentialAndOnlyThatOne() {
        String revoked = issued(7);
        String kept = issued(8);
        list.revoke(7);

        assertThat(verifier(key).verify(revoked)).isInstanceOfSatisfying(Refused.class,
                refused -> assertThat(refused.reason()).isEqualTo(Reason.REVOKED));
        assertThat(verifier(key).verify(kept)).isInstanceOf(Verified.class);
    }

    @Test
    void refusesWhenTheStatusListIsMissingOrNotTheIssuers() {
        String credential = issued(7);
        BadgeIssuer forger = new BadgeIssuer(identity, TestBadges.key("key-1"), TestBadges.STATUS_LIST, TestBadges.ids());
        BadgeVerifier forgedList = new BadgeVerifier(identity, List.of(key.published()),
                url -> Optional.of(forger.statusListCredential(BitstringStatusList.empty(), TestBadges.ISSUED_ON)), TestBadges.CLOCK);

        assertThat(new BadgeVerifier(identity, List.of(key.published()), url -> Optional.empty(), TestBadges.CLOCK).verify(credential))
                .isInstanceOfSatisfying(Refused.class, r -> assertThat(r.reason()).isEqualTo(Reason.STATUS_UNAVAILABLE));
        assertThat(forgedList.verify(credential))
                .isInstanceOfSatisfying(Refused.class, r -> assertThat(r.reason()).isEqualTo(Reason.STATUS_UNAVAILABLE));
    }

    @Test
    void oldCredentialsStillVerifyAfterTheKeyIsRotated() {
        String old = issued(7);
        SigningKey next = TestBadges.key("key-2");
        BadgeIssuer rotated = new BadgeIssuer(identity, next, TestBadges.STATUS_LIST, TestBadges.ids());
        String fresh = rotated.issue(TestBadges.museumExplorer(), TestBadges.recipient(), TestBadges.ISSUED_ON, 9);
        BadgeVerifier both = new BadgeVerifier(identity, List.of(key.published(), next.published()),
                url -> Optional.of(rotated.statusListCredential(list, TestBadges.ISSUED_ON)), TestBadges.CLOCK);

        assertThat(both.verify(old)).isInstanceOf(Verified.class);
        assertThat(both.verify(fresh)).isInstanceOf(Verified.class);
        assertThat(fresh).contains("https://central.example.org/badges/keys/key-2").doesNotContain("/badges/keys/key-1");
    }

    @Test
    void refusesACredentialBeforeItsValidFromAndAfterItsValidUntil() {
        String future = issuer.issue(TestBadges.museumExplorer(), TestBadges.recipient(), TestBadges.CLOCK.instant().plusSeconds(60), 7);
        String expired = EddsaRdfc2022.sign(Json.createObjectBuilder(Json.createReader(new StringReader(issued(7))).readObject())
                        .remove("proof").add("validUntil", "2026-12-02T11:00:00Z").build(),
                identity.verificationMethod(key.published()), TestBadges.ISSUED_ON, key.privateKey()).toString();

        assertThat(verifier(key).verify(future)).isInstanceOfSatisfying(Refused.class,
                r -> assertThat(r.reason()).isEqualTo(Reason.NOT_YET_VALID));
        assertThat(verifier(key).verify(expired)).isInstanceOfSatisfying(Refused.class,
                r -> assertThat(r.reason()).isEqualTo(Reason.EXPIRED));
    }

    @Test
    void refusesWhatIsNotAnOpenBadgeCredential() {
        assertThat(verifier(key).verify("not json")).isInstanceOfSatisfying(Refused.class,
                r -> assertThat(r.reason()).isEqualTo(Reason.MALFORMED));
        assertThat(verifier(key).verify(issuer.statusListCredential(list, TestBadges.ISSUED_ON)))
                .isInstanceOfSatisfying(Refused.class, r -> assertThat(r.reason()).isEqualTo(Reason.MALFORMED));
        assertThat(verifier(key).verify(issued(7).replace("\"proof\":", "\"proofs\":")))
                .isInstanceOfSatisfying(Refused.class, r -> assertThat(r.reason()).isEqualTo(Reason.MALFORMED));
    }

    @Test
    void aDidKeyIssuerIsItsKey() {
        IssuerIdentity didKey = new IssuerIdentity.DidKey("Culture Card");
        BadgeIssuer didIssuer = new BadgeIssuer(didKey, key, TestBadges.STATUS_LIST, TestBadges.ids());
        String credential = didIssuer.issue(TestBadges.museumExplorer(), TestBadges.recipient(), TestBadges.ISSUED_ON, 3);
        BadgeVerifier didVerifier = new BadgeVerifier(didKey, List.of(key.published()),
                url -> Optional.of(didIssuer.statusListCredential(list, TestBadges.ISSUED_ON)), TestBadges.CLOCK);

        assertThat(didVerifier.verify(credential)).isInstanceOfSatisfying(Verified.class,
                v -> assertThat(v.issuerId()).isEqualTo("did:key:" + key.published().publicKeyMultibase()));
        assertThat(didKey.verificationMethod(key.published())).startsWith("did:key:z6Mk").contains("#z6Mk");
    }
}
