package org.culturecard.badges;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.culturecard.badges.internal.EddsaRdfc2022;
import org.culturecard.badges.keys.SigningKey;
import org.culturecard.badges.status.BitstringStatusList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Credentials this module issued, verified by an implementation that did not sign them: the Digital
 * Credentials Consortium's JavaScript verifier (@digitalcredentials/vc 10.0.2 with eddsa-rdfc-2022 and
 * vc-bitstring-status-list), run with node, offline. A valid one passes; tampered, wrong key and
 * revoked ones fail, and our own verifier agrees each time.
 */
class IndependentVerifierIT {
    private static final IssuerIdentity.HttpsProfile HTTPS =
            new IssuerIdentity.HttpsProfile("Culture Card", URI.create("https://central.example.org"));

    private final IssuerIdentity identity = new IssuerIdentity.DidKey("Culture Card");
    private final SigningKey key = TestBadges.key("key-1");
    private final BadgeIssuer issuer = new BadgeIssuer(identity, key, TestBadges.STATUS_LIST, TestBadges.ids());
    private final BitstringStatusList list = BitstringStatusList.empty();

    @TempDir
    Path work;

    @BeforeAll
    static void nodeIsThere() {
        NodeVerifier.requireInstalled();
    }

    private String issued(int index) {
        return issuer.issue(TestBadges.museumExplorer(), TestBadges.recipient(), TestBadges.ISSUED_ON, index);
    }

    private Map<String, String> statusList() {
        return Map.of(TestBadges.STATUS_LIST.toString(), issuer.statusListCredential(list, TestBadges.ISSUED_ON));
    }

    private Verification ours(String credential) {
        return new BadgeVerifier(identity, List.of(key.published()),
                url -> Optional.ofNullable(statusList().get(url.toString())), TestBadges.CLOCK).verify(credential);
    }

    @Test
    void passesACredentialWeIssued() throws Exception {
        String credential = issued(11);

        NodeVerifier.Verdict verdict = NodeVerifier.verify(work, credential, statusList());

        assertThat(verdict.verified()).as(verdict.output()).isTrue();
        assertThat(ours(credential)).isInstanceOf(Verification.Verified.class);
    }

    @Test
    void passesTheGoldenCredentialSignedWithTheSpecsTestKey() throws Exception {
        NodeVerifier.Verdict verdict = NodeVerifier.verify(work, GoldenCredentialTest.read(GoldenCredentialTest.CREDENTIAL),
                Map.of(TestBadges.STATUS_LIST.toString(), GoldenCredentialTest.read(GoldenCredentialTest.STATUS_LIST)));

        assertThat(verdict.verified()).as(verdict.output()).isTrue();
    }

    @Test
    void failsATamperedCredential() throws Exception {
        String tampered = issued(11).replace("\"name\":\"Museum Explorer\"", "\"name\":\"Museum Expert\"");

        NodeVerifier.Verdict verdict = NodeVerifier.verify(work, tampered, statusList());

        assertThat(verdict.verified()).as(verdict.output()).isFalse();
        assertThat(verdict.output()).contains("Invalid signature");
        assertThat(ours(tampered)).isInstanceOf(Verification.Refused.class);
    }

    @Test
    void failsACredentialSignedWithAnotherKeyThanTheOneItNames() throws Exception {
        JsonObject signed = Json.createReader(new StringReader(issued(11))).readObject();
        JsonObject unsigned = Json.createObjectBuilder(signed).remove("proof").build();
        SigningKey wrong = TestBadges.key("key-1");
        String forged = EddsaRdfc2022.sign(unsigned, identity.verificationMethod(key.published()),
                TestBadges.ISSUED_ON, wrong.privateKey()).toString();

        NodeVerifier.Verdict verdict = NodeVerifier.verify(work, forged, statusList());

        assertThat(verdict.verified()).as(verdict.output()).isFalse();
        assertThat(verdict.output()).contains("Invalid signature");
        assertThat(ours(forged)).isInstanceOfSatisfying(Verification.Refused.class,
                r -> assertThat(r.reason()).isEqualTo(Verification.Reason.BAD_SIGNATURE));
    }

    @Test
    void failsARevokedCredentialAndStillPassesItsNeighbour() throws Exception {
        String revoked = issued(11);
        String neighbour = issued(12);
        list.revoke(11);

        NodeVerifier.Verdict refused = NodeVerifier.verify(work, revoked, statusList());
        NodeVerifier.Verdict passed = NodeVerifier.verify(work, neighbour, statusList());

        assertThat(refused.verified()).as(refused.output()).isFalse();
        assertThat(passed.verified()).as(passed.output()).isTrue();
        assertThat(ours(revoked)).isInstanceOfSatisfying(Verification.Refused.class,
                r -> assertThat(r.reason()).isEqualTo(Verification.Reason.REVOKED));
    }

    @Test
    void passesACredentialFromAnHttpsIssuerWhoseProfileAndKeyItIsServed() throws Exception {
        BadgeIssuer httpsIssuer = new BadgeIssuer(HTTPS, key, TestBadges.STATUS_LIST, TestBadges.ids());
        String credential = httpsIssuer.issue(TestBadges.museumExplorer(), TestBadges.recipient(), TestBadges.ISSUED_ON, 5);

        NodeVerifier.Verdict verdict = NodeVerifier.verify(work, credential, served(httpsIssuer, List.of(key)));

        assertThat(verdict.verified()).as(verdict.output()).isTrue();
    }

    @Test
    void passesOldAndNewCredentialsAfterAnHttpsIssuerRotatesItsKey() throws Exception {
        String old = new BadgeIssuer(HTTPS, key, TestBadges.STATUS_LIST, TestBadges.ids())
                .issue(TestBadges.museumExplorer(), TestBadges.recipient(), TestBadges.ISSUED_ON, 5);
        SigningKey next = TestBadges.key("key-2");
        BadgeIssuer rotated = new BadgeIssuer(HTTPS, next, TestBadges.STATUS_LIST, TestBadges.ids());
        String fresh = rotated.issue(TestBadges.museumExplorer(), TestBadges.recipient(), TestBadges.ISSUED_ON, 6);
        Map<String, String> bothPublished = served(rotated, List.of(key, next));

        NodeVerifier.Verdict oldVerdict = NodeVerifier.verify(work, old, bothPublished);
        NodeVerifier.Verdict freshVerdict = NodeVerifier.verify(work, fresh, bothPublished);
        NodeVerifier.Verdict unpublished = NodeVerifier.verify(work, old, served(rotated, List.of(next)));

        assertThat(oldVerdict.verified()).as(oldVerdict.output()).isTrue();
        assertThat(freshVerdict.verified()).as(freshVerdict.output()).isTrue();
        assertThat(unpublished.verified()).as(unpublished.output()).isFalse();
    }

    /**
     * What central serves for an https issuer: the status list signed by {@code current}, the profile
     * listing {@code published} keys, their key documents, and the public Multikey context (which the
     * verifier's loader does not bundle; a verifier elsewhere fetches it).
     */
    private Map<String, String> served(BadgeIssuer current, List<SigningKey> published) throws java.io.IOException {
        Map<String, String> served = new java.util.HashMap<>();
        served.put(TestBadges.STATUS_LIST.toString(), current.statusListCredential(list, TestBadges.ISSUED_ON));
        served.put(HTTPS.profileId(), IssuerDocuments.profile(HTTPS, published.stream().map(SigningKey::published).toList()));
        for (SigningKey k : published) {
            served.put(HTTPS.verificationMethod(k.published()), IssuerDocuments.key(HTTPS, k.published()));
        }
        try (var in = IndependentVerifierIT.class.getResourceAsStream("multikey-v1.jsonld")) {
            served.put("https://w3id.org/security/multikey/v1", new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
        return served;
    }
}
