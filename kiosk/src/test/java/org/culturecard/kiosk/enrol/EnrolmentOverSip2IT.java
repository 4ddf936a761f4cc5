package org.culturecard.kiosk.enrol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.culturecard.core.card.LibraryBarcode;
import org.culturecard.core.enrolment.AgeBand;
import org.culturecard.core.privacy.Token;
import org.culturecard.kiosk.store.SqliteKioskStore;
import org.culturecard.kiosk.testing.Fixtures;
import org.culturecard.sip2.Sip2Config;
import org.culturecard.sip2.client.Sip2LibrarySystem;
import org.culturecard.testsupport.logging.LogCapture;
import org.culturecard.testsupport.sip2.Sip2Fault;
import org.culturecard.testsupport.sip2.Sip2TestPatron;
import org.culturecard.testsupport.sip2.Sip2TestServer;
import org.culturecard.testsupport.time.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Registration over the real SIP2 client ({@link Sip2LibrarySystem}) against sip2's test server in
 * test-support, with the real kiosk store: a good card is enrolled; every bad answer (malformed, a
 * reply about another patron, garbage, a timeout, a connection dropped mid-reply, a wrong checksum)
 * gives "library system unreachable", a log line naming the failure, and nothing stored; and no
 * barcode, name or birth date reaches the log or the database file.
 */
class EnrolmentOverSip2IT {
    private static final String NUMBER = "29384756";
    private static final String NAME = "Amira Okafor";
    private static final LibraryBarcode CARD = LibraryBarcode.of(NUMBER);
    @TempDir
    Path dir;
    private final MutableClock clock = MutableClock.at("2026-03-14T18:30:00Z");
    private final Token chip = Fixtures.pseudonymiser().tokenFor(Fixtures.AMIRA);
    private Sip2TestServer server;
    private Sip2LibrarySystem lms;
    private SqliteKioskStore store;
    private EnrolmentDesk desk;
    private LogCapture logs;

    @BeforeEach
    void start() {
        logs = new LogCapture();
        server = Sip2TestServer.builder().clock(clock).institution("CC").login("kiosk-1", "s3cret").checksums(true)
                .patron(Sip2TestPatron.valid(NUMBER, NAME).withPin("4321").bornOn(LocalDate.of(2012, 5, 20))
                        .expiringOn(LocalDate.of(2028, 1, 31)))
                .start();
        lms = new Sip2LibrarySystem(Sip2Config.builder(server.host(), server.port()).login("kiosk-1", "s3cret", "CC-1")
                .institution("CC").checksums(true).readTimeout(Duration.ofMillis(800)).build(), clock);
        store = SqliteKioskStore.open(dir.resolve("kiosk.db"), clock);
        desk = new EnrolmentDesk(Optional.of(lms), Fixtures.pseudonymiser(), store, clock, Fixtures.ids(clock),
                Period.ofMonths(12));
    }

    @AfterEach
    void stop() {
        lms.close();
        server.close();
        store.close();
        logs.close();
    }

    @Test
    void aValidCardIsEnrolledWithItsBandAndExpiryAndNoSecretIsKeptOrLogged() throws Exception {
        assertThat(desk.register(chip, CARD, null))
                .isEqualTo(new RegisterOutcome.Registered(Optional.of(AgeBand.AGE_11_15), false));
        assertThat(desk.today()).singleElement().satisfies(record ->
                assertThat(record.validUntil()).isEqualTo(LocalDate.of(2028, 1, 31)));
        assertThat(desk.registerSelf(LibraryBarcode.of(NUMBER), org.culturecard.sip2.PatronPin.of("0000")))
                .isEqualTo(new RegisterOutcome.WrongPin());

        assertNoSecretAnywhere();
    }

    static Stream<Sip2Fault> badAnswers() {
        return Stream.of(Sip2Fault.MALFORMED, Sip2Fault.OTHER_PATRON, Sip2Fault.GARBAGE, Sip2Fault.NEVER_REPLY,
                Sip2Fault.DROP_MID_REPLY, Sip2Fault.DROP_BEFORE_REPLY, Sip2Fault.BAD_CHECKSUM,
                Sip2Fault.WRONG_MESSAGE_TYPE, Sip2Fault.OVERLONG_REPLY);
    }

    @ParameterizedTest
    @MethodSource("badAnswers")
    void aBadAnswerIsLibrarySystemUnreachableWithALogLineAndNothingStored(Sip2Fault fault) throws Exception {
        server.fault(fault, "63");

        assertThat(desk.register(chip, CARD, null)).as(fault.name()).isEqualTo(new RegisterOutcome.LmsUnreachable());

        assertThat(store.enrolmentBacklog()).isZero();
        assertThat(logs.lines()).anySatisfy(line -> assertThat(line)
                .startsWith("The library system could not answer (").endsWith("): nothing stored"));
        assertNoSecretAnywhere();

        server.fault(Sip2Fault.NONE);
        assertThat(desk.register(chip, CARD, null)).as("after " + fault + ", the next registration works")
                .isInstanceOf(RegisterOutcome.Registered.class);
    }

    private void assertNoSecretAnywhere() throws Exception {
        List<String> lines = logs.lines();
        assertThat(lines).isNotEmpty();
        assertThat(lines).noneSatisfy(line -> assertThat(line).containsAnyOf(NUMBER, NAME, "Amira", "2012-05-20",
                "20120520", "4321"));
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertThat(bytes).as(file.toString()).doesNotContain(NUMBER).doesNotContain("Amira")
                        .doesNotContain("20120520").doesNotContain("2012-05-20");
            }
        }
    }
}
