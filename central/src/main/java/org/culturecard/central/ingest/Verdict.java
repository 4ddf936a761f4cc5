package org.culturecard.central.ingest;

import org.culturecard.core.wire.CheckInBatch;
import org.culturecard.core.wire.Topics;

/** The outcome of validating one MQTT message: a batch to store, or a reason to dead-letter it. */
public sealed interface Verdict {

    /** A batch whose topic, envelope and records all agree and are in range. */
    record Accepted(Topics.KioskTopic topic, CheckInBatch batch) implements Verdict {
    }

    /** Why the message cannot be stored; the reason goes to {@code dead_letters}. */
    record Refused(String reason) implements Verdict {
    }
}
