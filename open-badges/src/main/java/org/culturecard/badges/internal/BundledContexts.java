package org.culturecard.badges.internal;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.document.Document;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.jsonld.loader.DocumentLoaderOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;

/**
 * The only JSON-LD document loader open-badges uses: it serves the VC 2.0 and Open Badges 3.0.3
 * contexts from copies in the jar and refuses every other URL, so nothing is ever fetched at run
 * time (a credential naming another context is refused, not looked up). The copies come from the
 * npm packages the independent verifier uses (ADR 0034), byte for byte for VC 2.0.
 */
public final class BundledContexts implements DocumentLoader {
    public static final String VC_V2 = "https://www.w3.org/ns/credentials/v2";
    public static final String OB_V3P0 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";

    private static final BundledContexts INSTANCE = new BundledContexts();

    private final Map<String, JsonDocument> documents = Map.of(
            VC_V2, read("credentials-v2.jsonld"),
            OB_V3P0, read("ob-v3p0-context-3.0.3.json"));

    private BundledContexts() {}

    public static BundledContexts instance() {
        return INSTANCE;
    }

    @Override
    public Document loadDocument(URI url, DocumentLoaderOptions options) throws JsonLdError {
        JsonDocument document = documents.get(url.toString());
        if (document == null) {
            throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED,
                    "not a bundled context, and open-badges fetches nothing: " + url);
        }
        return document;
    }

    private static JsonDocument read(String name) {
        try (InputStream in = BundledContexts.class.getResourceAsStream("contexts/" + name)) {
            if (in == null) {
                throw new IllegalStateException("bundled context missing from the jar: " + name);
            }
            return JsonDocument.of(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JsonLdError e) {
            throw new IllegalStateException("bundled context " + name + " is not JSON", e);
        }
    }
}
