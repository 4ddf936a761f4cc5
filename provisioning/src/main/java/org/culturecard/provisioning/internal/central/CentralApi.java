package org.culturecard.provisioning.internal.central;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * {@code provision}'s one way to central's admin API: JSON over HTTP(S) with an admin bearer
 * token, used by {@code provision staff} and {@code provision kiosk}. Central's refusals come back
 * as {@link Refused} with central's own words.
 */
public final class CentralApi {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    /** Central answered with an error status. */
    public static final class Refused extends RuntimeException {
        Refused(int status, String message) {
            super("central refused (HTTP " + status + "): " + message);
        }
    }

    private final URI central;
    private final String bearer;
    private final HttpClient http;
    private final ObjectMapper mapper = new ObjectMapper();

    /** @param central central's base URL, e.g. {@code https://central.example:8080} */
    public CentralApi(URI central, String bearer) {
        this.central = Objects.requireNonNull(central, "central");
        this.bearer = Objects.requireNonNull(bearer, "bearer");
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    }

    /** Reads an admin token from a file of one line (keep it mode 0600), naming the option when it is not. */
    public static String readToken(Path tokenFile) throws IOException {
        String token = Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
        if (token.isEmpty() || token.contains("\n")) {
            throw new IllegalArgumentException("--token-file " + tokenFile + " must hold one token on one line");
        }
        return token;
    }

    /** A new empty JSON object for a request body. */
    public ObjectNode object() {
        return mapper.createObjectNode();
    }

    /** Calls {@code method path} with {@code body} (or none) and returns central's JSON answer. */
    public JsonNode call(String method, String path, ObjectNode body) {
        HttpRequest request = HttpRequest.newBuilder(central.resolve(path)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + bearer).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach central at " + central + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling central", e);
        }
        return answer(response);
    }

    private JsonNode answer(HttpResponse<String> response) {
        JsonNode json;
        try {
            json = response.body().isEmpty() ? mapper.createObjectNode() : mapper.readTree(response.body());
        } catch (IOException e) {
            json = mapper.createObjectNode();
        }
        if (response.statusCode() / 100 != 2) {
            String reason = json.hasNonNull("error") ? json.get("error").asText()
                    : response.statusCode() == 401 ? "the token is not one of central's API tokens"
                    : response.statusCode() == 403 ? "the token is not an admin token" : "no reason given";
            throw new Refused(response.statusCode(), reason);
        }
        return json;
    }
}
