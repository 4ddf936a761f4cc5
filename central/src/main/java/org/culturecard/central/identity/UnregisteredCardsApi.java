package org.culturecard.central.identity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.culturecard.central.json.JsonBody;
import org.culturecard.core.ids.VenueId;

/**
 * The admin API for a venue's {@code unregisteredCards} setting (issue 13), registered into central's
 * API by {@link #register}: {@code GET /api/venues/{venue}/unregistered-cards} and
 * {@code PUT /api/venues/{venue}/unregistered-cards} with {@code {"unregisteredCards": "record-silently"
 * | "record-and-remind"}}. Admin only (central's default for a route no other role is given); a change
 * is audited ({@link #audited}) and re-publishes the venue's retained config, answering with its
 * {@code configVersion}. An unknown value or field gets 400 naming the key, never echoing the value.
 */
public final class UnregisteredCardsApi {
    private static final Pattern PATH = Pattern.compile("/api/venues/[^/]+/unregistered-cards");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final UnregisteredCardsSetting setting;

    private UnregisteredCardsApi(UnregisteredCardsSetting setting) {
        this.setting = setting;
    }

    /** True for a change of the setting: written to the API's audit table before it is served. */
    public static boolean audited(String method, String path) {
        return "PUT".equals(method) && PATH.matcher(path).matches();
    }

    /** Adds the routes to central's API. */
    public static void register(RoutesConfig routes, UnregisteredCardsSetting setting) {
        UnregisteredCardsApi api = new UnregisteredCardsApi(setting);
        routes.get("/api/venues/{venue}/unregistered-cards", api::read);
        routes.put("/api/venues/{venue}/unregistered-cards", api::change);
    }

    private void read(Context ctx) {
        VenueId venue = venue(ctx);
        json(ctx, answer(venue, setting.of(venue).code(), null));
    }

    private void change(Context ctx) {
        VenueId venue = venue(ctx);
        String code = JsonBody.text(JsonBody.object(ctx.bodyAsBytes(), Set.of(UnregisteredCardsSetting.KEY),
                name -> "unknown field; this request takes " + UnregisteredCardsSetting.KEY), UnregisteredCardsSetting.KEY);
        long version = setting.set(venue, code);
        json(ctx, answer(venue, UnregisteredCardsSetting.parse(code).code(), version));
    }

    private static Map<String, Object> answer(VenueId venue, String code, Long configVersion) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("venueId", venue.value());
        answer.put(UnregisteredCardsSetting.KEY, code);
        if (configVersion != null) {
            answer.put("configVersion", configVersion);
        }
        return answer;
    }

    private static VenueId venue(Context ctx) {
        return VenueId.of(ctx.pathParam("venue"));
    }

    private static void json(Context ctx, Object body) {
        try {
            ctx.contentType("application/json").result(MAPPER.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
