package org.culturecard.central.identity;

import java.util.Objects;
import java.util.Optional;
import org.culturecard.central.ingest.Verdict;
import org.culturecard.central.ingest.VenueBinding;
import org.culturecard.central.store.ReasonClass;
import org.culturecard.core.wire.EnrolmentBatch;
import org.culturecard.core.wire.Topics;
import org.culturecard.core.wire.WireCodec;
import org.culturecard.core.wire.WireFormatException;

/**
 * Decides whether a message on an {@code up/enrolments} topic may be applied, as
 * {@code ingest.BatchValidator} does for check-ins: the topic is ours, its kiosk is registered at
 * the topic's venue ({@link VenueBinding}), the payload decodes as the current {@link EnrolmentBatch}
 * within its size limit, and names the topic's kiosk and venue. The staff check of each record is
 * the store's ({@link Identities}). Pure, apart from the registry look-up.
 */
public final class EnrolmentValidator {

    private final WireCodec codec;
    private final VenueBinding venues;

    /** A batch that may be applied, from the kiosk and venue of {@code topic}. */
    public record Accepted(Topics.KioskTopic topic, EnrolmentBatch batch) {
        public Accepted {
            Objects.requireNonNull(topic, "topic");
            Objects.requireNonNull(batch, "batch");
        }
    }

    public EnrolmentValidator(WireCodec codec, VenueBinding venues) {
        this.codec = codec;
        this.venues = venues;
    }

    /** The batch, or why the whole message goes to the dead letters. */
    public Optional<Accepted> validate(String topic, byte[] payload, java.util.function.Consumer<Verdict.Refused> refused) {
        Optional<Topics.KioskTopic> parsed = Topics.parseKioskTopic(topic);
        if (parsed.isEmpty() || !"up/enrolments".equals(parsed.get().leaf())) {
            return refuse(refused, ReasonClass.UNPARSEABLE, "not an enrolment topic");
        }
        Optional<Verdict.Refused> unbound = venues.check(parsed.get());
        if (unbound.isPresent()) {
            refused.accept(unbound.get());
            return Optional.empty();
        }
        if (payload == null || payload.length == 0 || payload.length > EnrolmentBatch.MAX_BYTES) {
            return refuse(refused, ReasonClass.UNPARSEABLE, "payload of " + (payload == null ? 0 : payload.length)
                    + " bytes, not 1 to " + EnrolmentBatch.MAX_BYTES);
        }
        EnrolmentBatch batch;
        try {
            batch = codec.decode(payload, EnrolmentBatch.class);
        } catch (WireFormatException e) {
            boolean schema = e.getMessage() != null && e.getMessage().contains("schema must be ");
            return refuse(refused, schema ? ReasonClass.WRONG_SCHEMA : ReasonClass.UNPARSEABLE, e.getMessage());
        } catch (RuntimeException e) {
            return refuse(refused, ReasonClass.UNPARSEABLE, "undecodable: " + e.getClass().getSimpleName());
        }
        if (batch == null) {
            return refuse(refused, ReasonClass.UNPARSEABLE, "payload is JSON null");
        }
        if (!batch.kioskId().equals(parsed.get().kiosk()) || !batch.venueId().equals(parsed.get().venue())) {
            return refuse(refused, ReasonClass.MISMATCH, "payload kiosk " + batch.kioskId() + " at " + batch.venueId()
                    + " differs from the topic's " + parsed.get().kiosk() + " at " + parsed.get().venue());
        }
        return Optional.of(new Accepted(parsed.get(), batch));
    }

    private static Optional<Accepted> refuse(java.util.function.Consumer<Verdict.Refused> refused, ReasonClass reasonClass,
            String reason) {
        refused.accept(new Verdict.Refused(reasonClass, reason == null ? reasonClass.label() : reason));
        return Optional.empty();
    }
}
