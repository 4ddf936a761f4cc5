package org.culturecard.reader;

import java.time.Instant;
import org.culturecard.core.card.CardTap;

/** What a {@link CardReader} reports. A closed set: the kiosk handles every case. */
public sealed interface ReaderEvent {

    Instant at();

    /** A reader appeared (at start or plugged in). */
    record ReaderAttached(String readerName, Instant at) implements ReaderEvent {}

    /** A reader disappeared (unplugged, or its driver gave up). */
    record ReaderLost(String readerName, Instant at) implements ReaderEvent {}

    /**
     * A card was presented and its UID read. The tap carries the raw UID in memory only; a random-ID
     * card (phone, bank card) arrives here too, with {@link CardTap#isRandomId()} true.
     */
    record CardPresented(CardTap tap) implements ReaderEvent {
        @Override
        public Instant at() {
            return tap.at();
        }
    }

    /** The card left the reader. */
    record CardRemoved(String readerName, Instant at) implements ReaderEvent {}

    /** The PC/SC service (pcscd) is unreachable: no reader can work until it is back. */
    record ServiceDown(String reason, Instant at) implements ReaderEvent {}

    /** The PC/SC service is reachable again. */
    record ServiceUp(Instant at) implements ReaderEvent {}
}
