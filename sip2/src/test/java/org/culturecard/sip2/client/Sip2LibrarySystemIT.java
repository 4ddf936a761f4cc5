package org.culturecard.sip2.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.culturecard.sip2.BirthDate;
import org.culturecard.sip2.LmsOnline;
import org.culturecard.sip2.LmsUnavailable;
import org.culturecard.sip2.LmsUnavailable.Reason;
import org.culturecard.sip2.PatronBarcode;
import org.culturecard.sip2.PatronCheck;
import org.culturecard.sip2.PatronPin;
import org.culturecard.sip2.Sip2Config;
import org.culturecard.sip2.UnknownPatron;
import org.culturecard.sip2.ValidPatron;
import org.culturecard.sip2.WrongPin;
import org.culturecard.testsupport.logging.LogCapture;
import org.culturecard.testsupport.sip2.Sip2TestPatron;
import org.culturecard.testsupport.sip2.Sip2TestServer;
import org.culturecard.testsupport.tls.TestPki;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The SIP2 client against the SIP2 test server over real sockets: messages, login, TLS, reconnection, threads, privacy. */
@Timeout(60)
class Sip2LibrarySystemIT {
    static final ZoneId ZONE = ZoneId.of("Europe/London");
    static final Clock CLOCK = Clock.fixed(LocalDate.of(2026, 11, 25).atTime(10, 15, 30).atZone(ZONE).toInstant(), ZONE);
    static final String BARCODE = "29000100000002";
    static final String PIN = "472913";
    static final String NAME = "Ann Reader";
    static final Sip2TestPatron ANN = Sip2TestPatron.valid(BARCODE, NAME).withPin(PIN).bornOn(LocalDate.of(2012, 3, 4))
            .expiringOn(LocalDate.of(2028, 8, 31)).withScreenMessage("Hello " + NAME);
    static final Sip2TestPatron BEN = Sip2TestPatron.valid("29000100000003", "Ben Borrower");

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeEverything() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private Sip2TestServer server(Sip2TestServer.Builder builder) {
        Sip2TestServer server = builder.patron(ANN).patron(BEN).clock(CLOCK).start();
        open.add(server);
        return server;
    }

    private Sip2LibrarySystem client(Sip2Config config) {
        Sip2LibrarySystem client = new Sip2LibrarySystem(config, CLOCK);
        open.add(0, client);
        return client;
    }

    static Sip2Config.Builder configFor(Sip2TestServer server) {
        return Sip2Config.builder(server.host(), server.port()).login("kiosk-1", "s3cret", "CC-1").institution("CC")
                .checksums(true).readTimeout(Duration.ofSeconds(5));
    }

    private static Sip2TestServer.Builder lms() {
        return Sip2TestServer.builder().institution("CC").login("kiosk-1", "s3cret").checksums(true);
    }

    @Test
    void logsInChecksStatusThenAsksPatronStatusAndCarriesNoPin() {
        Sip2TestServer server = server(lms());
        Sip2LibrarySystem client = client(configFor(server).build());

        assertThat(client.patronStatus(PatronBarcode.of(BARCODE))).isInstanceOf(ValidPatron.class);

        assertThat(server.received()).hasSize(3);
        assertThat(server.received().get(0)).matches("9300CNkiosk-1\\|COs3cret\\|CPCC-1\\|AY0AZ[0-9A-F]{4}");
        assertThat(server.received().get(1)).matches("9900402\\.00AY1AZ[0-9A-F]{4}");
        assertThat(server.received().get(2)).matches("2300020261125    101530AOCC\\|AA" + BARCODE + "\\|AC\\|AY2AZ[0-9A-F]{4}");
    }

    @Test
    void sendsThePinOnlyInPatronInformationAndEndsTheSessionWithoutIt() {
        Sip2TestServer server = server(lms());
        Sip2LibrarySystem client = client(configFor(server).terminalPassword("t3rm").build());

        PatronCheck check = client.patronInformation(PatronBarcode.of(BARCODE), PatronPin.of(PIN));

        assertThat(check).isInstanceOfSatisfying(ValidPatron.class, valid -> {
            assertThat(valid.birthDate()).contains(new BirthDate(LocalDate.of(2012, 3, 4)));
            assertThat(valid.validUntil()).contains(LocalDate.of(2028, 8, 31));
            assertThat(valid.screenMessage()).contains("Hello " + NAME);
        });
        List<String> sent = server.received();
        assertThat(sent.get(2)).matches("6300020261125    101530          AOCC\\|AA" + BARCODE + "\\|ACt3rm\\|AD" + PIN + "\\|AY2AZ.{4}");
        assertThat(sent.get(3)).matches("3520261125    101530AOCC\\|AA" + BARCODE + "\\|ACt3rm\\|AY3AZ.{4}");
        assertThat(sent.stream().filter(line -> line.contains(PIN))).hasSize(1);
    }

    @Test
    void keepsNoNameAddressBarcodePinOrBirthDateInAnswersOrLogs() {
        Sip2TestServer server = server(lms());
        Sip2LibrarySystem client = client(configFor(server).build());
        List<String> lines;
        List<Object> answers = new ArrayList<>();
        try (LogCapture logs = new LogCapture()) {
            answers.add(client.patronInformation(PatronBarcode.of(BARCODE), PatronPin.of(PIN)));
            answers.add(client.patronInformation(PatronBarcode.of(BARCODE), PatronPin.of("000000")));
            answers.add(client.patronStatus(PatronBarcode.of(BARCODE)));
            answers.add(client.patronStatus(PatronBarcode.of(BARCODE + "|AD" + PIN)));
            lines = logs.lines();
        }

        assertThat(answers.get(1)).isEqualTo(new WrongPin());
        assertThat(lines).isNotEmpty();
        for (String forbidden : List.of(BARCODE, PIN, "Ann", "Reader", "Library Street", "LS1", "reader@example.org",
                "0113", "20120304", "2012-03-04")) {
            assertThat(lines).noneMatch(line -> line.contains(forbidden));
            assertThat(answers.toString()).doesNotContain(forbidden);
        }
    }

    @Test
    void aBarcodeOrPinThatWouldInjectAFieldNeverReachesTheLms() {
        Sip2TestServer server = server(lms());
        Sip2LibrarySystem client = client(configFor(server).charset(java.nio.charset.StandardCharsets.US_ASCII).build());

        assertThat(client.patronStatus(PatronBarcode.of("29000100000003|AD" + PIN))).isEqualTo(UnknownPatron.withoutMessage());
        assertThat(client.patronInformation(PatronBarcode.of(BARCODE), PatronPin.of("12|AA29000100000003")))
                .isEqualTo(new WrongPin());
        assertThat(client.patronStatus(PatronBarcode.of("2900\u00fc"))).isEqualTo(UnknownPatron.withoutMessage());
        assertThat(server.received()).noneMatch(line -> line.startsWith("23") || line.startsWith("63"));
    }

    @Test
    void reconnectsAndLogsInAgainAfterTheLmsDropsTheConnection() {
        Sip2TestServer server = server(lms());
        Sip2LibrarySystem client = client(configFor(server).build());
        assertThat(client.patronStatus(PatronBarcode.of(BARCODE))).isInstanceOf(ValidPatron.class);

        server.dropAllConnections();
        await().until(() -> server.openConnections() == 0);

        assertThat(client.patronStatus(PatronBarcode.of(BARCODE))).isInstanceOf(ValidPatron.class);
        assertThat(server.logins()).isEqualTo(2);
        assertThat(server.connectionsAccepted()).isEqualTo(2);
    }

    @Test
    void servesConcurrentCallersOneAtATimeOnOneConnection() throws Exception {
        Sip2TestServer server = server(lms());
        Sip2LibrarySystem client = client(configFor(server).build());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<PatronCheck>> answers = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String barcode = i % 3 == 0 ? "29000199999999" : i % 3 == 1 ? BARCODE : BEN.barcode();
                answers.add(pool.submit(() -> client.patronStatus(PatronBarcode.of(barcode))));
            }
            for (int i = 0; i < answers.size(); i++) {
                assertThat(answers.get(i).get()).isInstanceOf(i % 3 == 0 ? UnknownPatron.class : ValidPatron.class);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(server.connectionsAccepted()).isEqualTo(1);
    }

    @Test
    void speaksTlsTrustingOnlyTheConfiguredCaAndTheLmsHostName(@TempDir Path dir) throws Exception {
        TestPki ca = TestPki.ca("Library CA");
        TestPki.Issued lmsCertificate = ca.server("lms");
        Sip2TestServer server = server(lms().tls(lmsCertificate.keys(), lmsCertificate.certificate()));
        Path trusted = ca.writeCertificate(dir.resolve("library-ca.pem"));
        Path other = TestPki.ca("Someone else").writeCertificate(dir.resolve("other-ca.pem"));

        Sip2LibrarySystem good = client(configFor(server).address("localhost", server.port()).tls(trusted).build());
        Sip2LibrarySystem untrusted = client(configFor(server).address("localhost", server.port()).tls(other).build());

        assertThat(good.patronStatus(PatronBarcode.of(BARCODE))).isInstanceOf(ValidPatron.class);
        assertThat(untrusted.patronStatus(PatronBarcode.of(BARCODE))).isInstanceOfSatisfying(LmsUnavailable.class,
                u -> assertThat(u.reason()).isEqualTo(Reason.TLS_FAILED));
    }

    @Test
    void refusesAnLmsCertificateIssuedForAnotherHost(@TempDir Path dir) throws Exception {
        TestPki ca = TestPki.ca("Library CA");
        TestPki.Issued elsewhere = ca.serverFor("lms.example.org");
        Sip2TestServer server = server(lms().tls(elsewhere.keys(), elsewhere.certificate()));
        Sip2LibrarySystem client = client(configFor(server).address("localhost", server.port())
                .tls(ca.writeCertificate(dir.resolve("ca.pem"))).build());

        assertThat(client.patronStatus(PatronBarcode.of(BARCODE))).isInstanceOfSatisfying(LmsUnavailable.class,
                u -> assertThat(u.reason()).isEqualTo(Reason.TLS_FAILED));
    }

    @Test
    void speaksAnotherDelimiterAndCharacterSetWithoutChecksums() {
        Charset windows = Charset.forName("windows-1252");
        Sip2TestServer server = Sip2TestServer.builder().institution("CC").delimiter('^').charset(windows)
                .patron(ANN.withScreenMessage("Très bien, à bientôt")).clock(CLOCK).start();
        open.add(server);
        Sip2LibrarySystem client = client(configFor(server).noLogin().checksums(false).delimiter('^').charset(windows).build());

        assertThat(client.patronStatus(PatronBarcode.of(BARCODE))).isInstanceOfSatisfying(ValidPatron.class,
                valid -> assertThat(valid.screenMessage()).contains("Très bien, à bientôt"));
        assertThat(server.received().get(1)).isEqualTo("2300020261125    101530AOCC^AA" + BARCODE + "^AC^");
        assertThat(server.logins()).isZero();
    }

    @Test
    void reportsTheLmsOnlineWithWhatItSupports() {
        Sip2LibrarySystem client = client(configFor(server(lms())).build());

        assertThat(client.scStatus()).isEqualTo(new LmsOnline("2.00", true, true));
    }

    @Test
    void aRefusedLoginAnOfflineLmsAndAMissingLoginAreEachReportedAsSuch() {
        Sip2TestServer server = server(lms());
        server.refuseLogins(true);
        Sip2LibrarySystem client = client(configFor(server).build());
        assertThat(client.patronStatus(PatronBarcode.of(BARCODE))).isInstanceOfSatisfying(LmsUnavailable.class,
                u -> assertThat(u.reason()).isEqualTo(Reason.LOGIN_REFUSED));

        server.refuseLogins(false);
        server.online(false);
        assertThat(client.scStatus()).isInstanceOfSatisfying(LmsUnavailable.class,
                u -> assertThat(u.reason()).isEqualTo(Reason.LMS_OFFLINE));

        server.online(true);
        Sip2LibrarySystem withoutLogin = client(configFor(server).noLogin().build());
        assertThat(withoutLogin.patronStatus(PatronBarcode.of(BARCODE))).isInstanceOfSatisfying(LmsUnavailable.class,
                u -> assertThat(u.reason()).isEqualTo(Reason.CONNECTION_DROPPED));
        assertThat(client.patronStatus(PatronBarcode.of(BARCODE))).isInstanceOf(ValidPatron.class);
    }

    @Test
    void anLmsThatIsNotThereIsUnreachable() {
        Sip2TestServer server = server(lms());
        Sip2Config config = configFor(server).connectTimeout(Duration.ofMillis(500)).build();
        server.close();

        assertThat(client(config).patronStatus(PatronBarcode.of(BARCODE))).isInstanceOfSatisfying(LmsUnavailable.class,
                u -> assertThat(u.reason()).isEqualTo(Reason.UNREACHABLE));
    }
}
