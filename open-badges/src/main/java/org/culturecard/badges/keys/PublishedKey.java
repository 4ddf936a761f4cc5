package org.culturecard.badges.keys;

import java.security.PublicKey;
import java.util.regex.Pattern;
import org.culturecard.badges.internal.Ed25519Keys;

/**
 * The public half of a signing key, as published (an https issuer lists every key it ever signed
 * with, so credentials signed with a retired key still verify). {@code publicKeyMultibase} is the
 * Multikey form ({@code z6Mk...}).
 */
public record PublishedKey(String keyId, String publicKeyMultibase) {
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public PublishedKey {
        requireKeyId(keyId);
        Ed25519Keys.publicKey(publicKeyMultibase);
    }

    public PublicKey publicKey() {
        return Ed25519Keys.publicKey(publicKeyMultibase);
    }

    /** A key id is 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit: it goes into URLs. */
    static String requireKeyId(String keyId) {
        if (keyId == null || !KEY_ID.matcher(keyId).matches()) {
            throw new IllegalArgumentException("key id must be 1 to 64 of [A-Za-z0-9._-], starting with a letter or digit: "
                    + (keyId == null ? "null" : '"' + keyId + '"'));
        }
        return keyId;
    }
}
