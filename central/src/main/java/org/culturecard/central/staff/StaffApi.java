package org.culturecard.central.staff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.culturecard.central.json.JsonBody;
import org.culturecard.core.ids.VenueId;
import org.culturecard.core.privacy.Token;
import org.culturecard.core.staff.StaffAuth;
import org.culturecard.core.staff.StaffMember;

/**
 * The admin API for venue staff, registered into central's API by {@link #register}. Admin only,
 * reads included ({@link #adminOnly}): the list names staff and says who has a PIN and a card.
 *
 * <p>Routes: {@code GET /api/venues/{venue}/staff} (the setting and every member, revoked ones
 * included; a card as its masked token, a PIN as {@code true}/{@code false}, never a hash);
 * {@code POST /api/venues/{venue}/staff} with {@code {"displayName", "pinHash"?, "cardToken"?}};
 * {@code PUT .../staff/{id}/pin} with {@code {"pinHash"}}; {@code PUT .../staff/{id}/card} with
 * {@code {"cardToken"}}; {@code POST .../staff/{id}/revoke}; {@code PUT /api/venues/{venue}/staff-auth}
 * with {@code {"auth": "card-and-pin" | "card-only" | "pin-only"}}. Each change re-publishes the
 * venue's config and answers with its {@code configVersion}. Bodies are small JSON objects; an
 * unknown field, a wrong type, a PIN where a hash belongs, get 400 naming the field, never echoing
 * its value; no such member 404; a taken name or card 409.
 */
public final class StaffApi {
    private static final Pattern ADMIN_ONLY = Pattern.compile("/api/venues/[^/]+/staff(-auth)?(/.*)?");
    private static final String JSON = "application/json";

    private final StaffRecords records;
    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private StaffApi(StaffRecords records) {
        this.records = records;
    }

    /** True for the paths this class serves: every method on them needs an admin token. */
    public static boolean adminOnly(String path) {
        return ADMIN_ONLY.matcher(path).matches();
    }

    /** Adds the staff routes and their error answers to central's API. */
    public static void register(RoutesConfig routes, StaffRecords records) {
        StaffApi api = new StaffApi(records);
        routes.get("/api/venues/{venue}/staff", api::list);
        routes.post("/api/venues/{venue}/staff", api::add);
        routes.put("/api/venues/{venue}/staff/{staffId}/pin", api::setPin);
        routes.put("/api/venues/{venue}/staff/{staffId}/card", api::setCard);
        routes.post("/api/venues/{venue}/staff/{staffId}/revoke", api::revoke);
        routes.put("/api/venues/{venue}/staff-auth", api::setAuth);
        routes.exception(StaffRecords.NotFound.class, (e, ctx) -> api.error(ctx, 404, e));
        routes.exception(StaffRecords.Conflict.class, (e, ctx) -> api.error(ctx, 409, e));
    }

    private void list(Context ctx) {
        VenueId venue = venue(ctx);
        List<Map<String, Object>> members = records.list(venue).stream().map(StaffApi::view).toList();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("venueId", venue.value());
        answer.put("auth", records.auth(venue).code());
        answer.put("managed", !members.isEmpty());
        answer.put("members", members);
        json(ctx, answer);
    }

    private void add(Context ctx) {
        VenueId venue = venue(ctx);
        ObjectNode body = body(ctx, Set.of("displayName", "pinHash", "cardToken"));
        String name = text(body, "displayName");
        if (name == null) {
            throw new IllegalArgumentException("displayName is required");
        }
        String pinHash = text(body, "pinHash");
        StaffRecords.Changed changed = records.add(venue, name,
                pinHash == null ? null : StaffMember.checkedPinHash(pinHash), token(body));
        ctx.status(201);
        json(ctx, changed(changed));
    }

    private void setPin(Context ctx) {
        VenueId venue = venue(ctx);
        UUID id = staffId(ctx);
        String pinHash = required(body(ctx, Set.of("pinHash")), "pinHash");
        json(ctx, changed(records.setPin(venue, id, pinHash)));
    }

    private void setCard(Context ctx) {
        VenueId venue = venue(ctx);
        UUID id = staffId(ctx);
        ObjectNode body = body(ctx, Set.of("cardToken"));
        required(body, "cardToken");
        json(ctx, changed(records.setCard(venue, id, token(body))));
    }

    private void revoke(Context ctx) {
        json(ctx, changed(records.revoke(venue(ctx), staffId(ctx))));
    }

    private void setAuth(Context ctx) {
        VenueId venue = venue(ctx);
        String code = required(body(ctx, Set.of("auth")), "auth");
        StaffAuth auth;
        try {
            auth = StaffAuth.fromCode(code);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("auth is one of card-and-pin, card-only, pin-only", e);
        }
        json(ctx, Map.of("venueId", venue.value(), "auth", auth.code(), "configVersion", records.setAuth(venue, auth)));
    }

    /** A member as the API shows it: never the PIN hash, the card only as its masked token. */
    private static Map<String, Object> view(StaffRecord record) {
        StaffMember member = record.member();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", member.id().toString());
        view.put("displayName", member.displayName());
        view.put("pin", member.hasPin());
        view.put("card", member.hasCard() ? member.cardToken().masked() : null);
        view.put("revokedAt", member.revokedAt());
        view.put("createdAt", record.createdAt());
        view.put("updatedAt", record.updatedAt());
        return view;
    }

    private static Map<String, Object> changed(StaffRecords.Changed changed) {
        return Map.of("member", view(changed.record()), "configVersion", changed.configVersion());
    }

    private ObjectNode body(Context ctx, Set<String> allowed) {
        return JsonBody.object(ctx.bodyAsBytes(), allowed, name -> unknownField(name, allowed));
    }

    private static String unknownField(String name, Set<String> allowed) {
        if (name.toLowerCase(java.util.Locale.ROOT).contains("pin")) {
            return "unknown field " + printable(name) + ": send pinHash, the PIN hashed where it is typed, never the PIN";
        }
        return "unknown field " + printable(name) + "; this request takes " + String.join(", ", allowed.stream().sorted().toList());
    }

    private static String text(ObjectNode body, String field) {
        return JsonBody.text(body, field);
    }

    private static String required(ObjectNode body, String field) {
        String value = text(body, field);
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    private static Token token(ObjectNode body) {
        String value = text(body, "cardToken");
        if (value != null && !Token.isValid(value)) {
            throw new IllegalArgumentException("cardToken is not a card token (64 lower-case hex digits): tap the card"
                    + " with provision staff card, which sends its token, never its UID");
        }
        return value == null ? null : Token.of(value);
    }

    private static VenueId venue(Context ctx) {
        return VenueId.of(ctx.pathParam("venue"));
    }

    private static UUID staffId(Context ctx) {
        try {
            return UUID.fromString(ctx.pathParam("staffId"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a staff member id", e);
        }
    }

    /** A field name from the request, cut short and stripped of control characters before it is repeated. */
    private static String printable(String name) {
        String clean = name.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return '"' + (clean.length() > 40 ? clean.substring(0, 40) + "…" : clean) + '"';
    }

    private void error(Context ctx, int status, RuntimeException e) {
        ctx.status(status);
        json(ctx, Map.of("error", e.getMessage()));
    }

    private void json(Context ctx, Object body) {
        try {
            ctx.contentType(JSON).result(mapper.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
