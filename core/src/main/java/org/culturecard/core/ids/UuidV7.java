package org.culturecard.core.ids;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, then random bits, so ids sort by time
 * and index well in SQLite and PostgreSQL. Within one millisecond the 12-bit {@code rand_a} field
 * is a counter, so ids from one generator are strictly increasing.
 */
public final class UuidV7 implements Supplier<UUID> {
    private final Clock clock;
    private final Random random;
    private long lastMillis = -1;
    private int counter;

    public UuidV7(Clock clock, Random random) {
        this.clock = clock;
        this.random = random;
    }

    /** A generator on the system clock and a {@link SecureRandom}. */
    public static UuidV7 system() {
        return new UuidV7(Clock.systemUTC(), new SecureRandom());
    }

    @Override
    public synchronized UUID get() {
        long millis = clock.millis();
        if (millis > lastMillis) {
            lastMillis = millis;
            counter = random.nextInt(0x800); // leave headroom for the counter within this millisecond
        } else if (++counter > 0xFFF) {
            lastMillis++; // counter exhausted (or clock went back): borrow the next millisecond
            counter = 0;
        }
        long msb = (lastMillis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | counter;
        long lsb = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb);
    }

    /** True when {@code id} is a version 7, RFC 9562 variant UUID. */
    public static boolean isV7(UUID id) {
        return id.version() == 7 && id.variant() == 2;
    }

    /** The Unix milliseconds encoded in a version 7 UUID. */
    public static long millisOf(UUID id) {
        return id.getMostSignificantBits() >>> 16;
    }
}
