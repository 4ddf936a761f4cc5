package org.culturecard.badges.keys;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.NamedParameterSpec;
import java.util.Objects;
import org.culturecard.badges.internal.Ed25519Keys;

/**
 * The issuer's current Ed25519 key pair and its key id, loaded from a key file ({@link BadgeKeyFiles}).
 * Its {@code toString} never shows the private key.
 */
public record SigningKey(String keyId, PrivateKey privateKey, PublicKey publicKey) {
    public SigningKey {
        PublishedKey.requireKeyId(keyId);
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(publicKey, "publicKey");
    }

    /** A new Ed25519 key pair from {@code random}, with id {@code keyId} (kept in memory: {@link BadgeKeyFiles#create} writes one to a file). */
    public static SigningKey generate(String keyId, SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, random);
            KeyPair pair = generator.generateKeyPair();
            return new SigningKey(keyId, pair.getPrivate(), pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no Ed25519", e);
        }
    }

    /** What is published of this key: its id and public key. */
    public PublishedKey published() {
        return new PublishedKey(keyId, Ed25519Keys.publicKeyMultibase(publicKey));
    }

    @Override
    public String toString() {
        return "SigningKey[keyId=" + keyId + ", publicKeyMultibase=" + published().publicKeyMultibase() + "]";
    }
}
