package org.culturecard.central.api;

import org.culturecard.central.config.ApiToken;
import org.culturecard.central.config.Role;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.culturecard.central.Central;
import org.culturecard.central.TestBatches;
import org.culturecard.badges.keys.BadgeKeyFiles;
import org.culturecard.central.config.BadgeSettings;
import org.culturecard.central.config.CentralConfig;
import org.culturecard.testsupport.mqtt.MosquittoServer;
import org.culturecard.testsupport.postgres.PostgresServer;
import org.culturecard.testsupport.server.MissingServer;

/**
 * Fuzzes every query parameter (and the path ids) of every GET route of a real central on a real
 * PostgreSQL, with the token of a role that the route serves, so each request reaches its handler:
 * dates near year 999,999,999 and before year 1, huge and negative limits, unknown dimensions and
 * formats, inverted ranges, percent-encoded bytes that are not UTF-8. Nothing may answer 5xx.
 */
class ApiQueryFuzzIT {

    private static final String OFFICER = "officer-token-0123456789";
    private static final String ADMIN = "admin-token-0123456789";
    private static final String AUDITOR = "auditor-token-0123456789";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** Each GET route (a {@code %s} for its path id), its query parameters, and a token it serves. */
    private record Route(String path, List<String> parameters, String token) {
    }

    private static final List<Route> ROUTES = List.of(
            new Route("/api/checkins", List.of("limit"), AUDITOR),
            new Route("/api/checkins/count", List.of(), AUDITOR),
            new Route("/api/kiosks/%s/checkins", List.of("limit"), AUDITOR),
            new Route("/api/kiosks", List.of(), OFFICER),
            new Route("/api/dead-letters", List.of("limit"), ADMIN),
            new Route("/api/reports/engagement", List.of("by", "period", "from", "to", "format", "unverified"), OFFICER),
            new Route("/api/reports/coverage", List.of("from", "to", "format"), OFFICER),
            new Route("/api/venues/%s/events", List.of(), OFFICER),
            new Route("/api/venues/%s/staff", List.of(), ADMIN),
            new Route("/metrics", List.of(), OFFICER),
            new Route("/health", List.of(), OFFICER),
            new Route("/api/awards/credential", List.of("token", "achievement"), OFFICER),
            new Route("/badges/status/%s", List.of(), OFFICER),
            new Route("/badges/keys/%s", List.of(), OFFICER),
            new Route("/badges/issuer", List.of(), OFFICER));

    private static PostgresServer postgres;
    private static MosquittoServer mosquitto;
    private static Central central;
    private static Path keyDir;

    @BeforeContainer
    static void startCentral() {
        if (PostgresServer.findBinDir().isEmpty()) {
            MissingServer.report("PostgreSQL (" + PostgresServer.INSTALL_ROOT + "/*/bin)", PostgresServer.APT_PACKAGE);
        }
        if (MosquittoServer.findBinary().isEmpty()) {
            MissingServer.report("Mosquitto", MosquittoServer.APT_PACKAGE);
        }
        postgres = PostgresServer.create().start();
        mosquitto = MosquittoServer.create().start();
        List<ApiToken> tokens = new java.util.ArrayList<>(new CentralConfig.ApiTokens(Set.of(OFFICER), Set.of(ADMIN)).tokens());
        tokens.add(ApiToken.withSecret("fuzz-auditor", Role.AUDITOR, AUDITOR, Set.of()));
        Path key;
        try {
            keyDir = Files.createTempDirectory("fuzz-badges");
            key = keyDir.resolve("badge.key");
            BadgeKeyFiles.create(key, "key-1", new SecureRandom());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CentralConfig config = new CentralConfig(postgres.createDatabase("central_fuzz"), postgres.user(), "", mosquitto.uri(),
                "fuzz-api", 1, "127.0.0.1", 0, new CentralConfig.ApiTokens(tokens))
                .with(b -> b.badges(new BadgeSettings(key, URI.create("https://central.example.org"), BadgeSettings.HTTPS,
                        "Fuzz", List.of())));
        central = Central.start(config, TestBatches.CLOCK);
        TestBatches.register(central.store(), "v1", "k1");
    }

    @AfterContainer
    static void stopCentral() {
        if (central != null) {
            central.close();
        }
        if (mosquitto != null) {
            mosquitto.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        if (keyDir != null) {
            try (var files = Files.walk(keyDir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Property(tries = 400)
    void noQueryAnswers5xx(@ForAll("routes") Route route, @ForAll("pathIds") String id,
            @ForAll("queries") Map<String, String> fuzz, @ForAll("values") String extra) throws Exception {
        StringBuilder query = new StringBuilder();
        for (String parameter : route.parameters()) {
            String value = fuzz.get(parameter);
            if (value != null) {
                query.append(query.length() == 0 ? "?" : "&").append(parameter).append('=').append(value);
            }
        }
        query.append(query.length() == 0 ? "?" : "&").append("x").append('=').append(extra);
        String path = route.path().contains("%s") ? String.format(route.path(), id) : route.path();
        HttpRequest request = HttpRequest.newBuilder(URI.create(central.httpUrl() + path + query))
                .header("Authorization", "Bearer " + route.token()).timeout(Duration.ofSeconds(30)).GET().build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + query + " -> " + response.body()).isLessThan(500);
    }

    @Provide
    Arbitrary<Route> routes() {
        return Arbitraries.of(ROUTES);
    }

    @Provide
    Arbitrary<Map<String, String>> queries() {
        return Combinators.combine(values(), values(), values(), values(), values(), values(), values(), values())
                .as((limit, by, period, from, to, format, token, achievement) -> Map.of("limit", limit, "by", by,
                        "period", period, "from", from, "to", to, "format", format, "token", token, "achievement", achievement));
    }

    /** Path ids: valid ones, and the hostile values again. */
    @Provide
    Arbitrary<String> pathIds() {
        return Arbitraries.oneOf(Arbitraries.of("k1", "v1", "k-unknown", "v-unknown", "1", "key-1"), values());
    }

    /** Query values, already percent-encoded where they need it: legal, edge and hostile. */
    @Provide
    Arbitrary<String> values() {
        Arbitrary<String> legal = Arbitraries.of("venue", "event", "sector", "activity", "mode", "age-band", "month", "week",
                "json", "csv", "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "three-visits", "2026-01-01", "2026-03-01", "2031-01-01", "1", "100", "1000");
        Arbitrary<String> edges = Arbitraries.of("+999999999-12-31", "-999999999-01-01", "%2B999999999-01-01", "0000-01-01",
                "9999-12-31", "10000-01-01", "2026-02-30", "2026-13-01", "1999-12-31", "2200-01-02", "0", "-1",
                "2147483648", "-2147483649", "99999999999999999999", "1e9", "0x10", "NaN", "", "%00", "%FF%FE",
                "%C3%28", "%ED%A0%80", "%E2%80%AE", "%0D%0ASet-Cookie:x", "%27%3B--", "a%20b", "%25");
        Arbitrary<String> numbers = Arbitraries.longs().map(n -> Long.toString(n));
        Arbitrary<String> dates = Arbitraries.integers().between(-5000, 1_000_000_000).flatMap(year -> Arbitraries.integers()
                .between(0, 13).map(month -> String.format("%s%04d-%02d-01", year > 9999 ? "%2B" : "", year, month)));
        Arbitrary<String> text = Arbitraries.strings().alpha().numeric().withChars('-', '_', '.').ofMaxLength(300);
        return Arbitraries.oneOf(legal, edges, numbers, dates, text);
    }
}
