package org.culturecard.central.web;

import io.javalin.http.Context;

/**
 * The session cookie: HttpOnly, SameSite=Strict, Path=/admin, no Max-Age (gone with the browser),
 * and over TLS Secure with the {@code __Host-} prefix (so no other host or path can set it).
 */
final class SessionCookie {

    private final String name;
    private final boolean tls;

    SessionCookie(boolean tls) {
        this.tls = tls;
        this.name = tls ? "__Host-cc_session" : "cc_session";
    }

    String read(Context ctx) {
        return ctx.cookie(name);
    }

    void write(Context ctx, String id) {
        ctx.res().addHeader("Set-Cookie", name + "=" + id + "; Path=" + (tls ? "/" : "/admin") + "; HttpOnly; SameSite=Strict"
                + (tls ? "; Secure" : ""));
    }

    void clear(Context ctx) {
        ctx.res().addHeader("Set-Cookie", name + "=; Path=" + (tls ? "/" : "/admin") + "; Max-Age=0; HttpOnly; SameSite=Strict"
                + (tls ? "; Secure" : ""));
    }
}
