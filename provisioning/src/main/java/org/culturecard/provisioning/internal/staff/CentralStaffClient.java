package org.culturecard.provisioning.internal.staff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.culturecard.core.ids.VenueId;
import org.culturecard.core.privacy.Token;
import org.culturecard.core.staff.StaffAuth;
import org.culturecard.provisioning.internal.central.CentralApi;

/**
 * {@code provision staff}'s way to central: the admin API for venue staff over HTTP(S), with the
 * admin bearer token. It sends a PIN only as its hash and a card only as its token, so nothing
 * secret about a staff member crosses the network or reaches central's logs. Central's refusals
 * come back as {@link CentralApi.Refused} with central's own words.
 */
public final class CentralStaffClient {
    /** A staff member as central lists them: a PIN is only "set or not", a card only its masked token. */
    public record Member(UUID id, String displayName, boolean pin, String card, String revokedAt) {
        public boolean revoked() {
            return revokedAt != null;
        }
    }

    /** The venue's staff: its setting, whether central manages them yet, and every member. */
    public record Staff(StaffAuth auth, boolean managed, List<Member> members) {
        /** The member who may sign in with this name (names are matched ignoring case and outer spaces). */
        public Optional<Member> active(String name) {
            String wanted = name.strip().toLowerCase(Locale.ROOT);
            return members.stream().filter(m -> !m.revoked())
                    .filter(m -> m.displayName().toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
        }
    }

    private final CentralApi api;

    /** @param central central's base URL, e.g. {@code https://central.example:8080} */
    public CentralStaffClient(URI central, String bearer) {
        this.api = new CentralApi(central, bearer);
    }

    public Staff list(VenueId venue) {
        JsonNode body = call("GET", staffPath(venue), null);
        List<Member> members = new ArrayList<>();
        for (JsonNode m : body.path("members")) {
            members.add(new Member(UUID.fromString(m.path("id").asText()), m.path("displayName").asText(),
                    m.path("pin").asBoolean(), m.path("card").isNull() ? null : m.path("card").asText(),
                    m.path("revokedAt").isNull() ? null : m.path("revokedAt").asText()));
        }
        return new Staff(StaffAuth.fromCode(body.path("auth").asText()), body.path("managed").asBoolean(), members);
    }

    /** Adds a member; returns the config version that carries them. */
    public long add(VenueId venue, String displayName, String pinHash, Token card) {
        ObjectNode request = api.object().put("displayName", displayName);
        if (pinHash != null) {
            request.put("pinHash", pinHash);
        }
        if (card != null) {
            request.put("cardToken", card.value());
        }
        return call("POST", staffPath(venue), request).path("configVersion").asLong();
    }

    public long setPin(VenueId venue, UUID id, String pinHash) {
        return call("PUT", staffPath(venue) + "/" + id + "/pin", api.object().put("pinHash", pinHash))
                .path("configVersion").asLong();
    }

    public long setCard(VenueId venue, UUID id, Token card) {
        return call("PUT", staffPath(venue) + "/" + id + "/card", api.object().put("cardToken", card.value()))
                .path("configVersion").asLong();
    }

    public long revoke(VenueId venue, UUID id) {
        return call("POST", staffPath(venue) + "/" + id + "/revoke", null).path("configVersion").asLong();
    }

    public long setAuth(VenueId venue, StaffAuth auth) {
        return call("PUT", "/api/venues/" + venue.value() + "/staff-auth", api.object().put("auth", auth.code()))
                .path("configVersion").asLong();
    }

    private static String staffPath(VenueId venue) {
        return "/api/venues/" + venue.value() + "/staff";
    }

    private JsonNode call(String method, String path, ObjectNode body) {
        return api.call(method, path, body);
    }
}
