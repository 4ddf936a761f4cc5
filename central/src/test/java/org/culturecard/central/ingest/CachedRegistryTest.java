package org.culturecard.central.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.culturecard.core.ids.KioskId;
import org.culturecard.core.ids.VenueId;
import org.culturecard.testsupport.time.MutableClock;
import org.junit.jupiter.api.Test;

class CachedRegistryTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
    private final Map<KioskId, VenueId> registry = new HashMap<>();
    private final AtomicInteger lookups = new AtomicInteger();
    private final CachedRegistry cached = new CachedRegistry(kiosk -> {
        lookups.incrementAndGet();
        return Optional.ofNullable(registry.get(kiosk));
    }, clock, Duration.ofSeconds(30));

    @Test
    void aFloodFromAnUnknownKioskCostsOneLookUpEveryFewSeconds() {
        KioskId unknown = KioskId.of("kiosk-z");
        for (int i = 0; i < 1000; i++) {
            assertThat(cached.registeredVenue(unknown)).isEmpty();
        }
        assertThat(lookups).hasValue(1);
        registry.put(unknown, VenueId.of("v1"));
        clock.advance(CachedRegistry.MAX_UNKNOWN_TTL.plusMillis(1));
        assertThat(cached.registeredVenue(unknown)).contains(VenueId.of("v1"));
    }

    @Test
    void aMovedKioskIsSeenAfterTheTtl() {
        KioskId kiosk = KioskId.of("kiosk-a");
        registry.put(kiosk, VenueId.of("v1"));
        assertThat(cached.registeredVenue(kiosk)).contains(VenueId.of("v1"));
        registry.put(kiosk, VenueId.of("v2"));
        assertThat(cached.registeredVenue(kiosk)).contains(VenueId.of("v1"));
        clock.advance(Duration.ofSeconds(31));
        assertThat(cached.registeredVenue(kiosk)).contains(VenueId.of("v2"));
    }
}
