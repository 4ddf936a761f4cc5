package org.culturecard.central.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.culturecard.central.fleet.VenueConfigPublisher;
import org.culturecard.central.store.PostgresFleetStore;
import org.culturecard.core.event.Event;
import org.culturecard.core.ids.VenueId;
import org.culturecard.core.wire.VenueConfig;
import org.culturecard.core.wire.WireCodec;
import org.culturecard.core.wire.WireFormatException;

/**
 * The API's use cases for a venue's events: list, create, update, close. Every change is stored
 * first, then the venue's retained config snapshot is re-published with the next version.
 */
final class VenueEvents {

    /** No such event at this venue. */
    static final class NotFound extends RuntimeException {
        NotFound(String message) {
            super(message);
        }
    }

    private final PostgresFleetStore fleet;
    private final VenueConfigPublisher configs;
    private final Supplier<UUID> ids;
    private final WireCodec codec = new WireCodec();
    private final ObjectMapper mapper = new ObjectMapper();

    VenueEvents(PostgresFleetStore fleet, VenueConfigPublisher configs, Supplier<UUID> ids) {
        this.fleet = fleet;
        this.configs = configs;
        this.ids = ids;
    }

    List<Event> list(VenueId venue) {
        return fleet.openEvents(venue);
    }

    Map<String, Object> create(VenueId venue, byte[] body) {
        Event event = parse(venue, Optional.empty(), body);
        if (fleet.eventOpen(venue, event.id()).isPresent()) {
            throw new IllegalArgumentException("event " + event.id() + " exists; PUT to change it");
        }
        return store(venue, event);
    }

    Map<String, Object> update(VenueId venue, UUID id, byte[] body) {
        Optional<Boolean> open = fleet.eventOpen(venue, id);
        if (open.isEmpty() || !open.get()) {
            throw new NotFound("no open event " + id + " at venue " + venue);
        }
        return store(venue, parse(venue, Optional.of(id), body));
    }

    Map<String, Object> close(VenueId venue, UUID id) {
        if (fleet.closeEvents(venue, List.of(id)) == 0) {
            throw new NotFound("no open event " + id + " at venue " + venue);
        }
        VenueConfig config = configs.publish(venue);
        return Map.of("closed", id.toString(), "configVersion", config.version());
    }

    private Map<String, Object> store(VenueId venue, Event event) {
        fleet.upsertEvents(venue, List.of(event), "central");
        VenueConfig config = configs.publish(venue);
        return Map.of("event", event.id().toString(), "configVersion", config.version());
    }

    private Event parse(VenueId venue, Optional<UUID> id, byte[] body) {
        try {
            JsonNode tree = mapper.readTree(body);
            if (!(tree instanceof ObjectNode object)) {
                throw new IllegalArgumentException("the body must be a JSON object (an event)");
            }
            if (object.hasNonNull("venueId") && !venue.value().equals(object.get("venueId").asText())) {
                throw new IllegalArgumentException("the event's venueId differs from the path");
            }
            if (id.isPresent() && object.hasNonNull("id") && !id.get().toString().equals(object.get("id").asText())) {
                throw new IllegalArgumentException("the event's id differs from the path");
            }
            object.put("venueId", venue.value());
            object.put("id", id.orElseGet(() -> object.hasNonNull("id") ? UUID.fromString(object.get("id").asText()) : ids.get())
                    .toString());
            return codec.decode(mapper.writeValueAsBytes(object), Event.class);
        } catch (WireFormatException | IOException e) {
            throw new IllegalArgumentException("not a valid event: " + e.getMessage(), e);
        }
    }
}
