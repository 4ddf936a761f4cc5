package org.culturecard.provisioning.internal.staff;

import java.io.PrintStream;
import java.util.Objects;
import java.util.UUID;
import org.culturecard.core.ids.VenueId;
import org.culturecard.core.privacy.Token;
import org.culturecard.core.staff.StaffAuth;

/**
 * What {@code provision staff add|card|revoke|list} do with a venue's staff at central, members
 * found by name: a name the venue already has (an active member) is changed, a new one added.
 * Prints what it did to {@code out}, never a PIN, a hash or a whole token.
 */
public final class CentralStaff {
    private final CentralStaffClient client;
    private final VenueId venue;
    private final PrintStream out;

    public CentralStaff(CentralStaffClient client, VenueId venue, PrintStream out) {
        this.client = Objects.requireNonNull(client, "client");
        this.venue = Objects.requireNonNull(venue, "venue");
        this.out = Objects.requireNonNull(out, "out");
    }

    /** Sets the PIN hash of the member with this name, or adds them with it. */
    public void setPin(String name, String pinHash) {
        var existing = client.list(venue).active(name);
        long version = existing.isPresent() ? client.setPin(venue, existing.get().id(), pinHash)
                : client.add(venue, name.strip(), pinHash, null);
        out.println((existing.isPresent() ? "Set the PIN of " : "Added ") + name.strip() + " at venue " + venue
                + " (config version " + version + ")");
    }

    /** Enrols this card for the member with this name, or adds them with it. */
    public void setCard(String name, Token card) {
        var existing = client.list(venue).active(name);
        long version = existing.isPresent() ? client.setCard(venue, existing.get().id(), card)
                : client.add(venue, name.strip(), null, card);
        out.println((existing.isPresent() ? "Enrolled the card of " : "Added ") + name.strip() + " (token "
                + card.masked() + ") at venue " + venue + " (config version " + version + ")");
        if (existing.map(member -> !member.pin()).orElse(true)) {
            out.println(name.strip() + " has no PIN yet: where the venue needs card and PIN, set one with"
                    + " 'provision staff add --name \"" + name.strip() + "\"'.");
        }
    }

    /** Revokes the active member with this name: every kiosk of the venue refuses them at its next config. */
    public void revoke(String name) {
        var member = client.list(venue).active(name)
                .orElseThrow(() -> new IllegalArgumentException("venue " + venue + " has no active staff member named "
                        + name.strip() + " ('provision staff list' shows who it has)"));
        revoke(member.id(), member.displayName());
    }

    public void revoke(UUID id, String shownAs) {
        long version = client.revoke(venue, id);
        out.println("Revoked " + shownAs + " at venue " + venue + " (config version " + version + "): every kiosk of"
                + " the venue refuses their card and PIN once it has this config.");
    }

    public void setAuth(StaffAuth auth) {
        long version = client.setAuth(venue, auth);
        out.println("Staff at venue " + venue + " now sign in with: " + auth.code() + " (config version " + version + ")");
    }

    /** One line per member: id, name, PIN set or not, masked card, revoked when. */
    public void list() {
        CentralStaffClient.Staff staff = client.list(venue);
        out.println("Venue " + venue + ": staff sign in with " + staff.auth().code() + (staff.managed() ? ""
                : "; central keeps no staff for it yet (the kiosks' own staff rows stand)"));
        for (CentralStaffClient.Member member : staff.members()) {
            out.printf("%s  %-30s  PIN: %-3s  card: %-9s  %s%n", member.id(), member.displayName(),
                    member.pin() ? "yes" : "no", member.card() == null ? "none" : member.card(),
                    member.revoked() ? "revoked " + member.revokedAt() : "active");
        }
    }
}
