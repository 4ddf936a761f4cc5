package org.culturecard.badges;

import java.net.URI;
import java.util.Objects;
import org.culturecard.badges.keys.PublishedKey;

/**
 * Who the issuer is in a credential, and how a verifier finds its key. A {@code did:key} (the
 * default) needs nothing served: the identifier is the public key, so each key is its own issuer id
 * and rotating the key changes it. An https profile keeps one issuer id across keys, at the public
 * URL central is reached at: the profile at {@code <url>/badges/issuer}, each key's Multikey document
 * at {@code <url>/badges/keys/<keyId>} (see {@link IssuerDocuments}).
 */
public sealed interface IssuerIdentity permits IssuerIdentity.DidKey, IssuerIdentity.HttpsProfile {

    /** The issuer's name, shown by wallets and verifiers: the partnership, never a person. */
    String name();

    /** The issuer's id in credentials signed with {@code key}. */
    String issuerId(PublishedKey key);

    /** The proof's {@code verificationMethod} for {@code key}. */
    String verificationMethod(PublishedKey key);

    /** {@code did:key:z6Mk...}, its verification method {@code did:key:z6Mk...#z6Mk...} (did:key method, Multikey). */
    record DidKey(String name) implements IssuerIdentity {
        public DidKey {
            AchievementInfo.requireText("issuer name", name);
        }

        @Override
        public String issuerId(PublishedKey key) {
            return "did:key:" + key.publicKeyMultibase();
        }

        @Override
        public String verificationMethod(PublishedKey key) {
            return issuerId(key) + "#" + key.publicKeyMultibase();
        }
    }

    /** An https issuer profile under {@code publicUrl} (https only, no query or fragment, no trailing slash needed). */
    record HttpsProfile(String name, URI publicUrl) implements IssuerIdentity {
        public HttpsProfile {
            AchievementInfo.requireText("issuer name", name);
            Objects.requireNonNull(publicUrl, "issuer public URL");
            if (!"https".equals(publicUrl.getScheme()) || publicUrl.getHost() == null || publicUrl.getQuery() != null
                    || publicUrl.getFragment() != null) {
                throw new IllegalArgumentException("issuer public URL must be https://host[/path], without query or"
                        + " fragment: " + publicUrl);
            }
            String text = publicUrl.toString();
            publicUrl = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        }

        /** The profile's id: {@code <url>/badges/issuer}. */
        public String profileId() {
            return publicUrl + "/badges/issuer";
        }

        @Override
        public String issuerId(PublishedKey key) {
            return profileId();
        }

        @Override
        public String verificationMethod(PublishedKey key) {
            return publicUrl + "/badges/keys/" + key.keyId();
        }
    }
}
