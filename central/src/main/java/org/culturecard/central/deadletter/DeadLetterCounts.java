package org.culturecard.central.deadletter;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.culturecard.central.store.ReasonClass;

/** This process's dead-letter totals by reason class, since start: kept, and dropped over the junk quota. */
public final class DeadLetterCounts {

    private final Map<ReasonClass, LongAdder> refused = new EnumMap<>(ReasonClass.class);
    private final Map<ReasonClass, LongAdder> dropped = new EnumMap<>(ReasonClass.class);

    public DeadLetterCounts() {
        for (ReasonClass reason : ReasonClass.values()) {
            refused.put(reason, new LongAdder());
            dropped.put(reason, new LongAdder());
        }
    }

    /** One message or record refused for {@code reason}, kept or not. */
    public void refused(ReasonClass reason) {
        refused.get(reason).increment();
    }

    /** One junk message counted but not stored: its sender's quota for the hour was used up. */
    public void dropped(ReasonClass reason) {
        dropped.get(reason).increment();
    }

    public long refusedTotal(ReasonClass reason) {
        return refused.get(reason).sum();
    }

    public long droppedTotal(ReasonClass reason) {
        return dropped.get(reason).sum();
    }
}
