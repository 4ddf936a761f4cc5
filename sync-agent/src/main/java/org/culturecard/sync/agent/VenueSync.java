package org.culturecard.sync.agent;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.culturecard.core.staff.VenueStaff;
import org.culturecard.core.wire.KioskEvents;
import org.culturecard.core.wire.Topics;
import org.culturecard.core.wire.VenueConfig;
import org.culturecard.core.wire.WireCodec;
import org.culturecard.core.wire.WireFormatException;
import org.culturecard.sync.config.SyncConfig;
import org.culturecard.sync.venue.KioskEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The venue's side of the link: carries the venue's retained config snapshot down into the kiosk's
 * events (and, from config v2, staff) tables, and the events staff made on the kiosk up to central,
 * one message at a time, marked published on PUBACK. Confined to the agent's worker.
 */
final class VenueSync {
    private static final Logger log = LoggerFactory.getLogger(MqttSyncAgent.class); // the agent's one log

    /** The kiosk's venue tables as the sync uses them (the kiosk's SQLite file in production). */
    interface VenueStore {
        /** Applies a newer snapshot; the events it closed, or -1 when it is not newer than the one applied. */
        int apply(VenueConfig snapshot, Instant now);

        List<KioskEvent> unpublished(int max);

        int markPublished(List<KioskEvent> sent);
    }

    private final SyncConfig config;
    private final VenueStore store;
    private final Link link;
    private final Clock clock;
    private final WireCodec codec = new WireCodec();
    private final String eventsTopic;
    private boolean eventsInFlight;

    VenueSync(SyncConfig config, VenueStore store, Link link, Clock clock) {
        this.config = config;
        this.store = store;
        this.link = link;
        this.clock = clock;
        this.eventsTopic = Topics.events(config.venueId(), config.kioskId());
    }

    /** The venue's retained config arrived: applied when it is this venue's and newer than the one applied. */
    void configArrived(byte[] payload) {
        VenueConfig snapshot;
        try {
            snapshot = codec.decode(payload, VenueConfig.class);
        } catch (WireFormatException e) {
            log.warn("ignoring an unreadable venue config: {}", e.getMessage());
            return;
        }
        if (!snapshot.venueId().equals(config.venueId())) {
            log.warn("ignoring a config for venue {} on this venue's topic", snapshot.venueId());
            return;
        }
        int closed = store.apply(snapshot, clock.instant());
        if (closed < 0) {
            log.debug("venue config version {} is not newer than the one applied; ignored", snapshot.version());
        } else {
            log.info("applied venue config version {}: {} events, {} closed; staff: {}", snapshot.version(),
                    snapshot.events().size(), closed, snapshot.staffPart().map(VenueStaff::summary).orElse("unchanged (v1)"));
        }
    }

    /** Sends events staff made on the kiosk (one message at a time); marked published on PUBACK. */
    void publishKioskEvents() {
        if (!link.isUp() || eventsInFlight) {
            return;
        }
        List<KioskEvent> pending = store.unpublished(KioskEvents.MAX_EVENTS);
        if (pending.isEmpty()) {
            return;
        }
        KioskEvents message = KioskEvents.of(config.kioskId(), config.venueId(), clock.instant(),
                pending.stream().filter(e -> !e.closed()).map(KioskEvent::event).toList(),
                pending.stream().filter(KioskEvent::closed).map(e -> e.event().id()).toList());
        eventsInFlight = true;
        link.publish(eventsTopic, codec.encode(message), false, code -> {
            eventsInFlight = false;
            int marked = store.markPublished(pending);
            log.info("sent {} kiosk events to central ({} marked published)", pending.size(), marked);
        });
    }

    /** The connection is gone: the message in flight, if any, is sent again on the next one. */
    void disconnected() {
        eventsInFlight = false;
    }
}
