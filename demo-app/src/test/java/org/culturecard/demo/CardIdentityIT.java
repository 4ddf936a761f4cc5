package org.culturecard.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.culturecard.central.Central;
import org.culturecard.central.config.ApiToken;
import org.culturecard.central.config.CentralConfig;
import org.culturecard.central.config.IngestLimits;
import org.culturecard.central.config.Role;
import org.culturecard.core.card.CardUid;
import org.culturecard.core.card.LibraryBarcode;
import org.culturecard.core.enrolment.UnregisteredCards;
import org.culturecard.core.ids.KioskId;
import org.culturecard.core.ids.UuidV7;
import org.culturecard.core.ids.VenueId;
import org.culturecard.core.privacy.Pseudonymiser;
import org.culturecard.core.privacy.SchemeKey;
import org.culturecard.core.privacy.Token;
import org.culturecard.core.staff.PinHasher;
import org.culturecard.kiosk.KioskApp;
import org.culturecard.kiosk.KioskHooks;
import org.culturecard.kiosk.checkin.CheckInResult;
import org.culturecard.kiosk.config.EnrolmentConfig;
import org.culturecard.kiosk.config.KioskConfig;
import org.culturecard.kiosk.ui.screen.Screen;
import org.culturecard.kioskdb.EnrolledFilterFile;
import org.culturecard.reader.PcscCardReader;
import org.culturecard.sip2.Sip2Config;
import org.culturecard.sync.agent.MqttSyncAgent;
import org.culturecard.sync.config.SyncConfig;
import org.culturecard.sync.outbox.SqliteOutbox;
import org.culturecard.testsupport.mqtt.MosquittoExtension;
import org.culturecard.testsupport.mqtt.MosquittoServer;
import org.culturecard.testsupport.mqtt.RecordingMqttClient;
import org.culturecard.testsupport.pcsc.PcscdExtension;
import org.culturecard.testsupport.pcsc.PcscdServer;
import org.culturecard.testsupport.pcsc.VirtualCard;
import org.culturecard.testsupport.postgres.PostgresExtension;
import org.culturecard.testsupport.postgres.PostgresServer;
import org.culturecard.testsupport.sip2.Sip2TestPatron;
import org.culturecard.testsupport.sip2.Sip2TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13's "Done when", on real components only: pcscd with virtual cards, the kiosk (its view
 * model and tap dispatcher, headless), sip2's test server as the library system, the sync agent,
 * Mosquitto, central and PostgreSQL. Staff register Amira's card (tap, then its number) against
 * the LMS; her barcode scanned later counts as the same person at central; her replacement card
 * (the old one reported lost) keeps her history; once central's filter and the venue's
 * record-and-remind setting reach the kiosk, a card nobody registered is recorded as unverified and
 * the kiosk says so; the engagement report counts people, not tokens. Then the patrons' barcodes,
 * PIN, birth dates and names are searched for in every SQLite file, PostgreSQL table, MQTT payload
 * and log line.
 */
@ExtendWith({PcscdExtension.class, MosquittoExtension.class, PostgresExtension.class})
class CardIdentityIT {
    private static final VenueId VENUE = VenueId.of("leeds-central-library");
    private static final KioskId KIOSK = KioskId.of("leeds-kiosk-1");
    private static final String ADMIN = "it-admin-token-0123456789";
    private static final String OFFICER = "it-officer-token-0123456789";
    private static final String STAFF_PIN = "48215736";
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Amira's first card, her replacement card (a new number, as many libraries give), and a card nobody registered. */
    private static final byte[] AMIRA_CHIP = HexFormat.of().parseHex("04a3b1c2d3e4f5");
    private static final byte[] AMIRA_NEW_CHIP = HexFormat.of().parseHex("04a3b1c2d3e4aa");
    private static final byte[] STRANGER_CHIP = HexFormat.of().parseHex("04deadbeef0101");
    private static final Sip2TestPatron AMIRA = Sip2TestPatron.valid("29384756", "Amira Okafor").withPin("73194268")
            .bornOn(LocalDate.of(2012, 5, 20)).expiringOn(LocalDate.of(2028, 1, 31));
    private static final Sip2TestPatron AMIRA_NEW = Sip2TestPatron.valid("29385511", "Amira Okafor").withPin("73194268")
            .bornOn(LocalDate.of(2012, 5, 20)).expiringOn(LocalDate.of(2029, 1, 31));
    /** Others who visit without registering: enough people that the report's cells are not suppressed. */
    private static final int OTHERS = 12;

    private final Clock clock = Clock.systemUTC();

    @Test
    void anEnrolledCardItsBarcodeAndItsReplacementAreOnePersonAndAnUnregisteredCardIsToldSo(PcscdServer pcscd,
            MosquittoServer broker, PostgresServer postgres, @TempDir Path dir) throws Exception {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Path keyFile = Files.writeString(dir.resolve("scheme.key"), HexFormat.of().formatHex(key));
        Pseudonymiser tokens = new Pseudonymiser(SchemeKey.of(key));
        Path database = dir.resolve("kiosk.db");
        String jdbcUrl = postgres.createDatabase("identity_it");
        Token chip = tokens.tokenFor(CardUid.of(AMIRA_CHIP));
        Token barcode = tokens.tokenFor(LibraryBarcode.of(AMIRA.barcode()));
        Token newChip = tokens.tokenFor(CardUid.of(AMIRA_NEW_CHIP));
        Token newBarcode = tokens.tokenFor(LibraryBarcode.of(AMIRA_NEW.barcode()));
        Token stranger = tokens.tokenFor(CardUid.of(STRANGER_CHIP));
        BlockingQueue<CheckInResult> results = new LinkedBlockingQueue<>();
        List<RecordingMqttClient.Message> messages;
        List<String> logLines;

        try (LogCapture logs = LogCapture.attach(); RecordingMqttClient spy = RecordingMqttClient.connect(broker.uri(), "#");
                Sip2TestServer lms = Sip2TestServer.builder().patron(AMIRA).patron(AMIRA_NEW).start();
                Central central = Central.start(centralConfig(jdbcUrl, broker.uri()), clock);
                KioskApp app = KioskApp.compose(kioskConfig(database, keyFile), enrolment(lms), new PcscCardReader(clock),
                        KioskHooks.builder().onResult(results::add).build());
                MqttSyncAgent agent = new MqttSyncAgent(SyncConfig.of(URI.create(broker.uri()), KIOSK, VENUE, database),
                        SqliteOutbox.open(database), clock, UuidV7.system());
                HeadlessKiosk kiosk = HeadlessKiosk.start(app)) {
            central.store().registerKiosk(KIOSK, VENUE, null);
            agent.start();
            // Sam is on the venue's staff at central (central refuses an enrolment by anyone else); the venue
            // config brings Sam's PIN hash to the kiosk.
            HttpResponse<String> sam = send(central, "POST", "/api/venues/" + VENUE.value() + "/staff", "{\"displayName\":"
                    + "\"Sam Patel\",\"pinHash\":\"" + new PinHasher(new SecureRandom()).hash(STAFF_PIN) + "\"}");
            assertThat(sam.statusCode()).as(sam.body()).isEqualTo(201);
            await().atMost(WAIT).until(() -> app.store().staffIdByName("Sam Patel").isPresent());
            await().atMost(WAIT).until(() -> kiosk.onUi(() -> kiosk.model().readerNames()).contains(PcscdServer.READER_0));

            // 1. Staff register Amira's card: tap it on the Register page, then its number; the LMS is asked.
            signIn(kiosk);
            kiosk.run(() -> kiosk.model().staff().register().open());
            kiosk.awaitScreen(Screen.STAFF_REGISTER, WAIT);
            tapOnRegisterPage(kiosk, AMIRA_CHIP);
            kiosk.run(() -> kiosk.model().staff().register().register(AMIRA.barcode()));
            assertThat(awaitRegisterResult(kiosk)).isEqualTo("Registered. Age band: 11-15");
            kiosk.run(() -> kiosk.model().staff().leave());
            kiosk.awaitScreen(Screen.ATTRACT, WAIT);

            // Her card checks in; central binds her chip and barcode to one person.
            assertThat(tap(kiosk, results, AMIRA_CHIP)).isInstanceOf(CheckInResult.GeneralVisit.class);
            await().atMost(WAIT).until(() -> personOf(jdbcUrl, postgres, barcode).isPresent()
                    && personOf(jdbcUrl, postgres, barcode).equals(personOf(jdbcUrl, postgres, chip)));
            assertThat(enrolmentRows(jdbcUrl, postgres)).containsExactly("ENROL|applied|AGE_11_15|2028-01-31");

            // 2. Later her barcode is scanned (a kiosk without her card's chip): the same person at central.
            kiosk.awaitScreen(Screen.ATTRACT, WAIT);
            kiosk.run(() -> (AMIRA.barcode() + "\r").chars().forEach(c -> kiosk.model().keyTyped((char) c)));
            CheckInResult scanned = results.poll(10, TimeUnit.SECONDS);
            assertThat(scanned).isInstanceOf(CheckInResult.GeneralVisit.class);
            assertThat(((CheckInResult.GeneralVisit) scanned).checkIn().token()).isEqualTo(barcode);
            assertThat(kiosk.screen()).isEqualTo(Screen.WELCOME);
            await().atMost(WAIT).until(() -> checkInTokens(jdbcUrl, postgres).contains(barcode.value()));
            assertThat(personOf(jdbcUrl, postgres, barcode)).isEqualTo(personOf(jdbcUrl, postgres, chip));

            // 3. She loses it; the library reports it lost and gives her a card with a new number. Staff register
            //    the new card as its replacement: it joins her person, with her visits.
            lms.update(AMIRA.standing(Sip2TestPatron.Standing.LOST));
            kiosk.awaitScreen(Screen.ATTRACT, WAIT);
            signIn(kiosk);
            kiosk.run(() -> kiosk.model().staff().register().open());
            kiosk.awaitScreen(Screen.STAFF_REGISTER, WAIT);
            tapOnRegisterPage(kiosk, AMIRA_NEW_CHIP);
            kiosk.run(() -> kiosk.model().staff().register().replace(AMIRA_NEW.barcode(), AMIRA.barcode()));
            assertThat(awaitRegisterResult(kiosk))
                    .isEqualTo("Replacement card registered: it keeps the old card's visits. Age band: 11-15");
            kiosk.run(() -> kiosk.model().staff().leave());
            kiosk.awaitScreen(Screen.ATTRACT, WAIT);
            assertThat(tap(kiosk, results, AMIRA_NEW_CHIP)).isInstanceOf(CheckInResult.GeneralVisit.class);
            await().atMost(WAIT).until(() -> personOf(jdbcUrl, postgres, newChip).isPresent()
                    && personOf(jdbcUrl, postgres, newChip).equals(personOf(jdbcUrl, postgres, chip)));
            assertThat(enrolmentRows(jdbcUrl, postgres))
                    .containsExactly("ENROL|applied|AGE_11_15|2028-01-31", "REPLACE|applied|AGE_11_15|2029-01-31");
            assertThat(checkInsOfPerson(jdbcUrl, postgres, personOf(jdbcUrl, postgres, chip).orElseThrow()))
                    .as("her history: the first card's tap, its barcode scan, the new card's tap").isEqualTo(3);

            // 4. The venue asks unregistered cards to register; the setting and central's filter reach the kiosk.
            assertThat(send(central, "PUT", "/api/venues/" + VENUE.value() + "/unregistered-cards",
                    "{\"unregisteredCards\":\"record-and-remind\"}").statusCode()).isEqualTo(200);
            await().atMost(WAIT).until(() -> app.store().unregisteredCards() == UnregisteredCards.RECORD_AND_REMIND);
            EnrolledFilterFile filterFile = EnrolledFilterFile.beside(database);
            // Her new card's chip and barcode, and her first chip; her old barcode is reported lost and counts no more.
            await().atMost(WAIT).until(() -> filterFile.read().map(stored -> stored.filter().size() == 3
                    && stored.filter().mayContain(newChip) && stored.filter().mayContain(newBarcode)
                    && stored.filter().mayContain(chip)).orElse(false));

            // A card nobody registered: recorded, and the kiosk says it is not registered yet.
            kiosk.awaitScreen(Screen.ATTRACT, WAIT);
            CheckInResult unregistered = tap(kiosk, results, STRANGER_CHIP);
            assertThat(unregistered).isInstanceOf(CheckInResult.GeneralVisit.class);
            assertThat(kiosk.screen()).isEqualTo(Screen.NOT_REGISTERED);
            assertThat(kiosk.onUi(() -> kiosk.model().results().messageProperty().get()))
                    .isEqualTo("Your card isn't registered yet: ask staff");
            await().atMost(WAIT).until(() -> checkInTokens(jdbcUrl, postgres).contains(stranger.value()));
            assertThat(personOf(jdbcUrl, postgres, stranger)).as("its own token: no person but itself")
                    .isNotEqualTo(personOf(jdbcUrl, postgres, chip));

            // 5. Reports count people, not tokens: others visit too, so that the venue's figures are not suppressed.
            for (int i = 0; i < OTHERS; i++) {
                tap(kiosk, results, new byte[] {0x04, 0x11, 0x22, 0x33, 0x44, 0x55, (byte) i});
            }
            int tokensSeen = 3 + 1 + OTHERS; // Amira's chip, barcode and new chip; the stranger; the others
            await().atMost(WAIT).until(() -> checkInTokens(jdbcUrl, postgres).size() == tokensSeen);
            JsonNode[] venueTotal = new JsonNode[1];
            await().atMost(WAIT).until(() -> {
                venueTotal[0] = venueTotal(central, "include");
                return venueTotal[0] != null && venueTotal[0].path("people").asLong() == tokensSeen - 2;
            });
            assertThat(venueTotal[0].path("checkIns").asLong()).isEqualTo(tokensSeen);
            assertThat(venueTotal[0].path("people").asLong()).as("Amira's three tokens are one person").isEqualTo(14);
            JsonNode verifiedOnly = venueTotal(central, "exclude");
            assertThat(verifiedOnly.path("people").isNull()).as("one verified person: suppressed, not shown").isTrue();
            JsonNode coverage = coverage(central);
            // Coverage: 14 people seen; 1 registered is under the threshold, and 13 unverified would give it away.
            assertThat(coverage.path("total").path("seen").asLong()).as(coverage.toString()).isEqualTo(14);
            assertThat(coverage.path("total").path("registered").isNull()).as(coverage.toString()).isTrue();
            assertThat(coverage.path("total").path("unverified").isNull()).as(coverage.toString()).isTrue();

            messages = spy.messages();
            logLines = logs.lines();
        }

        PrivacySearch.Secrets secrets = PrivacySearch.Secrets.of(List.of(AMIRA, AMIRA_NEW), STAFF_PIN,
                List.of(AMIRA_CHIP, AMIRA_NEW_CHIP, STRANGER_CHIP));
        assertThat(messages).anyMatch(m -> m.topic().endsWith("/up/enrolments"));
        assertThat(logLines).anyMatch(line -> line.contains("enrolled"));
        assertThat(PrivacySearch.filesIn(dir)).as("the kiosk's database and the filter the agent keeps")
                .contains(database, EnrolledFilterFile.beside(database).file());
        secrets.assertNotIn(PrivacySearch.filesIn(dir), PrivacySearch.dumpAllTables(jdbcUrl, postgres), messages, logLines);
    }

    private static void signIn(HeadlessKiosk kiosk) {
        kiosk.run(() -> {
            kiosk.model().openStaffPinPad();
            STAFF_PIN.chars().forEach(c -> kiosk.model().staff().pinDigit(c - '0'));
            kiosk.model().staff().pinSubmit();
        });
        kiosk.awaitScreen(Screen.STAFF, WAIT);
    }

    /** The card on the reader while the Register page waits: its chip is taken, not checked in. */
    private static void tapOnRegisterPage(HeadlessKiosk kiosk, byte[] uid) throws Exception {
        String read = "Card tapped. Now scan or type its number.";
        try (VirtualCard card = VirtualCard.insert(PcscdServer.PORT_READER_0, uid, VirtualCard.ATR_MIFARE_CLASSIC_1K)) {
            await().atMost(WAIT).until(() -> read.equals(kiosk.onUi(() -> kiosk.model().staff().register()
                    .chipTextProperty().get())));
        }
        Thread.sleep(2_500); // out of the reader's 2 s debounce: the same card is tapped again to check in
    }

    private static String awaitRegisterResult(HeadlessKiosk kiosk) {
        await().atMost(WAIT).until(() -> !kiosk.onUi(() -> kiosk.model().staff().register().busyProperty().get()));
        return kiosk.onUi(() -> kiosk.model().staff().register().resultProperty().get());
    }

    /** The card on the reader at the attract screen, once: what the kiosk made of it (the screen shows it). */
    private static CheckInResult tap(HeadlessKiosk kiosk, BlockingQueue<CheckInResult> results, byte[] uid)
            throws Exception {
        CheckInResult result;
        try (VirtualCard card = VirtualCard.insert(PcscdServer.PORT_READER_0, uid, VirtualCard.ATR_MIFARE_CLASSIC_1K)) {
            result = Optional.ofNullable(results.poll(10, TimeUnit.SECONDS)).orElseThrow(() -> new AssertionError("no tap"));
        }
        await().atMost(WAIT).until(() -> kiosk.screen().isResult());
        Thread.sleep(500); // pcscd sees the card leave before the next insert
        return result;
    }

    private static EnrolmentConfig enrolment(Sip2TestServer lms) {
        return new EnrolmentConfig(Optional.of(Sip2Config.builder(lms.host(), lms.port()).readTimeout(Duration.ofSeconds(3))
                .build()), false, Period.ofMonths(12));
    }

    private static KioskConfig kioskConfig(Path database, Path keyFile) {
        return new KioskConfig(VENUE, KIOSK, "Leeds Central Library", database, keyFile, "0.1.0-it", false, Locale.ENGLISH);
    }

    private static CentralConfig centralConfig(String jdbcUrl, String brokerUri) {
        return new CentralConfig(jdbcUrl, "postgres", "", brokerUri, "central-identity-it", 1, "127.0.0.1", 0,
                new CentralConfig.ApiTokens(List.of(ApiToken.withSecret("it-admin", Role.ADMIN, ADMIN, java.util.Set.of()),
                        ApiToken.withSecret("it-officer", Role.OFFICER, OFFICER, java.util.Set.of()))),
                CentralConfig.BrokerTls.NONE, 1, IngestLimits.DEFAULTS, CentralConfig.HttpTls.NONE, 1,
                org.culturecard.central.config.RecognitionSettings.DEFAULTS);
    }

    /** The person a token counts as at central (its canonical person), if central has seen it. */
    private static Optional<Integer> personOf(String jdbcUrl, PostgresServer postgres, Token token) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, postgres.user(), postgres.password());
                PreparedStatement select = c.prepareStatement(
                        "SELECT coalesce(canonical_id, person_id) FROM people WHERE token = ?")) {
            select.setString(1, token.value());
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(rs.getInt(1)) : Optional.empty();
            }
        }
    }

    private static long checkInsOfPerson(String jdbcUrl, PostgresServer postgres, int person) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, postgres.user(), postgres.password());
                PreparedStatement select = c.prepareStatement("SELECT count(*) FROM check_ins ci JOIN people p"
                        + " ON p.token = ci.token WHERE coalesce(p.canonical_id, p.person_id) = ?")) {
            select.setInt(1, person);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static List<String> checkInTokens(String jdbcUrl, PostgresServer postgres) throws Exception {
        return rows(jdbcUrl, postgres, "SELECT token FROM check_ins ORDER BY seq");
    }

    private static List<String> enrolmentRows(String jdbcUrl, PostgresServer postgres) throws Exception {
        return rows(jdbcUrl, postgres, "SELECT kind || '|' || outcome || '|' || coalesce(age_band, '-') || '|'"
                + " || coalesce(valid_until::text, '-') FROM enrolments ORDER BY enrolled_at");
    }

    private static List<String> rows(String jdbcUrl, PostgresServer postgres, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, postgres.user(), postgres.password());
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
            return rows;
        }
    }

    /** The venue's total in this month's engagement report, from central's API. */
    private static JsonNode venueTotal(Central central, String unverified) throws Exception {
        LocalDate month = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1);
        JsonNode report = new ObjectMapper().readTree(get(central, "/api/reports/engagement?by=venue&period=month&from="
                + month + "&to=" + month.plusMonths(1) + "&unverified=" + unverified));
        for (JsonNode row : report.path("rows")) {
            if (VENUE.value().equals(row.path("group").asText())) {
                return row.path("total");
            }
        }
        return null;
    }

    private static JsonNode coverage(Central central) throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return new ObjectMapper().readTree(get(central, "/api/reports/coverage?from=" + today + "&to=" + today.plusDays(1)));
    }

    private static String get(Central central, String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(central.httpUrl()
                + path)).header("Authorization", "Bearer " + OFFICER).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    /** An admin's request to central's API. */
    private static HttpResponse<String> send(Central central, String method, String path, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(central.httpUrl() + path))
                .header("Authorization", "Bearer " + ADMIN).method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
