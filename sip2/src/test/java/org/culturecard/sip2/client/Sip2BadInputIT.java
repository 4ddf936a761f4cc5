package org.culturecard.sip2.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.culturecard.sip2.LmsUnavailable;
import org.culturecard.sip2.LmsUnavailable.Reason;
import org.culturecard.sip2.PatronBarcode;
import org.culturecard.sip2.PatronCheck;
import org.culturecard.sip2.PatronPin;
import org.culturecard.sip2.ValidPatron;
import org.culturecard.testsupport.logging.LogCapture;
import org.culturecard.testsupport.sip2.Sip2Fault;
import org.culturecard.testsupport.sip2.Sip2TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every way an LMS or the network can go wrong (issue 13, item 7, protocol layer), each against the
 * SIP2 test server over real sockets: each is a typed answer with a log-safe reason, the next
 * question is answered properly again, no socket or thread is left behind, and no barcode, PIN or
 * name reaches a log line. {@link Timeout} guards against a hang; no test asserts a duration.
 */
@Timeout(120)
class Sip2BadInputIT {
    private static final PatronBarcode ANN = PatronBarcode.of(Sip2LibrarySystemIT.BARCODE);
    private static final PatronBarcode BEN = PatronBarcode.of(Sip2LibrarySystemIT.BEN.barcode());
    private Sip2TestServer server;
    private Sip2LibrarySystem client;

    @BeforeEach
    void start() {
        server = Sip2TestServer.builder().institution("CC").login("kiosk-1", "s3cret").checksums(true)
                .patron(Sip2LibrarySystemIT.ANN).patron(Sip2LibrarySystemIT.BEN).clock(Sip2LibrarySystemIT.CLOCK).start();
        client = new Sip2LibrarySystem(Sip2LibrarySystemIT.configFor(server).readTimeout(Duration.ofMillis(500))
                .maxLineLength(4096).build(), Sip2LibrarySystemIT.CLOCK);
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    static Stream<Arguments> faults() {
        return Stream.of(
                Arguments.of(Sip2Fault.NEVER_REPLY, Reason.TIMEOUT, "no complete reply"),
                Arguments.of(Sip2Fault.DROP_BEFORE_REPLY, Reason.CONNECTION_DROPPED, "closed the connection before replying"),
                Arguments.of(Sip2Fault.DROP_MID_REPLY, Reason.CONNECTION_DROPPED, "in the middle of a reply"),
                Arguments.of(Sip2Fault.GARBAGE, Reason.BAD_REPLY, ""),
                Arguments.of(Sip2Fault.BAD_CHECKSUM, Reason.BAD_REPLY, "checksum"),
                Arguments.of(Sip2Fault.WRONG_SEQUENCE, Reason.BAD_REPLY, "sequence number"),
                Arguments.of(Sip2Fault.OTHER_PATRON, Reason.BAD_REPLY, "another patron"),
                Arguments.of(Sip2Fault.WRONG_MESSAGE_TYPE, Reason.BAD_REPLY, "expected a 24 reply to 23, got a 64"),
                Arguments.of(Sip2Fault.MALFORMED, Reason.BAD_REPLY, "fixed part"),
                Arguments.of(Sip2Fault.OVERLONG_REPLY, Reason.BAD_REPLY, "sip2.max-line-length"));
    }

    @ParameterizedTest(name = "{0} gives {1}")
    @MethodSource("faults")
    void eachFaultIsATypedAnswerAndTheNextQuestionIsAnsweredProperly(Sip2Fault fault, Reason reason, String detail) {
        assertThat(client.patronStatus(ANN)).isInstanceOf(ValidPatron.class);
        server.fault(fault);

        PatronCheck check = client.patronStatus(BEN);

        assertThat(check).isInstanceOfSatisfying(LmsUnavailable.class, u -> {
            assertThat(u.reason()).isEqualTo(reason);
            assertThat(u.detail()).contains(detail).doesNotContain(BEN.value());
        });
        server.fault(Sip2Fault.NONE);
        assertThat(client.patronStatus(ANN)).isInstanceOf(ValidPatron.class);
    }

    @Test
    void aReplyWithABadChecksumIsAskedForAgainOnce() {
        server.fault(Sip2Fault.BAD_CHECKSUM_ONCE);

        assertThat(client.patronStatus(ANN)).isInstanceOf(ValidPatron.class);
        assertThat(server.received()).contains("97AZFEF5");
    }

    @Test
    void anLmsThatAsksForTheRequestAgainGetsItOnce() {
        server.fault(Sip2Fault.ASK_RESEND_ONCE);

        assertThat(client.patronStatus(ANN)).isInstanceOf(ValidPatron.class);
        assertThat(server.received().stream().filter(line -> line.startsWith("23"))).hasSize(2);
    }

    @Test
    void aLateReplyIsNeverReadAsTheAnswerToTheNextQuestion() {
        server.delay(Duration.ofMillis(1_500));
        assertThat(client.patronStatus(PatronBarcode.of("29000100000004"))).isInstanceOfSatisfying(LmsUnavailable.class,
                u -> assertThat(u.reason()).isEqualTo(Reason.TIMEOUT));

        server.delay(Duration.ZERO);
        assertThat(client.patronStatus(ANN)).isInstanceOf(ValidPatron.class);
        assertThat(client.patronStatus(BEN)).isInstanceOf(ValidPatron.class);
    }

    @Test
    void aDoubledReplyIsNeverTakenForTheAnswerToTheNextQuestion() {
        server.fault(Sip2Fault.DOUBLE_REPLY);
        assertThat(client.patronStatus(ANN)).isInstanceOf(ValidPatron.class);
        server.fault(Sip2Fault.NONE);

        PatronCheck next = client.patronStatus(PatronBarcode.of("29000199999999"));

        assertThat(next).isNotInstanceOf(ValidPatron.class);
        assertThat(client.patronStatus(BEN)).isInstanceOf(ValidPatron.class);
    }

    @Test
    void theLmsClosingTheConnectionMidPatronInformationLeavesNoSessionHalfDone() {
        server.fault(Sip2Fault.DROP_MID_REPLY, "63");
        assertThat(client.patronInformation(ANN, PatronPin.of(Sip2LibrarySystemIT.PIN)))
                .isInstanceOfSatisfying(LmsUnavailable.class, u -> assertThat(u.reason()).isEqualTo(Reason.CONNECTION_DROPPED));
        assertThat(server.received()).noneMatch(line -> line.startsWith("35"));

        server.fault(Sip2Fault.DROP_BEFORE_REPLY, "35");
        server.fault(Sip2Fault.NONE, "63");
        assertThat(client.patronInformation(ANN, PatronPin.of(Sip2LibrarySystemIT.PIN))).isInstanceOf(ValidPatron.class);
    }

    @Test
    void garbageFromAnLmsWithoutChecksumsIsABadReplyToo() {
        stop();
        server = Sip2TestServer.builder().patron(Sip2LibrarySystemIT.BEN).start();
        client = new Sip2LibrarySystem(Sip2LibrarySystemIT.configFor(server).noLogin().checksums(false)
                .readTimeout(Duration.ofMillis(500)).build(), Sip2LibrarySystemIT.CLOCK);
        for (Sip2Fault fault : List.of(Sip2Fault.GARBAGE, Sip2Fault.MALFORMED, Sip2Fault.OTHER_PATRON)) {
            server.fault(fault);
            assertThat(client.patronStatus(BEN)).as(fault.name()).isInstanceOfSatisfying(LmsUnavailable.class,
                    u -> assertThat(u.reason()).isEqualTo(Reason.BAD_REPLY));
        }
        server.fault(Sip2Fault.NONE);
        assertThat(client.patronStatus(BEN)).isInstanceOf(ValidPatron.class);
    }

    @Test
    void leavesNoSocketNoThreadAndNoPersonalDataBehindAfterEveryFault() throws Exception {
        everyFaultOnce();
        awaitServerIdle();
        long descriptors = openDescriptors();
        Set<String> threads = clientSideThreads();
        List<String> lines;
        try (LogCapture logs = new LogCapture()) {
            for (int round = 0; round < 3; round++) {
                everyFaultOnce();
            }
            lines = logs.lines();
        }
        client.close();
        awaitServerIdle();

        assertThat(server.connectionsAccepted()).isGreaterThan(20);
        await().pollInSameThread().untilAsserted(() -> assertThat(openDescriptors()).isLessThanOrEqualTo(descriptors));
        assertThat(clientSideThreads()).isSubsetOf(threads);
        for (String forbidden : List.of(ANN.value(), BEN.value(), Sip2LibrarySystemIT.PIN, "Ann", "Reader", "Ben",
                "Borrower", "Library Street", "20120304")) {
            assertThat(lines).noneMatch(line -> line.contains(forbidden));
        }
    }

    private void everyFaultOnce() {
        List<PatronCheck> answers = new ArrayList<>();
        for (Arguments a : faults().toList()) {
            server.fault((Sip2Fault) a.get()[0]);
            answers.add(client.patronStatus(BEN));
            answers.add(client.patronInformation(ANN, PatronPin.of(Sip2LibrarySystemIT.PIN)));
        }
        server.fault(Sip2Fault.NONE);
        assertThat(answers).allMatch(a -> a instanceof LmsUnavailable);
        assertThat(client.patronStatus(ANN)).isInstanceOf(ValidPatron.class);
    }

    /** Polls in this thread: an Awaitility poller thread would count as a thread the client left behind. */
    private void awaitServerIdle() {
        await().pollInSameThread().until(() -> server.openConnections() <= 1);
    }

    private static long openDescriptors() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }

    private static Set<String> clientSideThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> !name.startsWith("sip2-test-server")).collect(Collectors.toSet());
    }
}
