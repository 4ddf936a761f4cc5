package org.culturecard.badges;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import org.culturecard.badges.internal.BundledContexts;
import org.culturecard.badges.internal.EddsaRdfc2022;
import org.culturecard.badges.keys.PublishedKey;
import org.culturecard.badges.keys.SigningKey;
import org.culturecard.badges.status.BitstringStatusList;

/**
 * Issues Open Badges 3.0 {@code OpenBadgeCredential}s (VC Data Model 2.0) signed with the current key
 * (Data Integrity, {@code eddsa-rdfc-2022}), each with a {@code BitstringStatusListEntry} at its index
 * in the issuer's status list, and signs that status list credential. Stateless and thread-safe; the
 * caller owns the status list and hands out indexes (each index once, never reused).
 */
public final class BadgeIssuer {
    private final IssuerIdentity identity;
    private final SigningKey key;
    private final PublishedKey published;
    private final URI statusList;
    private final Supplier<UUID> credentialIds;

    /**
     * @param statusList    the URL at which this key's status list credential is served
     * @param credentialIds makes each credential's id ({@code urn:uuid:...})
     */
    public BadgeIssuer(IssuerIdentity identity, SigningKey key, URI statusList, Supplier<UUID> credentialIds) {
        this.identity = Objects.requireNonNull(identity, "identity");
        this.key = Objects.requireNonNull(key, "key");
        this.published = key.published();
        this.statusList = Objects.requireNonNull(statusList, "statusList");
        this.credentialIds = Objects.requireNonNull(credentialIds, "credentialIds");
    }

    /**
     * The signed credential, as JSON: {@code recipient} earned {@code achievement} on {@code issuedOn}
     * ({@code validFrom} and the proof's {@code created}); bit {@code statusIndex} of the status list
     * revokes it.
     */
    public String issue(AchievementInfo achievement, Recipient recipient, Instant issuedOn, int statusIndex) {
        if (statusIndex < 0) {
            throw new IllegalArgumentException("statusIndex must not be negative: " + statusIndex);
        }
        JsonObject credential = Json.createObjectBuilder()
                .add("@context", Json.createArrayBuilder().add(BundledContexts.VC_V2).add(BundledContexts.OB_V3P0))
                .add("id", "urn:uuid:" + credentialIds.get())
                .add("type", Json.createArrayBuilder().add("VerifiableCredential").add("OpenBadgeCredential"))
                .add("issuer", issuerProfile())
                .add("validFrom", seconds(issuedOn))
                .add("name", achievement.name())
                .add("credentialSubject", Json.createObjectBuilder()
                        .add("type", Json.createArrayBuilder().add("AchievementSubject"))
                        .add("identifier", Json.createArrayBuilder().add(identityObject(recipient)))
                        .add("achievement", achievement(achievement)))
                .add("credentialStatus", Json.createObjectBuilder()
                        .add("id", statusList + "#" + statusIndex)
                        .add("type", "BitstringStatusListEntry")
                        .add("statusPurpose", "revocation")
                        .add("statusListIndex", Integer.toString(statusIndex))
                        .add("statusListCredential", statusList.toString()))
                .build();
        return sign(credential, issuedOn);
    }

    /** The signed {@code BitstringStatusListCredential} for {@code list}, valid from {@code validFrom}, served at the status list URL. */
    public String statusListCredential(BitstringStatusList list, Instant validFrom) {
        JsonObject credential = Json.createObjectBuilder()
                .add("@context", Json.createArrayBuilder().add(BundledContexts.VC_V2))
                .add("id", statusList.toString())
                .add("type", Json.createArrayBuilder().add("VerifiableCredential").add("BitstringStatusListCredential"))
                .add("issuer", identity.issuerId(published))
                .add("validFrom", seconds(validFrom))
                .add("credentialSubject", Json.createObjectBuilder()
                        .add("id", statusList + "#list")
                        .add("type", "BitstringStatusList")
                        .add("statusPurpose", "revocation")
                        .add("encodedList", list.encode()))
                .build();
        return sign(credential, validFrom);
    }

    /** The key credentials are signed with now. */
    public PublishedKey currentKey() {
        return published;
    }

    private String sign(JsonObject credential, Instant created) {
        return EddsaRdfc2022.sign(credential, identity.verificationMethod(published), created, key.privateKey()).toString();
    }

    private JsonObjectBuilder issuerProfile() {
        JsonObjectBuilder profile = Json.createObjectBuilder()
                .add("id", identity.issuerId(published))
                .add("type", Json.createArrayBuilder().add("Profile"))
                .add("name", identity.name());
        if (identity instanceof IssuerIdentity.HttpsProfile https) {
            profile.add("url", https.publicUrl().toString());
        }
        return profile;
    }

    private static JsonObjectBuilder identityObject(Recipient recipient) {
        return Json.createObjectBuilder()
                .add("type", "IdentityObject")
                .add("identityHash", recipient.identityHash())
                .add("identityType", "identifier")
                .add("hashed", true)
                .add("salt", recipient.salt());
    }

    private static JsonObjectBuilder achievement(AchievementInfo achievement) {
        JsonArrayBuilder tags = Json.createArrayBuilder();
        achievement.tags().forEach(tags::add);
        JsonArrayBuilder alignments = Json.createArrayBuilder();
        for (Alignment alignment : achievement.alignments()) {
            JsonObjectBuilder a = Json.createObjectBuilder()
                    .add("type", Json.createArrayBuilder().add("Alignment"))
                    .add("targetName", alignment.targetName())
                    .add("targetUrl", alignment.targetUrl().toString())
                    .add("targetFramework", alignment.targetFramework());
            alignment.targetCode().ifPresent(code -> a.add("targetCode", code));
            alignments.add(a);
        }
        return Json.createObjectBuilder()
                .add("id", achievement.id().toString())
                .add("type", Json.createArrayBuilder().add("Achievement"))
                .add("name", achievement.name())
                .add("description", achievement.description())
                .add("criteria", Json.createObjectBuilder().add("narrative", achievement.criteriaNarrative()))
                .add("image", Json.createObjectBuilder().add("id", achievement.image().toString()).add("type", "Image"))
                .add("tag", tags)
                .add("alignment", alignments);
    }

    private static String seconds(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
