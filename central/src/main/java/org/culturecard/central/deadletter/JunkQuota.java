package org.culturecard.central.deadletter;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * How many junk messages central keeps per kiosk per clock hour; the excess is counted, not
 * stored, so one certificate cannot fill the database with refusals. The key is the topic's
 * kiosk segment, which the broker's ACL binds to the sender's certificate. Per process: N central
 * instances keep at most N times the quota. Bounded: past {@value #MAX_KIOSKS} distinct senders in
 * an hour, the rest share one allowance.
 */
public final class JunkQuota {

    static final int MAX_KIOSKS = 10_000;
    private static final String OTHERS = "\u0000others";

    private final Clock clock;
    private final int perHour;
    private final Map<String, Integer> used = new HashMap<>();
    private long hour = Long.MIN_VALUE;

    public JunkQuota(Clock clock, int perHour) {
        if (perHour < 0) {
            throw new IllegalArgumentException("perHour is never negative");
        }
        this.clock = clock;
        this.perHour = perHour;
    }

    /** Takes one from the sender's allowance for this hour; false when it is used up. */
    public synchronized boolean tryTake(String kioskSegment) {
        long now = Math.floorDiv(clock.millis(), 3_600_000L);
        if (now != hour) {
            hour = now;
            used.clear();
        }
        String key = used.containsKey(kioskSegment) || used.size() < MAX_KIOSKS ? kioskSegment : OTHERS;
        int taken = used.getOrDefault(key, 0);
        if (taken >= perHour) {
            return false;
        }
        used.put(key, taken + 1);
        return true;
    }
}
