package org.culturecard.badges;

/** What {@link BadgeVerifier} found: a verified credential, or why it was refused. */
public sealed interface Verification permits Verification.Verified, Verification.Refused {

    /** The signature holds, the key is the issuer's, and the credential is not revoked. */
    record Verified(String credentialId, String issuerId, String achievementId) implements Verification {}

    /** Refused, with the reason and a detail for logs (never personal data: a credential holds none). */
    record Refused(Reason reason, String detail) implements Verification {}

    enum Reason {
        /** Not JSON, not an OpenBadgeCredential, or not valid JSON-LD with the bundled contexts. */
        MALFORMED,
        /** The proof names a key this verifier does not trust. */
        UNKNOWN_KEY,
        /** The key is trusted but the credential names another issuer. */
        WRONG_ISSUER,
        /** The signature does not match the credential as it is (tampered, or signed by another key). */
        BAD_SIGNATURE,
        /** Its {@code validFrom} is later than now. */
        NOT_YET_VALID,
        /** Its {@code validUntil} has passed. */
        EXPIRED,
        /** Its bit is set in its status list. */
        REVOKED,
        /** Its status list credential could not be had, or did not verify. */
        STATUS_UNAVAILABLE
    }
}
