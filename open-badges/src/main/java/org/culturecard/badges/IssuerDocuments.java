package org.culturecard.badges;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.util.List;
import org.culturecard.badges.keys.PublishedKey;

/**
 * The documents central serves for an https issuer ({@link IssuerIdentity.HttpsProfile}), so that
 * anyone can verify its credentials: the issuer profile at {@code <url>/badges/issuer}, listing
 * every published key (current and retired) as an {@code assertionMethod}, and each key's Multikey
 * document at {@code <url>/badges/keys/<keyId>}. A {@code did:key} issuer needs neither. The profile
 * defines {@code assertionMethod} in an embedded context (as the security vocabulary does), since
 * neither the VC 2.0 nor the Open Badges context has it and verifiers look it up there.
 */
public final class IssuerDocuments {
    static final String MULTIKEY_CONTEXT = "https://w3id.org/security/multikey/v1";

    private IssuerDocuments() {}

    /** The issuer profile (JSON), with {@code keys} as its assertion methods. */
    public static String profile(IssuerIdentity.HttpsProfile issuer, List<PublishedKey> keys) {
        JsonArrayBuilder methods = Json.createArrayBuilder();
        keys.forEach(key -> methods.add(issuer.verificationMethod(key)));
        return Json.createObjectBuilder()
                .add("@context", Json.createArrayBuilder().add("https://www.w3.org/ns/credentials/v2")
                        .add("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json").add(MULTIKEY_CONTEXT)
                        .add(Json.createObjectBuilder().add("assertionMethod", Json.createObjectBuilder()
                                .add("@id", "https://w3id.org/security#assertionMethod")
                                .add("@type", "@id").add("@container", "@set"))))
                .add("id", issuer.profileId())
                .add("type", Json.createArrayBuilder().add("Profile"))
                .add("name", issuer.name())
                .add("url", issuer.publicUrl().toString())
                .add("assertionMethod", methods)
                .build().toString();
    }

    /** The Multikey document (JSON) of {@code key}, controlled by the issuer profile. */
    public static String key(IssuerIdentity.HttpsProfile issuer, PublishedKey key) {
        return Json.createObjectBuilder()
                .add("@context", MULTIKEY_CONTEXT)
                .add("id", issuer.verificationMethod(key))
                .add("type", "Multikey")
                .add("controller", issuer.profileId())
                .add("publicKeyMultibase", key.publicKeyMultibase())
                .build().toString();
    }
}
