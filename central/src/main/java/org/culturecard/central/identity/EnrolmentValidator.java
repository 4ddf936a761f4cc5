package org.culturecard.central.identity;

import java.util.Objects;
import java.util.Optional;
import org.culturecard.central.ingest.KioskMessages;
import org.culturecard.central.ingest.Verdict;
import org.culturecard.central.ingest.VenueBinding;
import org.culturecard.core.wire.EnrolmentBatch;
import org.culturecard.core.wire.Topics;
import org.culturecard.core.wire.WireCodec;

/**
 * Decides whether a message on an {@code up/enrolments} topic may be applied, as
 * {@code ingest.BatchValidator} does for check-ins: the topic is ours, its kiosk is registered at
 * the topic's venue ({@link VenueBinding}), the payload decodes as the current {@link EnrolmentBatch}
 * within its size limit, and names the topic's kiosk and venue ({@link KioskMessages}). The staff check of each record is
 * the store's ({@link Identities}). Pure, apart from the registry look-up.
 */
public final class EnrolmentValidator {

    private final KioskMessages<EnrolmentBatch> messages;

    /** A batch that may be applied, from the kiosk and venue of {@code topic}. */
    public record Accepted(Topics.KioskTopic topic, EnrolmentBatch batch) {
        public Accepted {
            Objects.requireNonNull(topic, "topic");
            Objects.requireNonNull(batch, "batch");
        }
    }

    public EnrolmentValidator(WireCodec codec, VenueBinding venues) {
        this.messages = new KioskMessages<>(codec, venues, "up/enrolments", EnrolmentBatch.class, EnrolmentBatch.MAX_BYTES,
                EnrolmentBatch::kioskId, EnrolmentBatch::venueId);
    }

    /** The batch, or why the whole message goes to the dead letters. */
    public Optional<Accepted> validate(String topic, byte[] payload, java.util.function.Consumer<Verdict.Refused> refused) {
        return messages.decode(topic, payload, refused).map(d -> new Accepted(d.topic(), d.message()));
    }
}
