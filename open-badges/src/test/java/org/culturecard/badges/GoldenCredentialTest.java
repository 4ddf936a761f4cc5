package org.culturecard.badges;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.culturecard.badges.internal.Ed25519Keys;
import org.culturecard.badges.keys.SigningKey;
import org.culturecard.badges.status.BitstringStatusList;
import org.junit.jupiter.api.Test;

/**
 * A credential and its status list signed with the W3C cryptosuite spec's test key: Ed25519 is
 * deterministic, so the same input gives the same bytes. The golden files pin what we issue (any
 * change to the credential's shape, the contexts or the canonicalization shows here), and
 * IndependentVerifierIT has the JavaScript verifier pass them. Regenerate on purpose with
 * {@code -Dgolden.update=true}.
 */
class GoldenCredentialTest {
    static final Path GOLDEN = Path.of("src/test/resources/org/culturecard/badges/golden");
    static final String CREDENTIAL = "museum-explorer.did-key.json";
    static final String STATUS_LIST = "status-list.did-key.json";

    /** The key pair of W3C "Data Integrity EdDSA Cryptosuites v1.0", appendix A: public, never for real use. */
    static SigningKey specKey() {
        return new SigningKey("w3c-test", Ed25519Keys.privateKey("z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq"),
                Ed25519Keys.publicKey("z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"));
    }

    static BadgeIssuer specIssuer() {
        return new BadgeIssuer(new IssuerIdentity.DidKey("Culture Card"), specKey(), TestBadges.STATUS_LIST, TestBadges.ids());
    }

    static BitstringStatusList listRevoking42() {
        BitstringStatusList list = BitstringStatusList.empty();
        list.revoke(42);
        return list;
    }

    @Test
    void issuesTheGoldenCredentialByteForByte() throws IOException {
        String credential = specIssuer().issue(TestBadges.museumExplorer(), TestBadges.recipient(), TestBadges.ISSUED_ON, 7);

        assertThat(credential).isEqualTo(golden(CREDENTIAL, credential));
    }

    @Test
    void signsTheGoldenStatusListByteForByte() throws IOException {
        String statusList = specIssuer().statusListCredential(listRevoking42(), TestBadges.ISSUED_ON);

        assertThat(statusList).isEqualTo(golden(STATUS_LIST, statusList));
    }

    @Test
    void theGoldenCredentialVerifiesInJava() throws IOException {
        String statusList = read(STATUS_LIST);
        BadgeVerifier verifier = new BadgeVerifier(new IssuerIdentity.DidKey("Culture Card"), List.of(specKey().published()),
                url -> url.equals(TestBadges.STATUS_LIST) ? Optional.of(statusList) : Optional.empty(), TestBadges.CLOCK);

        assertThat(verifier.verify(read(CREDENTIAL))).isInstanceOf(Verification.Verified.class);
    }

    static String read(String name) throws IOException {
        return Files.readString(GOLDEN.resolve(name), StandardCharsets.UTF_8).strip();
    }

    private static String golden(String name, String actual) throws IOException {
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(GOLDEN.resolve(name), actual + "\n", StandardCharsets.UTF_8);
        }
        return read(name);
    }
}
