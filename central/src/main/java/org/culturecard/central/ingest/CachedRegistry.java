package org.culturecard.central.ingest;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.culturecard.core.ids.KioskId;
import org.culturecard.core.ids.VenueId;

/**
 * Remembers registry answers for a short while, so validating a batch does not cost a database
 * round trip each time (it halved a worker's throughput). Only known kiosks are cached; a kiosk
 * moved to another venue is seen within {@code ttl}.
 */
public final class CachedRegistry implements BatchValidator.KioskRegistry {

    private record Entry(VenueId venue, long expiresAt) {
    }

    private static final int MAX_ENTRIES = 200_000;

    private final BatchValidator.KioskRegistry source;
    private final Clock clock;
    private final long ttlMillis;
    private final ConcurrentHashMap<KioskId, Entry> cache = new ConcurrentHashMap<>();

    public CachedRegistry(BatchValidator.KioskRegistry source, Clock clock, Duration ttl) {
        this.source = source;
        this.clock = clock;
        this.ttlMillis = ttl.toMillis();
    }

    @Override
    public Optional<VenueId> registeredVenue(KioskId kiosk) {
        long now = clock.millis();
        Entry entry = cache.get(kiosk);
        if (entry != null && entry.expiresAt() > now) {
            return Optional.of(entry.venue());
        }
        Optional<VenueId> venue = source.registeredVenue(kiosk);
        if (venue.isPresent()) {
            if (cache.size() >= MAX_ENTRIES) {
                cache.clear();
            }
            cache.put(kiosk, new Entry(venue.get(), now + ttlMillis));
        } else {
            cache.remove(kiosk);
        }
        return venue;
    }
}
