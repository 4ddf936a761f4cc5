package org.culturecard.provisioning.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.time.Clock;
import java.util.Properties;
import org.culturecard.testsupport.sip2.Sip2TestServer;
import org.junit.jupiter.api.Test;

/** The doctor's LMS check against test-support's SIP2 server, through the sip2 module's real client. */
class LmsCheckTest {
    private static final String PASSWORD = "s3cret-Pa55";

    private final LmsCheck check = new LmsCheck(Clock.systemUTC());

    @Test
    void aKioskWithoutASip2SectionIsSkipped() {
        Properties kiosk = new Properties();
        kiosk.setProperty("venue.id", "LIB-01");

        assertThat(check.check(kiosk).status()).isEqualTo(CheckResult.Status.SKIP);
    }

    @Test
    void logsInAndAsksScStatusWithoutPrintingThePassword() {
        try (Sip2TestServer lms = Sip2TestServer.builder().institution("CC").login("kiosk-1", PASSWORD).checksums(true).start()) {
            CheckResult result = check.check(sip2(lms.port()));

            assertThat(result.status()).as(result.line()).isEqualTo(CheckResult.Status.PASS);
            assertThat(result.line()).contains("logged in as kiosk-1", "SC status online").doesNotContain(PASSWORD);
            assertThat(lms.logins()).isEqualTo(1);
            assertThat(lms.received()).anySatisfy(m -> assertThat(m).startsWith("99"));
        }
    }

    @Test
    void aRefusedLoginFailsWithTheFixAndWithoutThePassword() {
        try (Sip2TestServer lms = Sip2TestServer.builder().institution("CC").login("kiosk-1", PASSWORD).checksums(true).start()) {
            lms.refuseLogins(true);

            CheckResult result = check.check(sip2(lms.port()));

            assertThat(result.status()).isEqualTo(CheckResult.Status.FAIL);
            assertThat(result.line()).contains("LOGIN_REFUSED", "sip2.login.password").doesNotContain(PASSWORD);
        }
    }

    @Test
    void anUnreachableLmsFails() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        CheckResult result = check.check(sip2(closedPort));

        assertThat(result.status()).isEqualTo(CheckResult.Status.FAIL);
        assertThat(result.line()).contains("UNREACHABLE").doesNotContain(PASSWORD);
    }

    @Test
    void aMistypedKeyFailsNamingItAndNotThePassword() {
        Properties kiosk = sip2(1);
        kiosk.setProperty("sip2.login.pasword", PASSWORD);

        CheckResult result = check.check(kiosk);

        assertThat(result.status()).isEqualTo(CheckResult.Status.FAIL);
        assertThat(result.line()).contains("sip2.login.pasword").doesNotContain(PASSWORD);
    }

    private static Properties sip2(int port) {
        Properties kiosk = new Properties();
        kiosk.setProperty("venue.id", "LIB-01");
        kiosk.setProperty("sip2.host", "127.0.0.1");
        kiosk.setProperty("sip2.port", String.valueOf(port));
        kiosk.setProperty("sip2.login.user", "kiosk-1");
        kiosk.setProperty("sip2.login.password", PASSWORD);
        kiosk.setProperty("sip2.institution", "CC");
        kiosk.setProperty("sip2.checksums", "true");
        kiosk.setProperty("sip2.connect-timeout-ms", "2000");
        kiosk.setProperty("sip2.read-timeout-ms", "2000");
        return kiosk;
    }
}
