package org.culturecard.demo;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import org.culturecard.testsupport.mqtt.RecordingMqttClient;
import org.culturecard.testsupport.sip2.Sip2TestPatron;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The privacy search finds each kind of secret wherever it is put, so the system-wide ITs that use it can fail. */
class PrivacySearchTest {
    private static final byte[] UID = HexFormat.of().parseHex("04a3b1c2d3e4f5");
    private static final PrivacySearch.Secrets SECRETS = PrivacySearch.Secrets.of(List.of(Sip2TestPatron
            .valid("29384756", "Amira Okafor").withPin("73194268").bornOn(LocalDate.of(2012, 5, 20))), "48215736", List.of(UID));

    @TempDir
    Path dir;

    @Test
    void cleanPlacesPass() throws Exception {
        Path file = Files.writeString(dir.resolve("kiosk.db"), "token 81b2c795 band 11-15");
        assertThatCode(() -> SECRETS.assertNotIn(List.of(file), "people: (1,81b2c795)", List.of(message("ok")),
                List.of("Card 18d0c731… enrolled"))).doesNotThrowAnyException();
    }

    @Test
    void findsEachSecretInEachPlace() throws Exception {
        for (String secret : List.of("29384756", "73194268", "48215736", "Amira", "OKAFOR", "20120520", "2012-05-20",
                "20/05/2012", "04A3B1C2D3E4F5", "04 a3 b1 c2 d3 e4 f5")) {
            Path file = Files.writeString(dir.resolve("f-" + secret.hashCode()), "x" + secret + "y");
            assertThatThrownBy(() -> SECRETS.assertNotIn(List.of(file), "", List.of(), List.of())).as(secret)
                    .isInstanceOf(AssertionError.class);
            assertThatThrownBy(() -> SECRETS.assertNotIn(List.of(), "people: " + secret, List.of(), List.of())).as(secret)
                    .isInstanceOf(AssertionError.class);
            assertThatThrownBy(() -> SECRETS.assertNotIn(List.of(), "", List.of(message(secret)), List.of())).as(secret)
                    .isInstanceOf(AssertionError.class);
            assertThatThrownBy(() -> SECRETS.assertNotIn(List.of(), "", List.of(), List.of("INFO " + secret))).as(secret)
                    .isInstanceOf(AssertionError.class);
        }
        Path raw = Files.write(dir.resolve("raw"), new byte[] {1, 4, (byte) 0xa3, (byte) 0xb1, (byte) 0xc2, (byte) 0xd3,
                (byte) 0xe4, (byte) 0xf5, 2});
        assertThatThrownBy(() -> SECRETS.assertNotIn(List.of(raw), "", List.of(), List.of()))
                .isInstanceOf(AssertionError.class).hasMessageContaining("raw UID bytes");
    }

    private static RecordingMqttClient.Message message(String text) {
        return new RecordingMqttClient.Message("culturecard/v1/v/k/up/enrolments", text.getBytes(StandardCharsets.UTF_8), false);
    }
}
