package org.culturecard.badges.internal;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The {@code eddsa-rdfc-2022} cryptosuite of W3C "Data Integrity EdDSA Cryptosuites v1.0", section
 * 3.3, on a JSON-LD document: transformation (RDFC-1.0 of the document without its proof), proof
 * configuration (the proof options without {@code proofValue}, with the document's {@code @context},
 * canonicalized), hashing (SHA-256 of the proof configuration, then SHA-256 of the document,
 * concatenated: 64 bytes), Ed25519 over those bytes with the JDK's own provider, and the signature as
 * a base58btc multibase {@code proofValue}. Written by hand because iron-verifiable-credentials 0.14.0
 * does not interoperate (ADR 0034).
 */
public final class EddsaRdfc2022 {
    public static final String TYPE = "DataIntegrityProof";
    public static final String CRYPTOSUITE = "eddsa-rdfc-2022";
    public static final String ASSERTION_METHOD = "assertionMethod";
    private static final String PROOF = "proof";
    private static final String PROOF_VALUE = "proofValue";

    private EddsaRdfc2022() {}

    /**
     * {@code unsecured} with a {@code proof} by {@code key}, named {@code verificationMethod}, created
     * at {@code created} (to the second).
     *
     * @throws IllegalArgumentException when the document already has a proof or is not valid JSON-LD
     */
    public static JsonObject sign(JsonObject unsecured, String verificationMethod, Instant created, PrivateKey key) {
        if (unsecured.containsKey(PROOF)) {
            throw new IllegalArgumentException("the document already has a proof");
        }
        JsonObject options = Json.createObjectBuilder()
                .add("type", TYPE)
                .add("cryptosuite", CRYPTOSUITE)
                .add("created", created.truncatedTo(ChronoUnit.SECONDS).toString())
                .add("verificationMethod", verificationMethod)
                .add("proofPurpose", ASSERTION_METHOD)
                .build();
        byte[] signature;
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initSign(key);
            ed25519.update(hashData(unsecured, options));
            signature = ed25519.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
        return Json.createObjectBuilder(unsecured)
                .add(PROOF, Json.createObjectBuilder(options).add(PROOF_VALUE, Base58Btc.encodeMultibase(signature)))
                .build();
    }

    /**
     * Whether {@code secured}'s one proof is an {@code eddsa-rdfc-2022} assertion proof whose signature
     * {@code key} made over the document as it is now.
     *
     * @throws IllegalArgumentException when there is no such proof, or the document is not valid JSON-LD
     */
    public static boolean verify(JsonObject secured, PublicKey key) {
        JsonObject proof = proofOf(secured);
        if (!TYPE.equals(proof.getString("type", null)) || !CRYPTOSUITE.equals(proof.getString("cryptosuite", null))
                || !ASSERTION_METHOD.equals(proof.getString("proofPurpose", null))) {
            throw new IllegalArgumentException("the proof is not a DataIntegrityProof with eddsa-rdfc-2022 for assertionMethod");
        }
        JsonValue value = proof.get(PROOF_VALUE);
        if (!(value instanceof JsonString proofValue)) {
            throw new IllegalArgumentException("the proof has no proofValue");
        }
        JsonObject unsecured = Json.createObjectBuilder(secured).remove(PROOF).build();
        JsonObject options = Json.createObjectBuilder(proof).remove(PROOF_VALUE).build();
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initVerify(key);
            ed25519.update(hashData(unsecured, options));
            return ed25519.verify(Base58Btc.decodeMultibase(proofValue.getString()));
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** The proof of {@code secured}: exactly one, an object. */
    public static JsonObject proofOf(JsonObject secured) {
        JsonValue proof = secured.get(PROOF);
        if (!(proof instanceof JsonObject object)) {
            throw new IllegalArgumentException("the credential has no proof, or more than one");
        }
        return object;
    }

    private static byte[] hashData(JsonObject unsecured, JsonObject proofOptions) throws GeneralSecurityException {
        if (!unsecured.containsKey("@context")) {
            throw new IllegalArgumentException("the document has no @context");
        }
        JsonObject proofConfig = Json.createObjectBuilder(proofOptions).add("@context", unsecured.get("@context")).build();
        byte[] configHash = sha256(Canonicalizer.canonicalNQuads(proofConfig));
        byte[] documentHash = sha256(Canonicalizer.canonicalNQuads(unsecured));
        byte[] data = new byte[configHash.length + documentHash.length];
        System.arraycopy(configHash, 0, data, 0, configHash.length);
        System.arraycopy(documentHash, 0, data, configHash.length, documentHash.length);
        return data;
    }

    private static byte[] sha256(String text) throws GeneralSecurityException {
        return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    }
}
