package org.culturecard.central.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Optional;
import org.culturecard.central.web.pages.PageAccess;
import org.culturecard.central.web.session.Session;
import org.culturecard.central.web.session.Sessions;

/**
 * Runs before every web route: security headers; the session from its cookie (a new anonymous one
 * when there is none, so the sign-in form has a CSRF token too); every POST's CSRF token checked;
 * anyone not signed in sent to the sign-in page; a role not allowed the page refused; and each
 * signed-in request written to the audit table before it is served.
 */
final class WebGuard {

    static final String SESSION = "culturecard.web.session";
    static final String SIGN_IN = "/admin/sign-in";

    private final SecurityHeaders headers;
    private final Sessions sessions;
    private final SessionCookie cookie;
    private final Web.Audit audit;
    private final ErrorPages errors;

    WebGuard(SecurityHeaders headers, Sessions sessions, SessionCookie cookie, Web.Audit audit, ErrorPages errors) {
        this.headers = headers;
        this.sessions = sessions;
        this.cookie = cookie;
        this.audit = audit;
        this.errors = errors;
    }

    void before(Context ctx) {
        String path = ctx.path();
        if (!Web.serves(path)) {
            return;
        }
        headers.apply(ctx);
        if (Web.asset(path)) {
            return;
        }
        if ("/".equals(path)) {
            ctx.redirect(PageAccess.HOME, HttpStatus.SEE_OTHER);
            ctx.skipRemainingHandlers();
            return;
        }
        ctx.header("Cache-Control", "no-store");
        Optional<Session> found = sessions.find(cookie.read(ctx));
        Session session = found.orElseGet(() -> {
            Session opened = sessions.open();
            cookie.write(ctx, opened.id());
            return opened;
        });
        ctx.attribute(SESSION, session);
        String method = ctx.req().getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method) && !Sessions.csrfMatches(session, ctx.formParam("csrf"))) {
            errors.show(ctx, HttpStatus.FORBIDDEN, "error.csrf");
            return;
        }
        if (SIGN_IN.equals(path)) {
            return;
        }
        if (session.staff().isEmpty()) {
            ctx.redirect(SIGN_IN, HttpStatus.SEE_OTHER);
            ctx.skipRemainingHandlers();
            return;
        }
        Session.Staff staff = session.staff().get();
        if (!PageAccess.known(path)) {
            errors.show(ctx, HttpStatus.NOT_FOUND, "error.notFound");
            return;
        }
        if (!PageAccess.allowed(staff.role(), path)) {
            errors.show(ctx, HttpStatus.FORBIDDEN, "error.forbidden");
            return;
        }
        String query = ctx.queryString();
        audit.record(staff.username(), staff.role(), method, path, query == null ? "" : query);
    }
}
