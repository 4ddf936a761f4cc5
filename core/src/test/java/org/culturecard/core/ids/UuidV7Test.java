package org.culturecard.core.ids;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UuidV7Test {
    @Test
    void carriesVersionVariantAndTheClocksMillis() {
        Instant now = Instant.parse("2026-11-25T10:15:30.123Z");
        UUID id = new UuidV7(Clock.fixed(now, ZoneOffset.UTC), new Random(1)).get();
        assertThat(UuidV7.isV7(id)).isTrue();
        assertThat(UuidV7.millisOf(id)).isEqualTo(now.toEpochMilli());
    }

    @Test
    void idsFromOneGeneratorStrictlyIncreaseEvenWithinOneMillisecond() {
        UuidV7 ids = new UuidV7(Clock.fixed(Instant.EPOCH.plusSeconds(1_000_000), ZoneOffset.UTC), new Random(2));
        List<UUID> made = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            made.add(ids.get());
        }
        for (int i = 1; i < made.size(); i++) {
            assertThat(compareUnsigned(made.get(i - 1), made.get(i))).as("id %d", i).isNegative();
        }
    }

    @Test
    void rejectsOtherIdFormats() {
        assertThat(KioskId.isValid("kiosk-1")).isTrue();
        assertThat(KioskId.isValid("Kiosk.1")).isFalse();
        assertThat(KioskId.isValid("-k")).isFalse();
        assertThat(VenueId.isValid("a/b")).isFalse();
        assertThat(VenueId.isValid("+")).isFalse();
    }

    private static int compareUnsigned(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }
}
