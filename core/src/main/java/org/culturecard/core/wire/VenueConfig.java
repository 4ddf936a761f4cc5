package org.culturecard.core.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.culturecard.core.enrolment.UnregisteredCards;
import org.culturecard.core.event.Event;
import org.culturecard.core.ids.VenueId;
import org.culturecard.core.staff.StaffAuth;
import org.culturecard.core.staff.VenueStaff;

/**
 * Central to kiosks, retained on {@code culturecard/v1/{venue}/down/config}: the full, versioned
 * snapshot of a venue's open events and, from schema v2 on, its staff and staff-auth setting. A
 * kiosk applies a snapshot only if its {@code version} is newer than the last one applied; events
 * from central that a newer snapshot no longer lists have been closed.
 *
 * <p>Two schema versions are read: {@value Schemas#VENUE_CONFIG_V1} (events only, as centrals
 * before staff records sent it; {@code staff} is null and a kiosk leaves its staff alone) and
 * {@value Schemas#VENUE_CONFIG} (with {@code staff}). This type is forward compatible: the
 * {@link WireCodec} ignores fields it does not know in it, so central can add optional fields
 * without breaking kiosks that have not been updated (ADR 0013). One such field so far:
 * {@code unregisteredCards} ({@link UnregisteredCards}, issue 13), absent unless the venue chose one;
 * a kiosk from before it ignores it and welcomes every card, as the default does.
 */
public record VenueConfig(String schema, VenueId venueId, long version, Instant publishedAt, List<Event> events,
                          @JsonInclude(JsonInclude.Include.NON_NULL) VenueStaff staff,
                          @JsonInclude(JsonInclude.Include.NON_NULL) UnregisteredCards unregisteredCards) {
    public static final int MAX_EVENTS = 500;

    public VenueConfig {
        checkSchema(schema, staff);
        Objects.requireNonNull(venueId, "venueId");
        if (version < 1) {
            throw new IllegalArgumentException("version starts at 1");
        }
        Objects.requireNonNull(publishedAt, "publishedAt");
        Objects.requireNonNull(events, "events");
        if (events.size() > MAX_EVENTS) {
            throw new IllegalArgumentException("a venue snapshot holds at most " + MAX_EVENTS + " events");
        }
        for (Event event : events) {
            if (!event.venueId().equals(venueId)) {
                throw new IllegalArgumentException("event " + event.id() + " belongs to venue " + event.venueId());
            }
        }
        events = List.copyOf(events);
    }

    private static void checkSchema(String schema, VenueStaff staff) {
        if (Schemas.VENUE_CONFIG.equals(schema)) {
            Objects.requireNonNull(staff, "staff");
        } else if (Schemas.VENUE_CONFIG_V1.equals(schema)) {
            if (staff != null) {
                throw new IllegalArgumentException("a " + Schemas.VENUE_CONFIG_V1 + " snapshot carries no staff");
            }
        } else {
            throw new IllegalArgumentException("schema must be " + Schemas.VENUE_CONFIG + " or "
                    + Schemas.VENUE_CONFIG_V1 + ", not " + schema);
        }
    }

    /** A current snapshot with the venue's staff. */
    public static VenueConfig of(VenueId venueId, long version, Instant publishedAt, List<Event> events,
                                 VenueStaff staff) {
        return new VenueConfig(Schemas.VENUE_CONFIG, venueId, version, publishedAt, events, staff, null);
    }

    /** A current snapshot of a venue whose staff central does not keep, under the default staff auth. */
    public static VenueConfig of(VenueId venueId, long version, Instant publishedAt, List<Event> events) {
        return of(venueId, version, publishedAt, events, VenueStaff.unmanaged(StaffAuth.DEFAULT));
    }

    /** A snapshot as centrals before staff records published it (for compatibility tests). */
    public static VenueConfig v1(VenueId venueId, long version, Instant publishedAt, List<Event> events) {
        return new VenueConfig(Schemas.VENUE_CONFIG_V1, venueId, version, publishedAt, events, null, null);
    }

    /** This snapshot with the venue's {@link UnregisteredCards} setting (an optional field of either version). */
    public VenueConfig withUnregisteredCards(UnregisteredCards setting) {
        return new VenueConfig(schema, venueId, version, publishedAt, events, staff, setting);
    }

    /**
     * What the venue's kiosks say to a card that is not enrolled: {@link UnregisteredCards#DEFAULT}
     * when the snapshot does not say (a central from before enrolment, or a venue that never chose).
     */
    public UnregisteredCards unregisteredCardsOrDefault() {
        return unregisteredCards == null ? UnregisteredCards.DEFAULT : unregisteredCards;
    }

    /** The staff part, when this snapshot has one (schema v2). */
    public Optional<VenueStaff> staffPart() {
        return Optional.ofNullable(staff);
    }
}
