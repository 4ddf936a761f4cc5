package org.culturecard.central.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.culturecard.central.config.Role;
import org.culturecard.central.report.ReportQueries;
import org.culturecard.central.store.CheckInQueries;
import org.culturecard.central.web.account.Accounts;
import org.culturecard.central.web.account.SignIn;
import org.culturecard.central.web.pages.AdminPages;
import org.culturecard.central.web.pages.AuditLog;
import org.culturecard.central.web.pages.Frames;
import org.culturecard.central.web.pages.PageAccess;
import org.culturecard.central.web.session.Session;
import org.culturecard.central.web.session.Sessions;
import org.culturecard.central.web.view.Page;
import org.culturecard.central.web.view.Texts;
import org.culturecard.central.web.view.View;

/**
 * Central's web for partnership staff (issue 15, ADR 0035), served by the API's Javalin under
 * {@code /admin}, with GOV.UK Frontend and ECharts from their webjars under {@code /webjars} and
 * this module's own script and style under {@code /static}. Built by the composition root and
 * added to the API with one call, {@link #register}; the API's bearer-token check leaves the paths
 * of {@link #serves} to this class's guard (sessions, CSRF, roles, audit).
 */
public final class Web implements Frames {

    /** Where an audited action is written (the API's audit table). */
    @FunctionalInterface
    public interface Audit {
        void record(String who, Role role, String method, String path, String parameters);
    }

    /** How the web runs: over TLS (Secure cookies, HSTS); how long an unused session lives. */
    public record Settings(boolean tls, Duration idle) {
        public Settings {
            Objects.requireNonNull(idle, "idle");
        }

        /** 30 minutes idle. */
        public static Settings of(boolean tls) {
            return new Settings(tls, Duration.ofMinutes(30));
        }
    }

    private final View view = new View();
    private final Accounts accounts;
    private final AdminPages pages;
    private final SignInPages signInPages;
    private final WebGuard guard;
    private final Texts texts = Texts.of(Locale.ENGLISH);

    public Web(DataSource dataSource, ReportQueries reports, CheckInQueries queries, Audit audit, Clock clock, Settings settings) {
        SecureRandom random = new SecureRandom();
        this.accounts = new Accounts(dataSource);
        Sessions sessions = new Sessions(clock, settings.idle(), random);
        SessionCookie cookie = new SessionCookie(settings.tls());
        this.pages = new AdminPages(view, this, reports, queries, new AuditLog(dataSource));
        this.signInPages = new SignInPages(view, this, new SignIn(accounts, clock), sessions, cookie, audit);
        this.guard = new WebGuard(new SecurityHeaders(random, settings.tls()), sessions, cookie, audit,
                new ErrorPages(view, this));
    }

    /** True for the paths the web serves (the API's token check leaves them to the web's guard). */
    public static boolean serves(String path) {
        return "/".equals(path) || "/admin".equals(path) || path.startsWith("/admin/") || asset(path);
    }

    /** True for the static assets (GOV.UK Frontend, ECharts, this module's script and style). */
    static boolean asset(String path) {
        return path.startsWith("/webjars/") || path.startsWith("/static/");
    }

    /** Adds the web's assets, guard and pages to the API's Javalin config. */
    public void register(JavalinConfig config) {
        config.staticFiles.enableWebjars();
        config.staticFiles.add(files -> {
            files.hostedPath = "/static";
            files.directory = "/org/culturecard/central/web/static";
            files.location = Location.CLASSPATH;
        });
        config.routes.before(guard::before);
        signInPages.register(config.routes);
        pages.register(config.routes);
    }

    /** The account table, for the demo and the CLI. */
    public Accounts accounts() {
        return accounts;
    }

    @Override
    public Page page(Context ctx, String titleKey, String current) {
        Session session = ctx.attribute(WebGuard.SESSION);
        Optional<Session.Staff> staff = session == null ? Optional.empty() : session.staff();
        java.util.List<Page.Link> nav = staff.map(s -> PageAccess.nav(s.role()).stream()
                .map(e -> new Page.Link(e.getKey(), texts.get(e.getValue()))).toList()).orElse(java.util.List.of());
        return new Page(texts.get(titleKey), texts, ctx.attribute(SecurityHeaders.NONCE), staff,
                session == null ? "" : session.csrf(), nav, current);
    }

    @Override
    public Session.Staff staff(Context ctx) {
        Session session = ctx.attribute(WebGuard.SESSION);
        return session.staff().orElseThrow(() -> new IllegalStateException("the guard lets no anonymous request reach a page"));
    }
}
