package org.culturecard.central.fleet;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.culturecard.core.enrolment.UnregisteredCards;
import org.culturecard.central.store.PostgresFleetStore;
import org.culturecard.core.event.Event;
import org.culturecard.core.ids.VenueId;
import org.culturecard.core.staff.VenueStaff;
import org.culturecard.core.wire.Topics;
import org.culturecard.core.wire.VenueConfig;
import org.culturecard.core.wire.WireCodec;
import org.culturecard.mqttlink.MqttLink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-publishes a venue's retained config snapshot (QoS 1, retained) after every change to its
 * events, its staff or its {@code unregisteredCards} setting (the staff part comes from {@code staff}), with the next version from the per-venue counter in the database, so versions grow even
 * across restarts. Synchronized, so that within one central a newer version is never overwritten
 * by an older one; with several central instances, the kiosks' "apply only newer" rule covers it.
 */
public final class VenueConfigPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(VenueConfigPublisher.class);

    private final PostgresFleetStore fleet;
    private final MqttLink link;
    private final WireCodec codec;
    private final Clock clock;
    private final Function<VenueId, VenueStaff> staff;
    private final Function<VenueId, Optional<UnregisteredCards>> unregistered;

    /** @param staff the staff part of a venue's config (central.staff's {@code PostgresVenueStaff::snapshot}) */
    public VenueConfigPublisher(PostgresFleetStore fleet, MqttLink link, WireCodec codec, Clock clock,
                                Function<VenueId, VenueStaff> staff) {
        this(fleet, link, codec, clock, staff, venue -> Optional.empty());
    }

    /** @param unregistered the venue's {@code unregisteredCards} choice, left out of the config when it never chose */
    public VenueConfigPublisher(PostgresFleetStore fleet, MqttLink link, WireCodec codec, Clock clock,
                                Function<VenueId, VenueStaff> staff,
                                Function<VenueId, Optional<UnregisteredCards>> unregistered) {
        this.fleet = fleet;
        this.link = link;
        this.codec = codec;
        this.clock = clock;
        this.staff = staff;
        this.unregistered = unregistered;
    }

    /** Publishes the venue's open events as the next version; returns the snapshot (published or not). */
    public synchronized VenueConfig publish(VenueId venue) {
        List<Event> events = fleet.openEvents(venue);
        if (events.size() > VenueConfig.MAX_EVENTS) {
            LOG.warn("venue {} has {} open events; the snapshot carries the first {}", venue, events.size(), VenueConfig.MAX_EVENTS);
            events = events.subList(0, VenueConfig.MAX_EVENTS);
        }
        VenueConfig config = VenueConfig.of(venue, fleet.nextConfigVersion(venue, clock.instant()), clock.instant(), events,
                staff.apply(venue)).withUnregisteredCards(unregistered.apply(venue).orElse(null));
        if (link.publish(Topics.config(venue), codec.encode(config), 1, true)) {
            LOG.info("published config v{} of venue {} ({} events)", config.version(), venue, events.size());
        } else {
            LOG.warn("config v{} of venue {} not published (broker unreachable); the next change publishes again",
                    config.version(), venue);
        }
        return config;
    }
}
