package org.culturecard.central.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Iterator;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the small JSON object bodies of the API's admin routes as hostile input: bounded in size,
 * an object, only the allowed fields, each a string where one is read. Every refusal is an
 * {@link IllegalArgumentException} (a 400) naming the field, never echoing a value.
 */
public final class JsonBody {

    /** The largest body an admin route takes. */
    public static final int MAX_BYTES = 4096;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonBody() {
    }

    /** The body as an object; {@code unknownField} words the refusal of a field not in {@code allowed}. */
    public static ObjectNode object(byte[] bytes, Set<String> allowed, Function<String, String> unknownField) {
        if (bytes.length > MAX_BYTES) {
            throw new IllegalArgumentException("the body is over " + MAX_BYTES + " bytes");
        }
        JsonNode tree;
        try {
            tree = MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new IllegalArgumentException("the body is not JSON", e);
        }
        if (!(tree instanceof ObjectNode object)) {
            throw new IllegalArgumentException("the body must be a JSON object");
        }
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new IllegalArgumentException(unknownField.apply(name));
            }
        }
        return object;
    }

    /** A string field, or null when it is absent or JSON null; any other type is refused. */
    public static String text(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException(field + " must be a string");
        }
        return value.asText();
    }
}
