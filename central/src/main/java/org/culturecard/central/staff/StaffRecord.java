package org.culturecard.central.staff;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.culturecard.core.ids.VenueId;
import org.culturecard.core.staff.StaffMember;

/**
 * A staff member as central keeps them: the wire's {@link StaffMember} plus its venue and when it
 * was made and last changed.
 */
public record StaffRecord(VenueId venueId, StaffMember member, Instant createdAt, Instant updatedAt) {
    public StaffRecord {
        Objects.requireNonNull(venueId, "venueId");
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public UUID id() {
        return member.id();
    }
}
