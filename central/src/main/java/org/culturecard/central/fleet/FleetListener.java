package org.culturecard.central.fleet;

import java.util.Optional;
import org.culturecard.central.store.CheckInStore;
import org.culturecard.central.store.PostgresFleetStore;
import org.culturecard.core.wire.KioskEvents;
import org.culturecard.core.wire.KioskStatus;
import org.culturecard.core.wire.Topics;
import org.culturecard.core.wire.WireCodec;
import org.culturecard.core.wire.WireFormatException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the fleet view and the venues' events up to date from what kiosks publish: the retained
 * {@code up/status} messages (birth and last will) and {@code up/events}. A message whose payload
 * names another kiosk or venue than its topic, or that does not decode, is dead-lettered. Events
 * from a kiosk trigger a new retained config snapshot for its venue.
 */
public final class FleetListener {

    /** Every kiosk's events. */
    public static final String ALL_EVENTS = Topics.ROOT + "/+/+/up/events";
    private static final Logger LOG = LoggerFactory.getLogger(FleetListener.class);

    private final PostgresFleetStore fleet;
    private final CheckInStore deadLetters;
    private final VenueConfigPublisher configs;
    private final WireCodec codec;

    public FleetListener(PostgresFleetStore fleet, CheckInStore deadLetters, VenueConfigPublisher configs, WireCodec codec) {
        this.fleet = fleet;
        this.deadLetters = deadLetters;
        this.configs = configs;
        this.codec = codec;
    }

    /** Handles one message; called on the MQTT callback thread. */
    public void handle(String topic, MqttMessage message) {
        byte[] payload = message.getPayload();
        Optional<Topics.KioskTopic> parsed = Topics.parseKioskTopic(topic);
        if (parsed.isEmpty() || payload.length == 0) {
            return; // an empty retained message clears a status: nothing to record
        }
        try {
            switch (parsed.get().leaf()) {
                case "up/status" -> status(topic, parsed.get(), codec.decode(payload, KioskStatus.class), payload);
                case "up/events" -> events(topic, parsed.get(), codec.decode(payload, KioskEvents.class), payload);
                default -> LOG.debug("ignoring {}", topic);
            }
        } catch (WireFormatException | IllegalArgumentException | NullPointerException e) {
            deadLetters.deadLetter(topic, "undecodable: " + e.getMessage(), payload);
        }
    }

    private void status(String topic, Topics.KioskTopic where, KioskStatus status, byte[] payload) {
        if (!status.kioskId().equals(where.kiosk()) || !status.venueId().equals(where.venue())) {
            deadLetters.deadLetter(topic, "status names kiosk " + status.kioskId() + " at " + status.venueId()
                    + ", not the topic's", payload);
            return;
        }
        if (!fleet.applyStatus(status)) {
            LOG.info("status of {} not applied (older than the stored one, or another venue)", status.kioskId());
        }
    }

    private void events(String topic, Topics.KioskTopic where, KioskEvents events, byte[] payload) {
        if (!events.kioskId().equals(where.kiosk()) || !events.venueId().equals(where.venue())) {
            deadLetters.deadLetter(topic, "events name kiosk " + events.kioskId() + " at " + events.venueId()
                    + ", not the topic's", payload);
            return;
        }
        Optional<org.culturecard.core.ids.VenueId> registered = deadLetters.registeredVenue(events.kioskId());
        if (registered.isPresent() && !registered.get().equals(events.venueId())) {
            deadLetters.deadLetter(topic, "kiosk " + events.kioskId() + " is registered at " + registered.get(), payload);
            return;
        }
        fleet.upsertEvents(events.venueId(), events.events(), "kiosk");
        if (!events.closed().isEmpty()) {
            fleet.closeEvents(events.venueId(), events.closed());
        }
        configs.publish(events.venueId());
    }
}
