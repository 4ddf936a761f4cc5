package org.culturecard.central.store;

import java.util.List;
import java.util.Objects;
import org.culturecard.core.wire.CheckInBatch;

/**
 * A validated batch on its way into the store: the records admitted (with their placed times) and
 * those already refused by validation, which the store keeps whole in the same transaction. The
 * store may refuse more (a check-in for another venue's event) or hold some (an event not known yet).
 */
public record Admission(String topic, CheckInBatch batch, List<PlacedCheckIn> admitted, List<RecordRefusal> refused) {
    public Admission {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(batch, "batch");
        admitted = List.copyOf(admitted);
        refused = List.copyOf(refused);
    }
}
