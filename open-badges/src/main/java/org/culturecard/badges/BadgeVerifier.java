package org.culturecard.badges;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.culturecard.badges.Verification.Reason;
import org.culturecard.badges.Verification.Refused;
import org.culturecard.badges.internal.EddsaRdfc2022;
import org.culturecard.badges.keys.PublishedKey;
import org.culturecard.badges.status.BitstringStatusList;

/**
 * Verifies an {@code OpenBadgeCredential} the way {@link BadgeIssuer} makes them: the proof's key is
 * one of the issuer's published keys (current or retired), the issuer is the one that key belongs
 * to, the {@code eddsa-rdfc-2022} signature holds over the credential as it is, it is valid now
 * ({@code validFrom}, and {@code validUntil} when there is one), and its bit in its
 * status list (a signed credential, checked the same way) is not set. Thread-safe.
 */
public final class BadgeVerifier {
    private final Map<String, TrustedKey> keys = new HashMap<>();
    private final StatusListSource statusLists;
    private final Clock clock;

    /** Trusts {@code published} keys of {@code identity}; gets status lists from {@code statusLists}; now is {@code clock}'s. */
    public BadgeVerifier(IssuerIdentity identity, Collection<PublishedKey> published, StatusListSource statusLists, Clock clock) {
        for (PublishedKey key : published) {
            keys.put(identity.verificationMethod(key), new TrustedKey(key, identity.issuerId(key)));
        }
        this.statusLists = Objects.requireNonNull(statusLists, "statusLists");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Verification verify(String credentialJson) {
        try {
            JsonObject credential = parse(credentialJson);
            if (!types(credential).contains(Json.createValue("OpenBadgeCredential"))) {
                return new Refused(Reason.MALFORMED, "not an OpenBadgeCredential");
            }
            Optional<Refused> refused = checkProof(credential);
            if (refused.isPresent()) {
                return refused.get();
            }
            refused = checkValidity(credential);
            if (refused.isPresent()) {
                return refused.get();
            }
            refused = checkStatus(credential);
            if (refused.isPresent()) {
                return refused.get();
            }
            String achievementId = credential.getJsonObject("credentialSubject").getJsonObject("achievement").getString("id");
            return new Verification.Verified(credential.getString("id"), issuerId(credential), achievementId);
        } catch (IllegalArgumentException | IndexOutOfBoundsException | DateTimeParseException | JsonException | ClassCastException
                | NullPointerException e) {
            // jakarta.json's getters throw NullPointerException for a missing field and ClassCastException for
            // one of another JSON type: either way the credential is not one we issue.
            return new Refused(Reason.MALFORMED, e.getMessage());
        }
    }

    private Optional<Refused> checkProof(JsonObject credential) {
        String method = EddsaRdfc2022.proofOf(credential).getString("verificationMethod");
        TrustedKey key = keys.get(method);
        if (key == null) {
            return Optional.of(new Refused(Reason.UNKNOWN_KEY, "not a key of this issuer: " + method));
        }
        if (!key.issuerId().equals(issuerId(credential))) {
            return Optional.of(new Refused(Reason.WRONG_ISSUER, "key " + key.key().keyId() + " is " + key.issuerId()
                    + "'s, not " + issuerId(credential) + "'s"));
        }
        if (!EddsaRdfc2022.verify(credential, key.key().publicKey())) {
            return Optional.of(new Refused(Reason.BAD_SIGNATURE, "the signature does not match the credential"));
        }
        return Optional.empty();
    }

    private Optional<Refused> checkValidity(JsonObject credential) {
        Instant now = clock.instant();
        Instant validFrom = Instant.parse(credential.getString("validFrom"));
        if (validFrom.isAfter(now)) {
            return Optional.of(new Refused(Reason.NOT_YET_VALID, "valid from " + validFrom));
        }
        String validUntil = credential.getString("validUntil", null);
        if (validUntil != null && Instant.parse(validUntil).isBefore(now)) {
            return Optional.of(new Refused(Reason.EXPIRED, "valid until " + validUntil));
        }
        return Optional.empty();
    }

    private Optional<Refused> checkStatus(JsonObject credential) {
        JsonObject status = credential.getJsonObject("credentialStatus");
        if (status == null || !"BitstringStatusListEntry".equals(status.getString("type", null))
                || !"revocation".equals(status.getString("statusPurpose", null))) {
            return Optional.of(new Refused(Reason.MALFORMED, "no BitstringStatusListEntry for revocation"));
        }
        URI url = URI.create(status.getString("statusListCredential"));
        int index = Integer.parseInt(status.getString("statusListIndex"));
        Optional<String> listJson = statusLists.statusListCredential(url);
        if (listJson.isEmpty()) {
            return Optional.of(new Refused(Reason.STATUS_UNAVAILABLE, "no status list credential at " + url));
        }
        JsonObject list = parse(listJson.get());
        Optional<Refused> listRefused = checkProof(list);
        if (listRefused.isPresent() || !types(list).contains(Json.createValue("BitstringStatusListCredential"))
                || !url.toString().equals(list.getString("id", null)) || !issuerId(list).equals(issuerId(credential))) {
            return Optional.of(new Refused(Reason.STATUS_UNAVAILABLE, "the status list credential at " + url
                    + " does not verify as this issuer's" + listRefused.map(r -> ": " + r.detail()).orElse("")));
        }
        JsonObject subject = list.getJsonObject("credentialSubject");
        if (!"revocation".equals(subject.getString("statusPurpose", null))) {
            return Optional.of(new Refused(Reason.STATUS_UNAVAILABLE, "the status list at " + url + " is not for revocation"));
        }
        if (BitstringStatusList.decode(subject.getString("encodedList")).isRevoked(index)) {
            return Optional.of(new Refused(Reason.REVOKED, "revoked: bit " + index + " of " + url));
        }
        return Optional.empty();
    }

    private static JsonObject parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    private static JsonArray types(JsonObject document) {
        JsonValue type = document.get("type");
        return type instanceof JsonArray array ? array : Json.createArrayBuilder().add(type).build();
    }

    private static String issuerId(JsonObject credential) {
        JsonValue issuer = credential.get("issuer");
        return issuer instanceof JsonString id ? id.getString() : ((JsonObject) issuer).getString("id");
    }

    private record TrustedKey(PublishedKey key, String issuerId) {}
}
