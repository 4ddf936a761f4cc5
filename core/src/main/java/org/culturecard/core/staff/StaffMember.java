package org.culturecard.core.staff;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.culturecard.core.privacy.Token;

/**
 * A venue's staff member as central keeps them and the venue config carries them: a display name,
 * the PBKDF2 hash of their PIN (never the PIN) and the token of their staff card (never its UID),
 * either of which may be missing, and when they were revoked. A revoked member stays in the
 * config so that every kiosk refuses their card by name rather than take it for a young person's.
 *
 * @param pinHash   {@link PinHasher}'s stored form, or null for a member with no PIN
 * @param cardToken the staff card's token under the scheme key, or null for a member with no card
 * @param revokedAt when IT revoked them, or null while they may sign in
 */
public record StaffMember(UUID id, String displayName, String pinHash, Token cardToken, Instant revokedAt) {
    public static final int MAX_NAME = 80;

    public StaffMember {
        Objects.requireNonNull(id, "id");
        displayName = checkedName(displayName);
        if (pinHash != null) {
            checkedPinHash(pinHash);
        }
        if (pinHash == null && cardToken == null) {
            throw new IllegalArgumentException("staff member " + id + " has neither a pinHash nor a cardToken");
        }
    }

    /**
     * A display name as staff see it on the kiosk: 1 to {@value #MAX_NAME} characters after
     * trimming, and no control characters (it reaches screens and logs).
     *
     * @throws IllegalArgumentException naming the field otherwise
     */
    public static String checkedName(String name) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty() || stripped.length() > MAX_NAME) {
            throw new IllegalArgumentException("displayName is 1 to " + MAX_NAME + " characters");
        }
        if (stripped.codePoints().anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT)) {
            throw new IllegalArgumentException("displayName may not contain control characters");
        }
        return stripped;
    }

    /**
     * A PIN hash as {@link PinHasher} writes it, never a PIN.
     *
     * @throws IllegalArgumentException naming the field (and not echoing the value) otherwise
     */
    public static String checkedPinHash(String pinHash) {
        if (!PinHasher.isWellFormedHash(pinHash)) {
            throw new IllegalArgumentException("pinHash is not a PBKDF2 hash in the form"
                    + " pbkdf2-sha256$<iterations>$<salt>$<hash> (hash the PIN where it is typed; never send the PIN)");
        }
        return pinHash;
    }

    public boolean hasPin() {
        return pinHash != null;
    }

    public boolean hasCard() {
        return cardToken != null;
    }

    public boolean revoked() {
        return revokedAt != null;
    }
}
