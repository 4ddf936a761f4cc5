package org.culturecard.central.ingest;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.culturecard.core.ids.KioskId;
import org.culturecard.core.ids.VenueId;

/**
 * Remembers registry answers for a short while, so validating a batch does not cost a database
 * round trip each time (it halved a worker's throughput). A kiosk moved to another venue is seen
 * within {@code ttl}, at once when it was moved through this process's admin API ({@link #forget}). Unknown kiosks are remembered too, for at most {@link #MAX_UNKNOWN_TTL}, so
 * a flood from an unregistered certificate costs the database one look-up every few seconds; a
 * kiosk registered meanwhile is taken at its next retry.
 */
public final class CachedRegistry implements BatchValidator.KioskRegistry {

    /** The longest an unknown kiosk is remembered as unknown. */
    public static final Duration MAX_UNKNOWN_TTL = Duration.ofSeconds(5);

    private record Entry(Optional<VenueId> venue, long expiresAt) {
    }

    private static final int MAX_ENTRIES = 200_000;

    private final BatchValidator.KioskRegistry source;
    private final Clock clock;
    private final long ttlMillis;
    private final long unknownTtlMillis;
    private final ConcurrentHashMap<KioskId, Entry> cache = new ConcurrentHashMap<>();

    public CachedRegistry(BatchValidator.KioskRegistry source, Clock clock, Duration ttl) {
        this.source = source;
        this.clock = clock;
        this.ttlMillis = ttl.toMillis();
        this.unknownTtlMillis = Math.min(ttlMillis, MAX_UNKNOWN_TTL.toMillis());
    }

    /**
     * Drops what is remembered of {@code kiosk}, so its next batch reads the registry: called
     * after the admin API registered or moved it in this process (other processes see it within
     * the ttl).
     */
    public void forget(KioskId kiosk) {
        cache.remove(kiosk);
    }

    @Override
    public Optional<VenueId> registeredVenue(KioskId kiosk) {
        long now = clock.millis();
        Entry entry = cache.get(kiosk);
        if (entry != null && entry.expiresAt() > now) {
            return entry.venue();
        }
        Optional<VenueId> venue = source.registeredVenue(kiosk);
        if (cache.size() >= MAX_ENTRIES) {
            cache.clear();
        }
        cache.put(kiosk, new Entry(venue, now + (venue.isPresent() ? ttlMillis : unknownTtlMillis)));
        return venue;
    }
}
