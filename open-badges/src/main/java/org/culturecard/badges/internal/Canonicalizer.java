package org.culturecard.badges.internal;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.rdf.api.RdfConsumerException;
import com.apicatalog.rdf.canon.RdfCanon;
import com.apicatalog.rdf.nquads.NQuadsWriter;
import jakarta.json.JsonObject;
import java.io.StringWriter;

/**
 * RDF Dataset Canonicalization (RDFC-1.0, SHA-256) of a JSON-LD document, as canonical N-Quads:
 * titanium-json-ld turns the document into RDF with the bundled contexts only, titanium-rdfc
 * canonicalizes it. Undefined terms are an error (JSON-LD "safe mode"), never silently dropped: a
 * property that is not in the contexts would otherwise be neither signed nor protected.
 */
final class Canonicalizer {
    private Canonicalizer() {}

    /** @throws IllegalArgumentException when the document is not valid JSON-LD with the bundled contexts */
    static String canonicalNQuads(JsonObject document) {
        JsonLdOptions options = new JsonLdOptions();
        options.setUndefinedTermsPolicy(JsonLdOptions.ProcessingPolicy.Fail);
        RdfCanon canon = RdfCanon.create("SHA-256");
        try {
            JsonLd.toRdf(JsonDocument.of(document)).options(options).loader(BundledContexts.instance()).provide(canon);
            StringWriter nquads = new StringWriter();
            canon.provide(new NQuadsWriter(nquads));
            return nquads.toString();
        } catch (JsonLdError e) {
            throw new IllegalArgumentException("not valid JSON-LD with the bundled contexts: " + e.getMessage(), e);
        } catch (RdfConsumerException e) {
            throw new IllegalStateException("canonical N-Quads could not be written", e);
        }
    }
}
