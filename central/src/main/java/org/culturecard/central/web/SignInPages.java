package org.culturecard.central.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;
import org.culturecard.central.web.account.SignIn;
import org.culturecard.central.web.pages.Frames;
import org.culturecard.central.web.pages.PageAccess;
import org.culturecard.central.web.session.Session;
import org.culturecard.central.web.session.Sessions;
import org.culturecard.central.web.view.View;

/**
 * {@code GET/POST /admin/sign-in} and {@code POST /admin/sign-out}. A good sign-in replaces the
 * session (new id, new CSRF token) and is audited; a refused one says only that something was
 * wrong (401), a throttled one to wait (429). The CSRF token of every POST was checked by the guard.
 */
final class SignInPages {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SignInPages.class);

    private final View view;
    private final Frames frames;
    private final SignIn signIn;
    private final Sessions sessions;
    private final SessionCookie cookie;
    private final Web.Audit audit;

    SignInPages(View view, Frames frames, SignIn signIn, Sessions sessions, SessionCookie cookie, Web.Audit audit) {
        this.view = view;
        this.frames = frames;
        this.signIn = signIn;
        this.sessions = sessions;
        this.cookie = cookie;
        this.audit = audit;
    }

    void register(RoutesConfig routes) {
        routes.get(WebGuard.SIGN_IN, ctx -> {
            if (session(ctx).staff().isPresent()) {
                ctx.redirect(PageAccess.HOME, HttpStatus.SEE_OTHER);
                return;
            }
            form(ctx, null, "");
        });
        routes.post(WebGuard.SIGN_IN, this::attempt);
        routes.post(PageAccess.SIGN_OUT, ctx -> {
            sessions.close(session(ctx).id());
            cookie.clear(ctx);
            ctx.redirect(WebGuard.SIGN_IN, HttpStatus.SEE_OTHER);
        });
    }

    private void attempt(Context ctx) {
        String username = ctx.formParam("username");
        SignIn.Outcome outcome = signIn.attempt(username, ctx.formParam("password"), ctx.formParam("code"), ctx.ip());
        if (outcome instanceof SignIn.SignedIn in) {
            Session.Staff staff = new Session.Staff(in.account().username(), in.account().role(), in.account().venues());
            if (!in.account().totpRequired()) {
                LOG.warn("!!! {} signed in WITHOUT a TOTP code: a demo account; never create one for real use !!!", staff.username());
            }
            Session fresh = sessions.signIn(session(ctx).id(), staff);
            cookie.write(ctx, fresh.id());
            audit.record(staff.username(), staff.role(), "POST", WebGuard.SIGN_IN, "");
            ctx.redirect(PageAccess.HOME, HttpStatus.SEE_OTHER);
        } else if (outcome instanceof SignIn.Throttled) {
            ctx.status(HttpStatus.TOO_MANY_REQUESTS);
            form(ctx, "signIn.throttled", username);
        } else {
            ctx.status(HttpStatus.UNAUTHORIZED);
            form(ctx, "signIn.refused", username);
        }
    }

    private void form(Context ctx, String error, String username) {
        view.render(ctx, "signin.jte", Map.of("page", frames.page(ctx, "signIn.title", WebGuard.SIGN_IN),
                "error", error == null ? "" : error, "username", username == null ? "" : username));
    }

    private static Session session(Context ctx) {
        return ctx.attribute(WebGuard.SESSION);
    }
}
