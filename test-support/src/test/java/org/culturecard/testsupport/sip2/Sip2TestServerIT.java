package org.culturecard.testsupport.sip2;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The test server answers as an LMS does, checked with raw sockets and no client code: the requests
 * are those of Evergreen SIPServer's test client and each reply must match the pattern Evergreen's
 * own tests hold its server to (repository evergreen-library-system/SIPServer, commit
 * 27b89199efd2448ce1d9b89e0d6b7705e98161ba: {@code t/SIPtest.pm}, {@code t/00sc_status.t},
 * {@code t/01patron_status.t}, {@code t/02patron_info.t}).
 */
class Sip2TestServerIT {
    private static final String DATE = "\\d{8} {4}\\d{6}";
    private Sip2TestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static String exchange(Socket socket, String request) throws IOException {
        socket.getOutputStream().write((request + "\r").getBytes(StandardCharsets.UTF_8));
        return readLine(socket.getInputStream());
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\r'; b = in.read()) {
            if (b < 0) {
                return null;
            }
            line.write(b);
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    private Sip2TestServer evergreenLike() {
        server = Sip2TestServer.builder().institution("BR1").login("sip_01", "sip_01")
                .patron(Sip2TestPatron.valid("999999", "David J. Fiander").withPin("6789").bornOn(LocalDate.of(1964, 9, 25)))
                .start();
        return server;
    }

    @Test
    void answersEvergreensLoginScStatusAndPatronRequestsAsEvergreenDoes() throws Exception {
        evergreenLike();
        try (Socket socket = new Socket(server.host(), server.port())) {
            assertThat(exchange(socket, "9300CNinvalidsip_01|COsip_01|CPThe floor|")).matches("^940");
            assertThat(exchange(socket, "9300CNsip_01|COsip_01|CPBR1|")).matches("^941");
            assertThat(exchange(socket, "9910302.00")).matches("^98[YN]{6}\\d{3}\\d{3}" + DATE + "(2\\.00|1\\.00).*")
                    .contains("AOBR1|").containsPattern("BX[YN]{16}\\|");
            assertThat(exchange(socket, "2300120060101    084237AOBR1|AA999999|AD6789|AC|"))
                    .matches("^24 [ Y]{13}\\d{3}" + DATE + ".*").contains("AEDavid J. Fiander|", "AA999999|", "BLY|", "CQY|");
            assertThat(exchange(socket, "2300120060101    084237AOBR1|AA999999|AC|ADbadw|"))
                    .matches("^24[ Y]{14}\\d{3}" + DATE + ".*").contains("CQN|", "BLY|");
            assertThat(exchange(socket, "2300120060101    084237AOBR1|AAwshakespeare|AC|"))
                    .matches("^24Y[ Y]{13}\\d{3}" + DATE + ".*").contains("AE|", "AAwshakespeare|", "BLN|");
            assertThat(exchange(socket, "6300020060329    201700          AOBR1|AA999999|"))
                    .matches("^64 [ Y]{13}\\d{3}" + DATE + "(\\d{4}){6}.*").contains("BD", "PB19640925|").doesNotContain("CQ");
            assertThat(exchange(socket, "6300020060329    201700          AOBR1|AAbad_barcode|"))
                    .matches("^64Y[ Y]{13}\\d{3}" + DATE + "(\\d{4}){6}.*").contains("AAbad_barcode|", "AE|", "BLN|");
            assertThat(exchange(socket, "3520060329    201700AOBR1|AA999999|")).matches("^36Y" + DATE + ".*");
        }
        assertThat(server.logins()).isEqualTo(1);
    }

    @Test
    void withErrorDetectionEchoesTheSequenceNumberChecksumsItsRepliesAndAsksForABadRequestAgain() throws Exception {
        server = Sip2TestServer.builder().checksums(true).start();
        try (Socket socket = new Socket(server.host(), server.port())) {
            assertThat(exchange(socket, "990 402.00AY1AZFCB4")).startsWith("98").containsPattern("AY1AZ[0-9A-F]{4}$");
            assertThat(exchange(socket, "990 402.00AY1AZFCB5")).isEqualTo("96AZFEF6");
            String again = exchange(socket, "97AZFEF5");
            assertThat(again).isEqualTo("96AZFEF6");
        }
    }

    @Test
    void dropsATerminalThatHasNotLoggedIn() throws Exception {
        evergreenLike();
        try (Socket socket = new Socket(server.host(), server.port())) {
            assertThat(exchange(socket, "2300120060101    084237AOBR1|AA999999|AC|")).isNull();
        }
    }

    @Test
    void misbehavesOnDemandAndCountsItsConnections() throws Exception {
        evergreenLike();
        server.fault(Sip2Fault.DROP_BEFORE_REPLY);
        try (Socket socket = new Socket(server.host(), server.port())) {
            exchange(socket, "9300CNsip_01|COsip_01|CPBR1|");
            assertThat(exchange(socket, "2300120060101    084237AOBR1|AA999999|AC|")).isNull();
        }
        server.fault(Sip2Fault.NONE);
        server.delay(Duration.ofMillis(50));
        try (Socket socket = new Socket(server.host(), server.port())) {
            exchange(socket, "9300CNsip_01|COsip_01|CPBR1|");
            assertThat(exchange(socket, "2300120060101    084237AOBR1|AA999999|AC|")).startsWith("24");
            assertThat(server.openConnections()).isEqualTo(1);
        }
        assertThat(server.connectionsAccepted()).isEqualTo(2);
    }
}
