package org.culturecard.reader;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.culturecard.core.card.CardKind;
import org.culturecard.core.card.CardUid;
import org.culturecard.reader.ReaderEvent.CardPresented;
import org.culturecard.reader.ReaderEvent.CardRemoved;
import org.culturecard.reader.ReaderEvent.ReaderAttached;
import org.culturecard.reader.ReaderEvent.ReaderLost;
import org.culturecard.reader.ReaderEvent.ServiceDown;
import org.culturecard.reader.ReaderEvent.ServiceUp;
import org.culturecard.testsupport.time.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The monitor, the reads and the contexts as PcscCardReader wires them, against {@link FakePcsc}:
 * the logic alone, fast. PcscCardReaderIT and PcscRecoveryIT prove the same against the real pcscd.
 */
class PcscMonitorTest {
    private static final String READER = "ACS ACR122U PICC Interface 00 00";
    private static final byte[] UID_7 = HexFormat.of().parseHex("04A1523C7E6180");
    private static final byte[] ATR_ULTRALIGHT = HexFormat.of().parseHex("3B8F8001804F0CA0000003060300030000000068");

    private final FakePcsc pcscd = new FakePcsc().attach(READER);
    private final EventLog events = new EventLog();
    private final PcscCardReader reader = new PcscCardReader(new MutableClock(Instant.parse("2025-05-01T10:00:00Z")),
            new PcscCardReader.Options(Duration.ofSeconds(2), Duration.ofMillis(10), Duration.ofMillis(10)), pcscd);

    @AfterEach
    void close() {
        reader.close();
    }

    @Test
    void aCardOnAReaderIsOneTapWithTheKindFromItsAtrAndItsRemovalIsReported() throws InterruptedException {
        reader.start(events);
        events.await(ReaderAttached.class, a -> a.readerName().equals(READER));

        pcscd.insert(READER, UID_7, ATR_ULTRALIGHT);

        CardPresented tap = events.awaitTapOn(READER, 1);
        assertThat(tap.tap().uid()).isEqualTo(CardUid.of(UID_7));
        assertThat(tap.tap().kind()).isEqualTo(CardKind.MIFARE_ULTRALIGHT);
        Thread.sleep(100);
        assertThat(events.taps()).hasSize(1);

        pcscd.remove(READER);

        events.awaitCount(CardRemoved.class, 1);
    }

    @Test
    void startsDownWithoutPcscdAndReportsTheServiceAndReadersWhenItComes() {
        pcscd.stop();
        reader.start(events);
        events.awaitCount(ServiceDown.class, 1);
        assertThat(events.of(ReaderAttached.class)).isEmpty();

        pcscd.start();

        events.await(ReaderAttached.class, a -> a.readerName().equals(READER));
        assertThat(kinds()).containsExactly("ServiceDown", "ServiceUp", "ReaderAttached");
    }

    @Test
    void aRestartOfPcscdLosesEveryReaderAndFindsThemAgainThroughNewContexts() {
        reader.start(events);
        events.await(ReaderAttached.class, a -> a.readerName().equals(READER));
        int contextsBefore = pcscd.contextsEstablished();

        pcscd.stop();
        events.awaitCount(ServiceDown.class, 1);
        events.awaitCount(ReaderLost.class, 1);
        pcscd.start();

        events.awaitCount(ServiceUp.class, 1);
        events.awaitCount(ReaderAttached.class, 2);
        assertThat(kinds()).containsExactly("ReaderAttached", "ServiceDown", "ReaderLost", "ServiceUp", "ReaderAttached");
        assertThat(pcscd.contextsEstablished()).isGreaterThan(contextsBefore);
        pcscd.insert(READER, UID_7, ATR_ULTRALIGHT);
        assertThat(events.awaitTapOn(READER, 1).tap().uid()).isEqualTo(CardUid.of(UID_7));
    }

    private List<String> kinds() {
        return events.all().stream().map(e -> e.getClass().getSimpleName()).toList();
    }
}
