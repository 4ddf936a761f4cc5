package org.culturecard.reader;

import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.culturecard.core.card.CardKind;
import org.culturecard.core.card.CardUid;

/**
 * The cards the demo kiosk shows as on-screen buttons: three young people's library cards with
 * fixed 7-byte UIDs (so their check-ins stay linked across runs), a staff card, and a phone that
 * presents a new random 4-byte UID (first byte 0x08) each time, which the kiosk must refuse.
 */
public final class DemoCards {

    /** One on-screen card: a label, its kind, and where its UID comes from (new for a phone). */
    public record DemoCard(String label, CardKind kind, Supplier<CardUid> uidSource, boolean staff) {
        public CardUid uid() {
            return uidSource.get();
        }
    }

    private final List<DemoCard> cards;

    /** @param random the source of the phone's random UIDs (inject a seeded one in tests) */
    public DemoCards(Random random) {
        this.cards = List.of(
                fixed("Amira", CardKind.MIFARE_CLASSIC_1K, "04 A1 52 3C 7E 61 80", false),
                fixed("Ben", CardKind.MIFARE_ULTRALIGHT, "04 B2 63 4D 8F 72 81", false),
                fixed("Chloe", CardKind.MIFARE_DESFIRE, "04 C3 74 5E 90 83 82", false),
                fixed("Staff", CardKind.MIFARE_CLASSIC_1K, "04 5A 7F 00 11 22 83", true),
                new DemoCard("Phone", CardKind.ISO14443_4_A, () -> randomUid(random), false));
    }

    public List<DemoCard> all() {
        return cards;
    }

    public DemoCard byLabel(String label) {
        return cards.stream().filter(c -> c.label().equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no demo card labelled " + label));
    }

    private static DemoCard fixed(String label, CardKind kind, String hex, boolean staff) {
        CardUid uid = CardUid.of(java.util.HexFormat.of().parseHex(hex.replace(" ", "")));
        return new DemoCard(label, kind, () -> uid, staff);
    }

    private static CardUid randomUid(Random random) {
        byte[] bytes = new byte[4];
        synchronized (random) {
            random.nextBytes(bytes);
        }
        bytes[0] = 0x08;
        return CardUid.of(bytes);
    }
}
