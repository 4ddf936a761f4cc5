package org.culturecard.reader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Feedback sends what the reader's model gives, through its own context, replaced after a failure. */
class PcscReaderFeedbackTest {
    private static final String ACR122U = "ACS ACR122U PICC Interface 00 00";
    private static final String UNKNOWN = "Test Reader 00 00";

    private final FakePcsc pcscd = new FakePcsc().attach(ACR122U).attach(UNKNOWN);
    private final PcscReaderFeedback feedback = new PcscReaderFeedback(pcscd);

    @AfterEach
    void close() {
        feedback.close();
    }

    @Test
    void sendsTheModelsCommandsAsCcidEscapes() {
        feedback.signal(ACR122U, true);

        await().atMost(Duration.ofSeconds(5)).until(() -> pcscd.controls().size() == 1);
        assertThat(pcscd.controls()).containsExactly(new FakePcsc.Control(ACR122U, 0x42000DAC, "ff0040a80402010101"));
    }

    @Test
    void aReaderWithoutCommandsCostsNoContext() {
        feedback.signal(UNKNOWN, false);
        feedback.signal(ACR122U, false);

        await().atMost(Duration.ofSeconds(5)).until(() -> pcscd.controls().size() == 1);
        assertThat(pcscd.controls()).extracting(FakePcsc.Control::reader).containsExactly(ACR122U);
        assertThat(pcscd.contextsEstablished()).isEqualTo(1);
    }

    @Test
    void afterAFailureTheNextSignalGoesThroughANewContext() {
        pcscd.failControlCommands(true);
        feedback.signal(ACR122U, true);
        await().atMost(Duration.ofSeconds(5)).until(() -> pcscd.controlFailures() == 1);

        pcscd.failControlCommands(false);
        feedback.signal(ACR122U, true);

        await().atMost(Duration.ofSeconds(5)).until(() -> pcscd.controls().size() == 1);
        assertThat(pcscd.contextsEstablished()).isEqualTo(2);
    }
}
