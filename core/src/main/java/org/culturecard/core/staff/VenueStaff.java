package org.culturecard.core.staff;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.culturecard.core.privacy.Token;

/**
 * The staff part of a venue config: the venue's {@link StaffAuth} setting and, once central keeps
 * the venue's staff ({@code managed}), every staff member it knows, revoked ones included. While a
 * venue is not managed its kiosks keep the staff rows provisioned on them; from the first managed
 * snapshot on, central's list replaces them (ADR 0012).
 */
public record VenueStaff(StaffAuth auth, boolean managed, List<StaffMember> members) {
    /** The most staff members one venue config carries (about 250 bytes each on the wire). */
    public static final int MAX_MEMBERS = 200;

    public VenueStaff {
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(members, "members");
        if (!managed && !members.isEmpty()) {
            throw new IllegalArgumentException("members are listed only when central manages the venue's staff");
        }
        if (members.size() > MAX_MEMBERS) {
            throw new IllegalArgumentException("a venue config carries at most " + MAX_MEMBERS + " staff members");
        }
        Set<UUID> ids = new HashSet<>();
        Set<Token> cards = new HashSet<>();
        for (StaffMember member : members) {
            Objects.requireNonNull(member, "members[]");
            if (!ids.add(member.id())) {
                throw new IllegalArgumentException("staff member " + member.id() + " is listed twice");
            }
            if (member.hasCard() && !cards.add(member.cardToken())) {
                throw new IllegalArgumentException("two staff members share the card " + member.cardToken());
            }
        }
        members = List.copyOf(members);
    }

    /** For logs: the setting and the counts, never a name: "card-and-pin, 3 members (1 revoked)". */
    public String summary() {
        if (!managed) {
            return auth.code() + ", staff kept on the kiosks";
        }
        long revoked = members.stream().filter(StaffMember::revoked).count();
        return auth.code() + ", " + members.size() + " members (" + revoked + " revoked)";
    }

    /** A venue whose staff central does not keep (yet): its kiosks' own staff rows stand. */
    public static VenueStaff unmanaged(StaffAuth auth) {
        return new VenueStaff(auth, false, List.of());
    }
}
