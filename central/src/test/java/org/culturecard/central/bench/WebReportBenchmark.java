package org.culturecard.central.bench;

import io.javalin.Javalin;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.culturecard.central.api.ApiAudit;
import org.culturecard.central.config.Role;
import org.culturecard.central.report.ReportQueries;
import org.culturecard.central.report.RollupRefresher;
import org.culturecard.central.store.PostgresCheckInStore;
import org.culturecard.central.web.Web;
import org.culturecard.central.web.account.Accounts;
import org.culturecard.central.web.account.NewAccount;
import org.culturecard.central.web.account.Totp;
import org.culturecard.testsupport.postgres.PostgresServer;
import org.culturecard.testsupport.server.LocalProcesses;

/**
 * Time to first byte of the staff web's engagement report page (by venue, monthly, one year) over
 * {@code rows} generated check-ins (default 10,000,000; {@link ReportBenchmark}'s data and rollup),
 * through the real web (Javalin, the guard, sessions, the audit row, jte) on loopback: first
 * {@code requests} requests one after another from one signed-in session, then {@code sessions}
 * signed-in sessions at once, 10 requests each (a request not answered 200 is counted, not timed).
 * Prints p50 and p99 of each. Args: rows, people,
 * requests, sessions (default 10000000 200000 200 50).
 */
public final class WebReportBenchmark {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final String PAGE = "/admin/reports/engagement?by=venue&period=month&from=2025-01-01&to=2026-01-01";

    private WebReportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
        int people = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        int requests = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        int sessions = args.length > 3 ? Integer.parseInt(args[3]) : 50;
        try (PostgresServer db = PostgresServer.create(LocalProcesses.freeLoopbackPort(), "shared_buffers=512MB",
                "work_mem=256MB", "max_parallel_workers_per_gather=2", "jit=off").start()) {
            String url = db.createDatabase("bench_web");
            try (PostgresCheckInStore store = PostgresCheckInStore.open(url, db.user(), db.password(), 8, Clock.systemUTC())) {
                ReportBenchmark.generate(url, db, rows, people);
                ReportBenchmark.buildRollup(url, db, new RollupRefresher(store.dataSource()));
                Web web = new Web(store.dataSource(), new ReportQueries(store.dataSource()), store,
                        new ApiAudit(store.dataSource())::record, Clock.systemUTC(), Web.Settings.of(false));
                NewAccount.Created officer = NewAccount.create(new Accounts(store.dataSource()), new SecureRandom(), "bench-officer",
                        Role.OFFICER, Set.of(), Instant.now());
                Javalin app = Javalin.create(config -> {
                    config.startup.showJavalinBanner = false;
                    config.jetty.host = "127.0.0.1";
                    config.jetty.port = 0;
                    web.register(config);
                }).start();
                try {
                    String base = "http://127.0.0.1:" + app.port();
                    HttpClient one = signedIn(base, officer);
                    for (int i = 0; i < 10; i++) {
                        ttfb(one, base);
                    }
                    List<Double> sequential = new ArrayList<>();
                    for (int i = 0; i < requests; i++) {
                        sequential.add(ttfb(one, base));
                    }
                    print("one session, one request at a time", rows, sequential);
                    List<HttpClient> clients = new ArrayList<>();
                    for (int i = 0; i < sessions; i++) {
                        clients.add(signedIn(base, officer));
                    }
                    List<Double> concurrent = Collections.synchronizedList(new ArrayList<>());
                    java.util.concurrent.atomic.AtomicInteger failed = new java.util.concurrent.atomic.AtomicInteger();
                    ExecutorService pool = Executors.newFixedThreadPool(sessions);
                    List<Future<?>> done = new ArrayList<>();
                    for (HttpClient client : clients) {
                        done.add(pool.submit(() -> {
                            for (int i = 0; i < 10; i++) {
                                try {
                                    concurrent.add(ttfb(client, base));
                                } catch (IllegalStateException e) {
                                    failed.incrementAndGet();
                                }
                            }
                            return null;
                        }));
                    }
                    for (Future<?> f : done) {
                        f.get();
                    }
                    pool.shutdown();
                    print(sessions + " sessions at once, 10 requests each, " + failed.get() + " answered not 200", rows, concurrent);
                } finally {
                    app.stop();
                }
            }
        }
    }

    /** Milliseconds from sending the request to its status line and headers (the first byte), the body then read. */
    private static double ttfb(HttpClient client, String base) throws Exception {
        long[] first = new long[1];
        long started = System.nanoTime();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + PAGE)).build(), info -> {
            first[0] = System.nanoTime();
            return HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8);
        });
        if (response.statusCode() != 200 || !response.body().contains("report-table")) {
            throw new IllegalStateException("the report page answered " + response.statusCode());
        }
        return (first[0] - started) / 1e6;
    }

    private static HttpClient signedIn(String base, NewAccount.Created officer) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String form = client.send(HttpRequest.newBuilder(URI.create(base + "/admin/sign-in")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = CSRF.matcher(form);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on the sign-in page");
        }
        String body = "csrf=" + enc(m.group(1)) + "&username=bench-officer&password=" + enc(officer.password()) + "&code="
                + Totp.code(officer.totpSecret(), Instant.now());
        int status = client.send(HttpRequest.newBuilder(URI.create(base + "/admin/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status != 303) {
            throw new IllegalStateException("sign-in answered " + status);
        }
        return client;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void print(String what, long rows, List<Double> millis) {
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "web report page TTFB (%s) over %d check-ins: n=%d p50=%.1f ms p99=%.1f ms max=%.1f ms%n",
                what, rows, sorted.size(), sorted.get(sorted.size() / 2), sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1),
                sorted.get(sorted.size() - 1));
    }
}
