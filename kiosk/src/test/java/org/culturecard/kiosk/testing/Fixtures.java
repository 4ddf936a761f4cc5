package org.culturecard.kiosk.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Random;
import java.util.UUID;
import org.culturecard.core.card.CardKind;
import org.culturecard.core.card.CardTap;
import org.culturecard.core.card.CardUid;
import org.culturecard.core.event.AgeBand;
import org.culturecard.core.event.ArtsActivity;
import org.culturecard.core.event.Category;
import org.culturecard.core.event.Event;
import org.culturecard.core.event.LearningLayer;
import org.culturecard.core.event.Mode;
import org.culturecard.core.event.Sector;
import org.culturecard.core.ids.KioskId;
import org.culturecard.core.ids.UuidV7;
import org.culturecard.core.ids.VenueId;
import org.culturecard.core.privacy.Pseudonymiser;
import org.culturecard.core.privacy.SchemeKey;
import org.culturecard.kiosk.checkin.Station;

/** Shared test data: cards, events, a station and a pseudonymiser under a test key. */
public final class Fixtures {
    public static final VenueId VENUE = VenueId.of("central-library");
    public static final KioskId KIOSK = KioskId.of("central-library-kiosk-1");
    public static final Station STATION = new Station(VENUE, KIOSK, "0.1.0-test");
    public static final CardUid AMIRA = uid("04a1b2c3d4e5f6");
    public static final CardUid BEN = uid("04112233445566");
    public static final CardUid PHONE = uid("08a1b2c3");

    private Fixtures() {}

    public static CardUid uid(String hex) {
        return CardUid.of(HexFormat.of().parseHex(hex));
    }

    public static CardTap tap(CardUid uid, Instant at) {
        return new CardTap(uid, new byte[] {0x3b}, CardKind.MIFARE_CLASSIC_1K, "Test Reader 00 00", at);
    }

    public static Pseudonymiser pseudonymiser() {
        byte[] key = new byte[32];
        new Random(7).nextBytes(key);
        return new Pseudonymiser(SchemeKey.of(key));
    }

    public static UuidV7 ids(Clock clock) {
        return new UuidV7(clock, new Random(42));
    }

    public static Event event(String title, Instant startsAt, Duration length) {
        return new Event(UUID.nameUUIDFromBytes(title.getBytes()), VENUE, title,
                new Category(Sector.ARTS, ArtsActivity.THEATRE_DRAMA, Mode.TAKE_PART), AgeBand.AGE_11_15,
                LearningLayer.PARTICIPATE, startsAt, startsAt.plus(length), 30);
    }
}
