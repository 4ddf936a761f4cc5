package org.culturecard.central.deadletter;

import java.util.Arrays;
import org.culturecard.central.store.CheckInStore;
import org.culturecard.central.store.DeadLetter;
import org.culturecard.central.store.ReasonClass;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where every message refused as a whole goes (ingest and the fleet listener alike). Junk (see
 * {@link ReasonClass#junk()}) is kept only up to {@code junkBytes} and only within its sender's
 * {@link JunkQuota}; everything is counted. The log line is a warning on its own logger, so a
 * flood can be quietened without hiding the workers' health; its wire values are escaped by the
 * log pattern (ADR 8).
 */
public final class DeadLetters {

    /** Its own logger name, kept from before this class, so existing log settings still apply. */
    private static final Logger LOG = LoggerFactory.getLogger("org.culturecard.central.ingest.DeadLetters");
    private static final int MAX_SEGMENT_CHARS = 100;

    private final CheckInStore store;
    private final JunkQuota quota;
    private final DeadLetterCounts counts;
    private final int junkBytes;

    public DeadLetters(CheckInStore store, JunkQuota quota, DeadLetterCounts counts, int junkBytes) {
        this.store = store;
        this.quota = quota;
        this.counts = counts;
        this.junkBytes = junkBytes;
    }

    /**
     * Dead-letters a message received on {@code topic}; returns whether a row was written (false
     * when the sender's junk quota for the hour is used up).
     */
    public boolean refuse(String topic, ReasonClass reasonClass, String reason, byte[] payload) {
        byte[] received = payload == null ? new byte[0] : payload;
        String kiosk = kioskSegment(topic);
        counts.refused(reasonClass);
        if (reasonClass.junk() && !quota.tryTake(kiosk)) {
            counts.dropped(reasonClass);
            LOG.debug("junk from {} over its hourly quota: counted, not stored ({})", kiosk, reasonClass.label());
            return false;
        }
        LOG.warn("dead-lettering a message on {} ({}): {}", topic, reasonClass.label(), reason);
        byte[] kept = reasonClass.junk() && received.length > junkBytes ? Arrays.copyOf(received, junkBytes) : received;
        store.deadLetter(new DeadLetter(topic, kiosk, reasonClass, reason, kept, received.length, null));
        return true;
    }

    /** The counts behind the metrics. */
    public DeadLetterCounts counts() {
        return counts;
    }

    /** The topic's kiosk segment ({@code culturecard/v1/{venue}/{kiosk}/...}), the sender as the ACL binds it. */
    static String kioskSegment(String topic) {
        String[] parts = topic == null ? new String[0] : topic.split("/", 5);
        String segment = parts.length > 3 ? parts[3] : "";
        return segment.length() <= MAX_SEGMENT_CHARS ? segment : segment.substring(0, MAX_SEGMENT_CHARS);
    }
}
