package org.culturecard.central.ingest;

import java.util.Objects;
import org.culturecard.central.store.Admission;
import org.culturecard.central.store.ReasonClass;
import org.culturecard.core.wire.CheckInBatch;
import org.culturecard.core.wire.Topics;

/** The outcome of validating one MQTT message: a batch to store, or a reason to dead-letter it. */
public sealed interface Verdict {

    /**
     * A batch whose topic, envelope and kiosk agree with the registry: its admitted records (with
     * their placed tap times) go to the store, and the records refused one by one are kept whole.
     */
    record Accepted(Topics.KioskTopic topic, Admission admission) implements Verdict {
        public CheckInBatch batch() {
            return admission.batch();
        }
    }

    /** Why the whole message cannot be stored; the reason goes to {@code dead_letters}. */
    record Refused(ReasonClass reasonClass, String reason) implements Verdict {
        public Refused {
            Objects.requireNonNull(reasonClass, "reasonClass");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
