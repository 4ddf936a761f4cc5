package org.culturecard.central.fleet;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.culturecard.central.deadletter.DeadLetters;
import org.culturecard.central.ingest.VenueBinding;
import org.culturecard.central.ingest.Verdict;
import org.culturecard.central.store.HeldCheckIns;
import org.culturecard.central.store.PostgresFleetStore;
import org.culturecard.central.store.ReasonClass;
import org.culturecard.core.event.Event;
import org.culturecard.core.wire.KioskEvents;
import org.culturecard.core.wire.KioskStatus;
import org.culturecard.core.wire.Topics;
import org.culturecard.core.wire.WireCodec;
import org.culturecard.core.wire.WireFormatException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the fleet view and the venues' events up to date from what kiosks publish: the retained
 * {@code up/status} messages (birth and last will) and {@code up/events}. Only a kiosk the
 * registry has at the topic's venue is heard ({@link VenueBinding}); anything else, a payload
 * naming another kiosk or venue than its topic, or one that does not decode, is dead-lettered and
 * changes nothing. A kiosk's events must be at its venue and may not take over another venue's
 * event id; an accepted event attaches the check-ins held for it and triggers a new retained
 * config snapshot for the venue.
 */
public final class FleetListener {

    /** Every kiosk's events. */
    public static final String ALL_EVENTS = Topics.ROOT + "/+/+/up/events";
    /** Larger status or events messages are junk (a full KioskEvents is far smaller). */
    static final int MAX_BYTES = 64 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(FleetListener.class);

    private final PostgresFleetStore fleet;
    private final HeldCheckIns held;
    private final DeadLetters deadLetters;
    private final VenueBinding venues;
    private final VenueConfigPublisher configs;
    private final WireCodec codec;

    public FleetListener(PostgresFleetStore fleet, HeldCheckIns held, DeadLetters deadLetters, VenueBinding venues,
            VenueConfigPublisher configs, WireCodec codec) {
        this.fleet = fleet;
        this.held = held;
        this.deadLetters = deadLetters;
        this.venues = venues;
        this.configs = configs;
        this.codec = codec;
    }

    /** Handles one message; called on the MQTT callback thread. */
    public void handle(String topic, byte[] payload) {
        Optional<Topics.KioskTopic> parsed = Topics.parseKioskTopic(topic);
        if (parsed.isEmpty() || payload.length == 0) {
            return; // an empty retained message clears a status: nothing to record
        }
        Optional<Verdict.Refused> unbound = venues.check(parsed.get());
        if (unbound.isPresent()) {
            deadLetters.refuse(topic, unbound.get().reasonClass(), unbound.get().reason(), payload);
            return;
        }
        if (payload.length > MAX_BYTES) {
            deadLetters.refuse(topic, ReasonClass.UNPARSEABLE, "payload of " + payload.length + " bytes exceeds " + MAX_BYTES,
                    payload);
            return;
        }
        try {
            switch (parsed.get().leaf()) {
                case "up/status" -> status(topic, parsed.get(), codec.decode(payload, KioskStatus.class), payload);
                case "up/events" -> events(topic, parsed.get(), codec.decode(payload, KioskEvents.class), payload);
                default -> LOG.debug("ignoring {}", topic);
            }
        } catch (WireFormatException | IllegalArgumentException | NullPointerException e) {
            boolean schema = e.getMessage() != null && e.getMessage().contains("schema must be ");
            deadLetters.refuse(topic, schema ? ReasonClass.WRONG_SCHEMA : ReasonClass.UNPARSEABLE,
                    "undecodable: " + e.getMessage(), payload);
        }
    }

    private void status(String topic, Topics.KioskTopic where, KioskStatus status, byte[] payload) {
        if (!status.kioskId().equals(where.kiosk()) || !status.venueId().equals(where.venue())) {
            deadLetters.refuse(topic, ReasonClass.MISMATCH, "status names kiosk " + status.kioskId() + " at "
                    + status.venueId() + ", not the topic's", payload);
            return;
        }
        if (!fleet.applyStatus(status)) {
            LOG.info("status of {} not applied: older than the stored one", status.kioskId());
        }
    }

    private void events(String topic, Topics.KioskTopic where, KioskEvents events, byte[] payload) {
        if (!events.kioskId().equals(where.kiosk()) || !events.venueId().equals(where.venue())) {
            deadLetters.refuse(topic, ReasonClass.MISMATCH, "events name kiosk " + events.kioskId() + " at "
                    + events.venueId() + ", not the topic's", payload);
            return;
        }
        List<UUID> ids = events.events().stream().map(Event::id).toList();
        List<UUID> foreign = fleet.eventsOfOtherVenues(events.venueId(), ids);
        if (!foreign.isEmpty()) {
            deadLetters.refuse(topic, ReasonClass.EVENT_CONFLICT, "events " + foreign + " belong to another venue than "
                    + events.venueId() + "; the message's other events were applied", payload);
        }
        List<Event> own = new ArrayList<>(events.events());
        own.removeIf(e -> foreign.contains(e.id()));
        fleet.upsertEvents(events.venueId(), own, "kiosk");
        if (!events.closed().isEmpty()) {
            fleet.closeEvents(events.venueId(), events.closed());
        }
        int attached = held.attach(own.stream().map(Event::id).toList());
        if (attached > 0) {
            LOG.info("{} held check-ins attached to their events at {}", attached, events.venueId());
        }
        configs.publish(events.venueId());
    }
}
