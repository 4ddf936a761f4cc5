package org.culturecard.reader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.culturecard.core.card.CardKind;
import org.culturecard.core.card.CardUid;
import org.culturecard.reader.ReaderEvent.CardPresented;
import org.culturecard.reader.ReaderEvent.CardRemoved;
import org.culturecard.reader.ReaderEvent.ReaderAttached;
import org.junit.jupiter.api.Test;

class SimulatedCardReaderTest {
    private static final Instant NOW = Instant.parse("2025-05-01T10:00:00Z");

    private final List<ReaderEvent> events = new ArrayList<>();
    private final SimulatedCardReader reader = new SimulatedCardReader(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void announcesTheDemoReaderOnStart() {
        reader.start(events::add);

        assertThat(events).containsExactly(new ReaderAttached("Demo reader", NOW));
    }

    @Test
    void tapPresentsTheCardThenRemovesIt() {
        reader.start(events::add);
        CardUid uid = CardUid.of(new byte[] {4, 1, 2, 3, 4, 5, 6});

        reader.tap(uid, CardKind.MIFARE_ULTRALIGHT);

        assertThat(events).hasSize(3);
        CardPresented presented = (CardPresented) events.get(1);
        assertThat(presented.tap().uid()).isEqualTo(uid);
        assertThat(presented.tap().kind()).isEqualTo(CardKind.MIFARE_ULTRALIGHT);
        assertThat(presented.tap().readerName()).isEqualTo("Demo reader");
        assertThat(events.get(2)).isEqualTo(new CardRemoved("Demo reader", NOW));
    }

    @Test
    void injectsReaderAndServiceIncidents() {
        reader.start(events::add);

        reader.serviceDown("pcscd gone");
        reader.serviceUp();
        reader.readerLost("Demo reader");
        reader.readerAttached("Demo reader");

        assertThat(events).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("ReaderAttached", "ServiceDown", "ServiceUp", "ReaderLost", "ReaderAttached");
    }

    @Test
    void recordsFeedbackSignals() {
        reader.signal("Demo reader", false);

        assertThat(reader.signals()).containsExactly(new SimulatedCardReader.Signal("Demo reader", false));
    }

    @Test
    void refusesTapsBeforeStart() {
        assertThatThrownBy(() -> reader.tap(new byte[] {4, 1, 2, 3, 4, 5, 6})).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void demoPhoneIsARandomIdCardEveryTimeAndTheOthersAreFixed() {
        DemoCards cards = new DemoCards(new Random(42));
        reader.start(events::add);

        reader.tap(cards.byLabel("Phone"));
        reader.tap(cards.byLabel("Phone"));
        reader.tap(cards.byLabel("Amira"));
        reader.tap(cards.byLabel("Amira"));

        List<CardPresented> taps = events.stream().filter(CardPresented.class::isInstance).map(CardPresented.class::cast).toList();
        assertThat(taps.get(0).tap().isRandomId()).isTrue();
        assertThat(taps.get(1).tap().isRandomId()).isTrue();
        assertThat(taps.get(0).tap().uid()).isNotEqualTo(taps.get(1).tap().uid());
        assertThat(taps.get(2).tap().isRandomId()).isFalse();
        assertThat(taps.get(2).tap().uid()).isEqualTo(taps.get(3).tap().uid());
        assertThat(cards.all()).extracting(DemoCards.DemoCard::label).containsExactly("Amira", "Ben", "Chloe", "Staff", "Phone");
        assertThat(cards.all()).filteredOn(DemoCards.DemoCard::staff).extracting(DemoCards.DemoCard::label).containsExactly("Staff");
    }
}
