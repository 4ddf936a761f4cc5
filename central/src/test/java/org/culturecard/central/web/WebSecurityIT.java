package org.culturecard.central.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.culturecard.central.config.Role;
import org.culturecard.central.web.account.Totp;
import org.culturecard.testsupport.mqtt.MosquittoExtension;
import org.culturecard.testsupport.postgres.PostgresExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The web's security over plain HTTP against a real central: the headers on every page, the
 * session cookie and its rotation, CSRF, no method override, the API's bearer tokens untouched,
 * and the audit rows of web actions.
 */
class WebSecurityIT {

    @RegisterExtension
    static final MosquittoExtension BROKER = new MosquittoExtension();
    @RegisterExtension
    static final PostgresExtension DB = new PostgresExtension();

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static WebSite site;

    @BeforeAll
    static void start() throws Exception {
        site = WebSite.start(DB, BROKER, "web_security");
    }

    @AfterAll
    static void stop() {
        if (site != null) {
            site.close();
        }
    }

    @Test
    void everyPageHasTheSecurityHeadersAndANewNonce() throws Exception {
        HttpClient client = client();
        HttpResponse<String> first = get(client, "/admin/sign-in");
        HttpResponse<String> second = get(client, "/admin/sign-in");
        String csp = first.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(csp).isNotEqualTo(second.headers().firstValue("Content-Security-Policy").orElseThrow());
        String nonce = csp.replaceAll(".*'nonce-([^']+)'.*", "$1");
        assertThat(first.body()).contains("<script nonce=\"" + nonce + "\">document.body.className");
        assertThat(first.body().split("<script").length - 1).as("one inline script, the nonce'd one; the others have src")
                .isEqualTo(1 + countMatches(first.body(), "<script type=\"module\" src=") + countMatches(first.body(), "<script src="));
        for (HttpResponse<String> response : java.util.List.of(first, get(client, "/webjars/govuk-frontend/5.14.0/dist/govuk/govuk-frontend.min.css"),
                get(client, "/static/chart.js"))) {
            assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(200);
            assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
            assertThat(response.headers().firstValue("Strict-Transport-Security")).as("no TLS here, so no HSTS").isEmpty();
        }
        assertThat(first.body()).doesNotContain("http://", "https://");
    }

    @Test
    void theSessionCookieIsHttpOnlyStrictAndReplacedAtSignIn() throws Exception {
        HttpClient client = client();
        HttpResponse<String> form = get(client, "/admin/sign-in");
        String before = form.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(before).contains("HttpOnly", "SameSite=Strict", "Path=/admin").doesNotContain("Max-Age", "Expires");
        HttpResponse<String> signedIn = signIn(client, site.login(Role.OFFICER), csrf(form));
        assertThat(signedIn.statusCode()).isEqualTo(303);
        String after = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(value(after)).isNotEqualTo(value(before));
        HttpResponse<String> home = get(client, "/admin");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(csrf(home)).as("a new CSRF token with the new session").isNotEqualTo(csrf(form));
        HttpResponse<String> old = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(site.url + "/admin"))
                .header("Cookie", "cc_session=" + value(before)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(old.statusCode()).as("the id from before sign-in is dead").isEqualTo(303);
        assertThat(home.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefused() throws Exception {
        HttpClient client = client();
        HttpResponse<String> form = get(client, "/admin/sign-in");
        WebSite.Login login = site.login(Role.ADMIN);
        HttpResponse<String> without = post(client, "/admin/sign-in", Map.of("username", login.username(), "password",
                login.password(), "code", Totp.code(login.totpSecret(), Instant.now())));
        assertThat(without.statusCode()).isEqualTo(403);
        assertThat(without.body()).contains("This form has expired");
        HttpResponse<String> wrong = signIn(client, login, csrf(form) + "x");
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(signIn(client, login, csrf(form)).statusCode()).isEqualTo(303);
        HttpResponse<String> home = get(client, "/admin");
        assertThat(post(client, "/admin/sign-out", Map.of()).statusCode()).as("sign-out needs the token too").isEqualTo(403);
        assertThat(get(client, "/admin").statusCode()).as("still signed in").isEqualTo(200);
        assertThat(post(client, "/admin/sign-out", Map.of("csrf", csrf(home))).statusCode()).isEqualTo(303);
        assertThat(get(client, "/admin").statusCode()).as("signed out").isEqualTo(303);
    }

    @Test
    void aMethodOverrideIsRefusedAndTheApiStillWantsItsToken() throws Exception {
        HttpClient client = client();
        HttpResponse<String> form = get(client, "/admin/sign-in");
        HttpResponse<String> overridden = client.send(HttpRequest.newBuilder(URI.create(site.url + "/admin/sign-in"))
                .header("X-HTTP-Method-Override", "DELETE").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("csrf=" + csrf(form))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(overridden.statusCode()).isEqualTo(400);
        assertThat(client.send(HttpRequest.newBuilder(URI.create(site.url + "/api/kiosks")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).as("a web session is no API token").isEqualTo(401);
        assertThat(client.send(HttpRequest.newBuilder(URI.create(site.url + "/api/kiosks"))
                .header("Authorization", "Bearer " + WebSite.API_TOKEN).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(200);
    }

    @Test
    void signedInRequestsAreAuditedAndUnknownPagesAreNotFound() throws Exception {
        HttpClient client = client();
        WebSite.Login login = site.login(Role.RESEARCHER);
        signIn(client, login, csrf(get(client, "/admin/sign-in")));
        assertThat(get(client, "/admin/reports/coverage?from=2026-01-01&to=2026-03-01").statusCode()).isEqualTo(200);
        assertThat(get(client, "/admin/fleet").statusCode()).isEqualTo(403);
        assertThat(get(client, "/admin/no-such-page").statusCode()).isEqualTo(404);
        assertThat(get(client, "/admin/reports/engagement?by=venue&from=2026-03-01&to=2026-01-01").statusCode()).isEqualTo(400);
        assertThat(site.rows("SELECT token_name, role, method, route, parameters FROM api_audit WHERE token_name = '"
                + login.username() + "' ORDER BY id")).containsSubsequence("web-researcher|researcher|POST|/admin/sign-in|",
                "web-researcher|researcher|GET|/admin/reports/coverage|from=2026-01-01&to=2026-03-01");
        assertThat(site.rows("SELECT count(*) FROM api_audit WHERE parameters LIKE '%" + login.password() + "%'"))
                .containsExactly("0");
    }

    @Test
    void theRootGoesToTheStaffPages() throws Exception {
        HttpResponse<String> root = get(client(), "/");
        assertThat(root.statusCode()).isEqualTo(303);
        assertThat(root.headers().firstValue("Location")).hasValue("/admin");
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    }

    private static HttpResponse<String> get(HttpClient client, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(site.url + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(HttpClient client, String path, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return client.send(HttpRequest.newBuilder(URI.create(site.url + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> signIn(HttpClient client, WebSite.Login login, String csrf) throws Exception {
        return post(client, "/admin/sign-in", Map.of("csrf", csrf, "username", login.username(), "password", login.password(),
                "code", Totp.code(login.totpSecret(), Instant.now())));
    }

    private static String csrf(HttpResponse<String> page) {
        Matcher m = CSRF.matcher(page.body());
        assertThat(m.find()).as("a CSRF field on " + page.uri()).isTrue();
        return m.group(1);
    }

    private static String value(String setCookie) {
        return setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';'));
    }

    private static int countMatches(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
