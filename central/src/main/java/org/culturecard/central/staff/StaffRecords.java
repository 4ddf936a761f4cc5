package org.culturecard.central.staff;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.culturecard.core.ids.VenueId;
import org.culturecard.core.privacy.Token;
import org.culturecard.core.staff.StaffAuth;
import org.culturecard.core.staff.StaffMember;
import org.culturecard.core.staff.VenueStaff;
import org.culturecard.core.wire.VenueConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin's use cases for a venue's staff: add, set a PIN hash, enrol a card, revoke, choose the
 * staff-auth setting. Each change is stored, then the venue's retained config is re-published
 * ({@code publish}, the {@code VenueConfigPublisher}), so that every kiosk of the venue has it at
 * its next config. Logs name members by id, never by name, and never carry a hash or a token.
 */
public final class StaffRecords {
    private static final Logger LOG = LoggerFactory.getLogger(StaffRecords.class);

    /** No such (active) member at this venue. */
    public static final class NotFound extends RuntimeException {
        NotFound(String message) {
            super(message);
        }
    }

    /** The change clashes with what the venue has (a name or a card taken, a card already set). */
    public static final class Conflict extends RuntimeException {
        Conflict(String message) {
            super(message);
        }
    }

    /** What a change came to: the member as stored now, and the config version that carries it. */
    public record Changed(StaffRecord record, long configVersion) {}

    private final PostgresVenueStaff store;
    private final Function<VenueId, VenueConfig> publish;
    private final Clock clock;
    private final Supplier<UUID> ids;

    public StaffRecords(PostgresVenueStaff store, Function<VenueId, VenueConfig> publish, Clock clock,
                        Supplier<UUID> ids) {
        this.store = Objects.requireNonNull(store, "store");
        this.publish = Objects.requireNonNull(publish, "publish");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
    }

    public List<StaffRecord> list(VenueId venue) {
        return store.members(venue);
    }

    public StaffAuth auth(VenueId venue) {
        return store.auth(venue);
    }

    /** A new member with a name and a PIN hash, a card token, or both. */
    public Changed add(VenueId venue, String displayName, String pinHash, Token card) {
        if (store.activeCount(venue) >= VenueStaff.MAX_MEMBERS) {
            throw new Conflict("venue " + venue + " has " + VenueStaff.MAX_MEMBERS + " active staff members, the most"
                    + " a venue config carries; revoke someone first");
        }
        StaffMember member = new StaffMember(ids.get(), displayName, pinHash, card, null);
        store.add(venue, member, clock.instant());
        LOG.info("added staff member {} at venue {} (PIN: {}, card: {})", member.id(), venue, member.hasPin(),
                member.hasCard());
        return published(venue, member.id());
    }

    public Changed setPin(VenueId venue, UUID id, String pinHash) {
        if (!store.setPin(venue, id, StaffMember.checkedPinHash(pinHash), clock.instant())) {
            throw new NotFound("no active staff member " + id + " at venue " + venue);
        }
        LOG.info("set the PIN of staff member {} at venue {}", id, venue);
        return published(venue, id);
    }

    /** Enrols a card for a member who has none: a lost card is revoked with its holder, never replaced. */
    public Changed setCard(VenueId venue, UUID id, Token card) {
        StaffRecord record = store.member(venue, id).filter(found -> !found.member().revoked())
                .orElseThrow(() -> new NotFound("no active staff member " + id + " at venue " + venue));
        if (record.member().hasCard()) {
            throw new Conflict("staff member " + id + " already has a card; to replace a lost one, revoke the member"
                    + " and add them again");
        }
        if (!store.setCard(venue, id, card, clock.instant())) {
            throw new NotFound("no active staff member " + id + " at venue " + venue);
        }
        LOG.info("enrolled a card for staff member {} at venue {}", id, venue);
        return published(venue, id);
    }

    /** Revokes a member (their card and PIN) at every kiosk of the venue, at its next config. */
    public Changed revoke(VenueId venue, UUID id) {
        if (!store.revoke(venue, id, clock.instant())) {
            throw new NotFound("no active staff member " + id + " at venue " + venue);
        }
        LOG.warn("revoked staff member {} at venue {}", id, venue);
        return published(venue, id);
    }

    /** Chooses how the venue's staff open staff mode; returns the config version that carries it. */
    public long setAuth(VenueId venue, StaffAuth auth) {
        store.setAuth(venue, auth, clock.instant());
        LOG.info("staff auth of venue {} is now {}", venue, auth.code());
        return publish.apply(venue).version();
    }

    private Changed published(VenueId venue, UUID id) {
        long version = publish.apply(venue).version();
        return new Changed(store.member(venue, id).orElseThrow(), version);
    }
}
