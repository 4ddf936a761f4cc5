package org.culturecard.reader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.culturecard.testsupport.pcsc.PcscdServer.PORT_READER_0;
import static org.culturecard.testsupport.pcsc.PcscdServer.PORT_READER_1;
import static org.culturecard.testsupport.pcsc.PcscdServer.READER_0;
import static org.culturecard.testsupport.pcsc.PcscdServer.READER_1;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.culturecard.core.card.CardKind;
import org.culturecard.core.card.CardUid;
import org.culturecard.reader.ReaderEvent.CardPresented;
import org.culturecard.reader.ReaderEvent.ReaderAttached;
import org.culturecard.testsupport.pcsc.CardResponder;
import org.culturecard.testsupport.pcsc.PcscdExtension;
import org.culturecard.testsupport.pcsc.VirtualCard;
import org.culturecard.testsupport.time.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The reader against the real pcscd, vpcd's two virtual readers and virtual cards. */
@ExtendWith(PcscdExtension.class)
class PcscCardReaderIT {
    private static final byte[] UID_4 = HexFormat.of().parseHex("1A2B3C4D");
    private static final byte[] UID_7 = HexFormat.of().parseHex("04A1523C7E6180");
    private static final byte[] UID_7_OTHER = HexFormat.of().parseHex("04B2634D8F7281");
    private static final byte[] UID_10 = HexFormat.of().parseHex("04112233445566778899");

    private final MutableClock clock = new MutableClock(Instant.parse("2025-05-01T10:00:00Z"));
    private final EventLog events = new EventLog();
    private final List<VirtualCard> cards = new ArrayList<>();
    private final List<String> cardReaders = new ArrayList<>();
    private LogCapture logs;
    private PcscCardReader reader;

    @BeforeEach
    void startReader() {
        logs = new LogCapture();
        reader = new PcscCardReader(clock);
        reader.start(events);
        events.await(ReaderAttached.class, a -> a.readerName().equals(READER_0));
        events.await(ReaderAttached.class, a -> a.readerName().equals(READER_1));
    }

    @AfterEach
    void stopReader() {
        for (int i = 0; i < cards.size(); i++) {
            if (cards.get(i).isInserted()) {
                takeOff(cards.get(i), cardReaders.get(i));
            }
        }
        reader.close();
        logs.close();
        for (byte[] uid : List.of(UID_4, UID_7, UID_7_OTHER, UID_10)) {
            String hex = HexFormat.of().formatHex(uid);
            assertThat(logs.lines()).noneMatch(line -> line.toLowerCase(Locale.ROOT).contains(hex));
        }
    }

    @Test
    void readsTheUidOfATappedCard() {
        put(PORT_READER_0, UID_4, VirtualCard.ATR_MIFARE_CLASSIC_1K);

        CardPresented presented = events.awaitTapOn(READER_0, 1);

        assertThat(presented.tap().uid()).isEqualTo(CardUid.of(UID_4));
        assertThat(presented.tap().kind()).isEqualTo(CardKind.MIFARE_CLASSIC_1K);
        assertThat(presented.tap().atr()).isEqualTo(VirtualCard.ATR_MIFARE_CLASSIC_1K);
        assertThat(presented.tap().at()).isEqualTo(clock.instant());
        assertThat(presented.tap().isRandomId()).isFalse();
    }

    @Test
    void readsSevenAndTenByteUids() {
        VirtualCard seven = put(PORT_READER_0, UID_7, VirtualCard.ATR_MIFARE_ULTRALIGHT);
        assertThat(events.awaitTapOn(READER_0, 1).tap().uid()).isEqualTo(CardUid.of(UID_7));
        assertThat(events.tapsOn(READER_0).get(0).tap().kind()).isEqualTo(CardKind.MIFARE_ULTRALIGHT);
        takeOff(seven, READER_0);

        put(PORT_READER_0, UID_10, VirtualCard.ATR_DESFIRE);

        CardPresented ten = events.awaitTapOn(READER_0, 2);
        assertThat(ten.tap().uid()).isEqualTo(CardUid.of(UID_10));
        assertThat(ten.tap().kind()).isEqualTo(CardKind.MIFARE_DESFIRE);
    }

    @Test
    void readsTwoReadersAtOnce() {
        put(PORT_READER_0, UID_7, VirtualCard.ATR_MIFARE_CLASSIC_1K);
        put(PORT_READER_1, UID_7_OTHER, VirtualCard.ATR_MIFARE_CLASSIC_1K);

        assertThat(events.awaitTapOn(READER_0, 1).tap().uid()).isEqualTo(CardUid.of(UID_7));
        assertThat(events.awaitTapOn(READER_1, 1).tap().uid()).isEqualTo(CardUid.of(UID_7_OTHER));
    }

    @Test
    void cardLeftOnTheReaderIsOneTap() throws InterruptedException {
        put(PORT_READER_0, UID_7, VirtualCard.ATR_MIFARE_CLASSIC_1K);
        events.awaitTapOn(READER_0, 1);

        Thread.sleep(1_500);

        assertThat(events.taps()).hasSize(1);
    }

    @Test
    void sameCardPresentedAgainWithinTheWindowIsOneTapAndAfterItANewOne() {
        VirtualCard first = put(PORT_READER_0, UID_7, VirtualCard.ATR_MIFARE_CLASSIC_1K);
        events.awaitTapOn(READER_0, 1);
        takeOff(first, READER_0);

        clock.advance(Duration.ofMillis(500));
        VirtualCard again = put(PORT_READER_0, UID_7, VirtualCard.ATR_MIFARE_CLASSIC_1K);
        await().atMost(EventLog.PATIENCE).until(() -> again.apduCount() > 0);
        takeOff(again, READER_0);
        assertThat(events.taps()).hasSize(1);

        clock.advance(Duration.ofSeconds(3));
        put(PORT_READER_0, UID_7, VirtualCard.ATR_MIFARE_CLASSIC_1K);
        assertThat(events.awaitTapOn(READER_0, 2).tap().uid()).isEqualTo(CardUid.of(UID_7));
    }

    @Test
    void twoDifferentCardsInQuickSuccessionAreTwoTaps() {
        VirtualCard amira = put(PORT_READER_0, UID_7, VirtualCard.ATR_MIFARE_CLASSIC_1K);
        events.awaitTapOn(READER_0, 1);
        takeOff(amira, READER_0);

        put(PORT_READER_0, UID_7_OTHER, VirtualCard.ATR_MIFARE_CLASSIC_1K);

        assertThat(events.awaitTapOn(READER_0, 2).tap().uid()).isEqualTo(CardUid.of(UID_7_OTHER));
    }

    @Test
    void reportsARandomUidCardAsSuch() {
        put(PORT_READER_0, HexFormat.of().parseHex("08A1B2C3"), HexFormat.of().parseHex("3B8580012063CBA0002C"));

        CardPresented presented = events.awaitTapOn(READER_0, 1);

        assertThat(presented.tap().isRandomId()).isTrue();
        assertThat(presented.tap().kind()).isEqualTo(CardKind.ISO14443_4_A);
    }

    @Test
    void retriesWithTheLengthTheCardAsksFor() {
        VirtualCard card = put(PORT_READER_0, VirtualCard.ATR_MIFARE_CLASSIC_1K, CardResponder.wrongLengthFirst(UID_7));

        assertThat(events.awaitTapOn(READER_0, 1).tap().uid()).isEqualTo(CardUid.of(UID_7));
        assertThat(card.apduCount()).isEqualTo(2);
    }

    @Test
    void waitsForASlowCard() {
        put(PORT_READER_0, VirtualCard.ATR_MIFARE_CLASSIC_1K, CardResponder.delayed(800, CardResponder.uid(UID_7)));

        assertThat(events.awaitTapOn(READER_0, 1).tap().uid()).isEqualTo(CardUid.of(UID_7));
    }

    @Test
    void aCardThatNeverAnswersDoesNotHoldUpTheOtherReader() {
        put(PORT_READER_0, VirtualCard.ATR_MIFARE_CLASSIC_1K, CardResponder.delayed(15_000, CardResponder.uid(UID_7)));
        await().atMost(EventLog.PATIENCE).until(() -> cards.get(0).apduCount() > 0);

        put(PORT_READER_1, UID_4, VirtualCard.ATR_MIFARE_CLASSIC_1K);

        assertThat(events.awaitTapOn(READER_1, 1).tap().uid()).isEqualTo(CardUid.of(UID_4));
    }

    @Test
    void cardPulledDuringTheUidReadGivesNoTapAndTheNextCardReads() {
        VirtualCard pulled = put(PORT_READER_0, VirtualCard.ATR_MIFARE_CLASSIC_1K, CardResponder.pulledAfter(100));
        await().atMost(EventLog.PATIENCE).until(() -> !pulled.isInserted());
        await().atMost(EventLog.PATIENCE).until(() -> events.removalsOn(READER_0) == 1);
        assertThat(events.taps()).isEmpty();

        put(PORT_READER_0, UID_7, VirtualCard.ATR_MIFARE_CLASSIC_1K);

        assertThat(events.awaitTapOn(READER_0, 1).tap().uid()).isEqualTo(CardUid.of(UID_7));
    }

    @Test
    void errorGarbageAndShortAnswersGiveNoTapAndNoCrash() {
        List<String> answers = List.of("6A81", "6F00", "01", "", "DEADBEEF", "0102030405" + "9000", "04A1523C7E6180" + "6282");
        for (String answer : answers) {
            VirtualCard card = put(PORT_READER_0, VirtualCard.ATR_MIFARE_CLASSIC_1K,
                    CardResponder.getUidAnswers(HexFormat.of().parseHex(answer)));
            await().atMost(EventLog.PATIENCE).until(() -> card.apduCount() > 0);
            takeOff(card, READER_0);
        }
        assertThat(events.taps()).isEmpty();

        put(PORT_READER_0, UID_7, VirtualCard.ATR_MIFARE_CLASSIC_1K);

        assertThat(events.awaitTapOn(READER_0, 1).tap().uid()).isEqualTo(CardUid.of(UID_7));
    }

    private VirtualCard put(int port, byte[] uid, byte[] atr) {
        return put(port, atr, CardResponder.uid(uid));
    }

    private VirtualCard put(int port, byte[] atr, CardResponder responder) {
        VirtualCard card = VirtualCard.insert(port, atr, responder);
        cards.add(card);
        cardReaders.add(port == PORT_READER_0 ? READER_0 : READER_1);
        return card;
    }

    /** Takes the card away and waits until the reader has seen it go, as vpcd requires. */
    private void takeOff(VirtualCard card, String readerName) {
        long before = events.removalsOn(readerName);
        card.remove();
        await().atMost(EventLog.PATIENCE).pollInterval(Duration.ofMillis(5))
                .until(() -> events.removalsOn(readerName) > before);
    }
}
