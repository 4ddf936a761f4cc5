package org.culturecard.central.badges;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.culturecard.badges.BadgeIssuer;
import org.culturecard.badges.BadgeVerifier;
import org.culturecard.badges.IssuerIdentity;
import org.culturecard.badges.NodeVerifier;
import org.culturecard.badges.Verification;
import org.culturecard.badges.keys.SigningKey;
import org.culturecard.central.recognition.AchievementBook;
import org.culturecard.central.recognition.Recognition;
import org.culturecard.central.store.PostgresCheckInStore;
import org.culturecard.core.card.CardKind;
import org.culturecard.core.checkin.CheckIn;
import org.culturecard.core.ids.KioskId;
import org.culturecard.core.ids.UuidV7;
import org.culturecard.core.ids.VenueId;
import org.culturecard.core.privacy.Token;
import org.culturecard.core.wire.CheckInBatch;
import org.culturecard.testsupport.postgres.PostgresExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Credentials on real PostgreSQL for an award the recognition evaluator made from stored check-ins,
 * checked by the independent node verifier (open-badges' test runner; skipped without node, failed
 * with CI=true): it passes, a tampered copy fails, and after revocation it fails on its status bit.
 */
class CredentialsIT {
    @RegisterExtension
    static final PostgresExtension DB = new PostgresExtension();

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC);
    private static final Instant T0 = Instant.parse("2026-02-02T10:00:00Z");
    private static final URI PUBLIC = URI.create("https://central.example.org");
    private static final URI STATUS = URI.create(PUBLIC + "/badges/status/1");
    private static final String DEFINITIONS = """
            {"achievements": [
              {"id": "three-visits", "version": 1, "name": "Regular", "description": "Three visits",
               "criteria": "Check in three times", "image": "badges/regular.png", "issuer": "Region of Learning",
               "alignment": {"takingPartCategory": "museums-galleries", "learningLayer": "engage"},
               "rule": {"type": "count", "count": 3}}
            ], "pathways": []}
            """;

    @TempDir
    Path dir;

    private final Random random = new Random(34);
    private final UuidV7 ids = new UuidV7(CLOCK, random);

    private final List<PostgresCheckInStore> opened = new ArrayList<>();

    /** Central's parts for one database: the check-in store, the evaluator, the credentials service. */
    private record Central(String url, PostgresCheckInStore store, Recognition recognition, Credentials credentials,
            IssuerIdentity identity, SigningKey key) {
    }

    @AfterEach
    void closeStores() {
        opened.forEach(PostgresCheckInStore::close);
    }

    private Central open(String name) throws Exception {
        String url = DB.server().createDatabase(name);
        PostgresCheckInStore store = PostgresCheckInStore.open(url, DB.server().user(), DB.server().password(), 4, CLOCK);
        opened.add(store);
        Path file = Files.writeString(dir.resolve(name + ".json"), DEFINITIONS, StandardCharsets.UTF_8);
        Recognition recognition = new Recognition(store.dataSource(), AchievementBook.load(file), CLOCK);
        IssuerIdentity identity = new IssuerIdentity.DidKey("Region of Learning");
        SigningKey key = SigningKey.generate("key-1", new SecureRandom());
        BadgeIssuer issuer = new BadgeIssuer(identity, key, STATUS, UUID::randomUUID);
        return new Central(url, store, recognition,
                new Credentials(store.dataSource(), recognition, issuer, PUBLIC, new SecureRandom(), CLOCK), identity, key);
    }

    private Token token() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Token.of(HexFormat.of().formatHex(bytes));
    }

    /** {@code n} taps a day apart at the library, stored as ingest stores them, then the evaluator's tick. */
    private void tap(Central central, Token token, int n) {
        List<CheckIn> taps = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            taps.add(new CheckIn(ids.get(), i + 1, token, null, VenueId.of("library"), KioskId.of("l1"),
                    T0.plusSeconds(86_400L * i), true, CardKind.MIFARE_CLASSIC_1K, "0.1.0"));
        }
        central.store().insertBatch(CheckInBatch.of(UUID.randomUUID(), KioskId.of("l1"), VenueId.of("library"),
                UUID.nameUUIDFromBytes("l1".getBytes(StandardCharsets.UTF_8)), T0, taps));
        central.recognition().evaluateDirty();
    }

    private NodeVerifier.Verdict verify(Central central, String credential) throws Exception {
        return NodeVerifier.verify(dir, credential, Map.of(STATUS.toString(), central.credentials().statusListCredential()));
    }

    @Test
    void anEarnedAwardsCredentialPassesTheIndependentVerifierUntilItIsRevoked() throws Exception {
        NodeVerifier.requireInstalled();
        Central central = open("badges_verify");
        Token token = token();
        tap(central, token, 3);

        String credential = central.credentials().issue(token.value(), "three-visits");
        NodeVerifier.Verdict issued = verify(central, credential);
        NodeVerifier.Verdict tampered = verify(central, credential.replace("Three visits", "Thirty visits"));
        central.credentials().revoke(token.value(), "three-visits");
        NodeVerifier.Verdict revoked = verify(central, credential);
        Verification ours = new BadgeVerifier(central.identity(), List.of(central.key().published()),
                url -> Optional.of(central.credentials().statusListCredential()), CLOCK).verify(credential);

        assertThat(credential).contains("\"name\":\"Regular\"", "sha256$", STATUS + "#0")
                .doesNotContain(token.value());
        assertThat(issued.verified()).as(issued.output()).isTrue();
        assertThat(tampered.verified()).as(tampered.output()).isFalse();
        assertThat(tampered.output()).contains("Invalid signature");
        assertThat(revoked.verified()).as(revoked.output()).isFalse();
        assertThat(revoked.output()).contains("revoked");
        assertThat(ours).isInstanceOfSatisfying(Verification.Refused.class,
                r -> assertThat(r.reason()).isEqualTo(Verification.Reason.REVOKED));
    }

    @Test
    void issuesOnlyEarnedAwardsAndKeepsOneStatusIndexAndRecipientPerAward() throws Exception {
        Central central = open("badges_rows");
        Token earned = token();
        Token notYet = token();
        tap(central, earned, 3);
        tap(central, notYet, 2);

        String first = central.credentials().issue(earned.value(), "three-visits");
        String again = central.credentials().issue(earned.value(), "three-visits");

        assertThat(statusIndex(first)).isEqualTo(statusIndex(again)).isEqualTo("0");
        assertThat(recipient(first)).isEqualTo(recipient(again));
        assertThatThrownBy(() -> central.credentials().issue(notYet.value(), "three-visits"))
                .isInstanceOf(NoSuchElementException.class).hasMessageContaining("not earned");
        assertThatThrownBy(() -> central.credentials().issue(token().value(), "three-visits"))
                .isInstanceOf(NoSuchElementException.class).hasMessageContaining("no person");
        assertThatThrownBy(() -> central.credentials().issue(earned.value(), "no-such"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("achievement");
        assertThatThrownBy(() -> central.credentials().revoke(notYet.value(), "three-visits"))
                .isInstanceOf(NoSuchElementException.class);
        assertThat(rows(central, "SELECT count(*) FROM badge_credentials")).isEqualTo(1);
        assertThat(rows(central, "SELECT count(*) FROM badge_recipients")).isEqualTo(1);
    }

    @Test
    void theStatusListIsSignedAgainOnlyWhenABitChanges() throws Exception {
        Central central = open("badges_status");
        Token token = token();
        tap(central, token, 3);
        central.credentials().issue(token.value(), "three-visits");

        String before = central.credentials().statusListCredential();
        String unchanged = central.credentials().statusListCredential();
        central.credentials().revoke(token.value(), "three-visits");
        String after = central.credentials().statusListCredential();

        assertThat(unchanged).isSameAs(before);
        assertThat(after).isNotEqualTo(before);
        assertThat(rows(central, "SELECT count(*) FROM badge_credentials WHERE revoked_at IS NOT NULL")).isEqualTo(1);
    }

    private static String statusIndex(String credential) {
        return credential.replaceAll(".*\"statusListIndex\":\"(\\d+)\".*", "$1");
    }

    private static String recipient(String credential) {
        return credential.replaceAll(".*\"identityHash\":\"([^\"]+)\".*", "$1");
    }

    private static long rows(Central central, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(central.url(), DB.server().user(), DB.server().password());
             ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
