package org.culturecard.central.web;

import io.javalin.http.Context;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The headers on every web response (ADR 0035): a Content-Security-Policy with no
 * {@code unsafe-inline} and no {@code unsafe-eval}, whose one inline script (GOV.UK Frontend's
 * {@code js-enabled} line) carries this response's nonce; no framing; no MIME sniffing; the
 * referrer kept to this origin; and HSTS when central serves TLS.
 */
final class SecurityHeaders {

    /** The request attribute holding this response's script nonce. */
    static final String NONCE = "culturecard.web.nonce";
    private static final Base64.Encoder B64 = Base64.getEncoder();

    private final SecureRandom random;
    private final boolean tls;

    SecurityHeaders(SecureRandom random, boolean tls) {
        this.random = random;
        this.tls = tls;
    }

    /** Sets the headers and the nonce attribute. */
    void apply(Context ctx) {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        String nonce = B64.encodeToString(bytes);
        ctx.attribute(NONCE, nonce);
        ctx.header("Content-Security-Policy", policy(nonce));
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
        ctx.header("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
        if (tls) {
            ctx.header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
    }

    /** The policy for one response. */
    static String policy(String nonce) {
        return "default-src 'self'; script-src 'self' 'nonce-" + nonce + "'; style-src 'self'; img-src 'self' data:;"
                + " font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self';"
                + " frame-ancestors 'none'";
    }
}
