package org.culturecard.central;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.culturecard.core.card.CardKind;
import org.culturecard.core.checkin.CheckIn;
import org.culturecard.core.ids.KioskId;
import org.culturecard.core.ids.UuidV7;
import org.culturecard.core.ids.VenueId;
import org.culturecard.core.privacy.Token;
import org.culturecard.core.wire.CheckInBatch;

/** Valid check-in batches for tests, from a fixed clock and a seeded random source. */
public final class TestBatches {

    public static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final UuidV7 ids;
    private final Random random;
    private long seq;

    public TestBatches(long seed) {
        this.random = new Random(seed);
        this.ids = new UuidV7(Clock.offset(CLOCK, java.time.Duration.ofMillis(seed)), random);
    }

    /**
     * Registers kiosks at a venue, as provisioning's registry does: central takes a kiosk's
     * messages only when the registry has it at the topic's venue.
     */
    public static void register(org.culturecard.central.store.PostgresCheckInStore store, String venue, String... kiosks) {
        for (String kiosk : kiosks) {
            store.registerKiosk(KioskId.of(kiosk), VenueId.of(venue), null);
        }
    }

    /** A batch of {@code size} check-ins tapped a few minutes before {@link #NOW}. */
    public CheckInBatch batch(String venue, String kiosk, int size) {
        List<CheckIn> records = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            records.add(checkIn(venue, kiosk, NOW.minusSeconds(300 - i)));
        }
        return CheckInBatch.of(ids.get(), KioskId.of(kiosk), VenueId.of(venue), UUID.nameUUIDFromBytes(kiosk.getBytes()),
                NOW, records);
    }

    /** One check-in at {@code tappedAt}. */
    public CheckIn checkIn(String venue, String kiosk, Instant tappedAt) {
        byte[] token = new byte[32];
        random.nextBytes(token);
        return new CheckIn(ids.get(), ++seq, Token.of(HexFormat.of().formatHex(token)), null, VenueId.of(venue),
                KioskId.of(kiosk), tappedAt, true, CardKind.MIFARE_CLASSIC_1K, "0.1.0");
    }
}
