package org.culturecard.reader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.culturecard.testsupport.pcsc.PcscdServer.PORT_READER_0;
import static org.culturecard.testsupport.pcsc.PcscdServer.READER_0;
import static org.culturecard.testsupport.pcsc.PcscdServer.READER_1;

import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.culturecard.core.card.CardUid;
import org.culturecard.reader.ReaderEvent.ReaderAttached;
import org.culturecard.reader.ReaderEvent.ReaderLost;
import org.culturecard.reader.ReaderEvent.ServiceDown;
import org.culturecard.reader.ReaderEvent.ServiceUp;
import org.culturecard.testsupport.pcsc.PcscdExtension;
import org.culturecard.testsupport.pcsc.PcscdServer;
import org.culturecard.testsupport.pcsc.VirtualCard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The reader when pcscd dies, comes back, or is not there yet. */
@ExtendWith(PcscdExtension.class)
class PcscRecoveryIT {
    private static final byte[] UID = HexFormat.of().parseHex("04A1523C7E6180");

    private final EventLog events = new EventLog();
    private final PcscCardReader reader = new PcscCardReader(Clock.systemUTC());
    private final PcscdServer pcscd;

    PcscRecoveryIT(PcscdServer pcscd) {
        this.pcscd = pcscd;
    }

    @AfterEach
    void stop() {
        reader.close();
        pcscd.start();
    }

    @Test
    void recoversWithinTwoSecondsWhenPcscdIsKilledAndRestarted() {
        pcscd.start();
        reader.start(events);
        events.await(ReaderAttached.class, a -> a.readerName().equals(READER_0));
        tapOnceAndTakeOff(1);

        pcscd.kill();
        events.awaitCount(ServiceDown.class, 1);
        events.await(ReaderLost.class, l -> l.readerName().equals(READER_0));
        pcscd.start();
        long restartedAt = System.nanoTime();

        events.awaitCount(ServiceUp.class, 1);
        assertThat(Duration.ofNanos(System.nanoTime() - restartedAt)).isLessThan(Duration.ofSeconds(2));
        await().atMost(Duration.ofSeconds(2)).until(() -> events.of(ReaderAttached.class).size() == 4);
        assertThat(kinds()).containsSubsequence("ServiceDown", "ReaderLost", "ServiceUp", "ReaderAttached");
        tapOnceAndTakeOff(2);
    }

    @Test
    void waitsForPcscdWhenItIsAbsentAtStart() {
        pcscd.stop();
        reader.start(events);
        events.awaitCount(ServiceDown.class, 1);
        assertThat(events.of(ReaderAttached.class)).isEmpty();

        pcscd.start();

        events.awaitCount(ServiceUp.class, 1);
        events.await(ReaderAttached.class, a -> a.readerName().equals(READER_1));
        tapOnceAndTakeOff(1);
    }

    private void tapOnceAndTakeOff(int nth) {
        VirtualCard card = VirtualCard.insert(PORT_READER_0, UID, VirtualCard.ATR_MIFARE_CLASSIC_1K);
        assertThat(events.awaitTapOn(READER_0, nth).tap().uid()).isEqualTo(CardUid.of(UID));
        long before = events.removalsOn(READER_0);
        card.remove();
        await().atMost(EventLog.PATIENCE).until(() -> events.removalsOn(READER_0) > before);
    }

    private List<String> kinds() {
        return events.all().stream().map(e -> e.getClass().getSimpleName()).toList();
    }
}
