package org.culturecard.central.ingest;

import java.util.Optional;
import org.culturecard.central.store.ReasonClass;
import org.culturecard.core.ids.VenueId;
import org.culturecard.core.wire.Topics;

/**
 * A kiosk's venue comes from the registry that provisioning writes, never from what it sends: a
 * message on a kiosk topic is taken only if the registry has that kiosk at that topic's venue.
 * The broker's ACL ties the topic's kiosk segment to the sender's certificate, so the topic names
 * the sender; the venue segment is the sender's claim, checked here.
 */
public final class VenueBinding {

    private final BatchValidator.KioskRegistry registry;

    public VenueBinding(BatchValidator.KioskRegistry registry) {
        this.registry = registry;
    }

    /** Why a message on {@code topic} must be refused, or empty when its kiosk is registered at its venue. */
    public Optional<Verdict.Refused> check(Topics.KioskTopic topic) {
        Optional<VenueId> registered = registry.registeredVenue(topic.kiosk());
        if (registered.isEmpty()) {
            return Optional.of(new Verdict.Refused(ReasonClass.UNKNOWN_KIOSK,
                    "kiosk " + topic.kiosk() + " is not in the kiosk registry"));
        }
        if (!registered.get().equals(topic.venue())) {
            return Optional.of(new Verdict.Refused(ReasonClass.WRONG_VENUE, "kiosk " + topic.kiosk()
                    + " is registered at venue " + registered.get() + ", not " + topic.venue()));
        }
        return Optional.empty();
    }
}
