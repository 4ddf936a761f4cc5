package org.culturecard.core.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.util.Set;

/**
 * JSON for every wire message: UTF-8, ISO-8601 instants, map entries sorted by key (so the output
 * is fully determined and matches the golden files, ADR 0023), unknown fields refused, every record
 * validated by its constructor, and bounded nesting and string sizes for hostile input (strings of
 * at most {@value #MAX_STRING_LENGTH} characters, but for a {@link FilterChunk}'s payload).
 * Thread-safe and cheap to share.
 *
 * <p>One exception to "unknown fields refused": the messages central sends down to kiosks
 * ({@link #FORWARD_COMPATIBLE}: the venue config, the batch ack and the filter chunks) ignore fields they do not know,
 * at any depth, so that a central that adds an optional field does not stop kiosks that have not
 * been updated yet (ADR 0024: a kiosk ignores fields it does not know). Everything a kiosk sends
 * up stays strict: central refuses what it does not know, and learns a new version first.
 */
public final class WireCodec {
    /** The message types read leniently: sent by central, read by kiosks of several versions. */
    public static final Set<Class<?>> FORWARD_COMPATIBLE = Set.of(VenueConfig.class, BatchAck.class, FilterChunk.class);
    /** The longest string in any message but a {@link FilterChunk}, whose payload alone is longer. */
    static final int MAX_STRING_LENGTH = 4096;

    private final ObjectMapper mapper;
    /** The same mapper with room for one filter chunk's payload, used for {@link FilterChunk} only. */
    private final ObjectMapper chunkMapper;

    public WireCodec() {
        this.mapper = mapper(MAX_STRING_LENGTH);
        this.chunkMapper = mapper(FilterChunk.MAX_PAYLOAD_CHARS);
    }

    private static ObjectMapper mapper(int maxStringLength) {
        JsonMapper.Builder builder = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS);
        ObjectMapper mapper = builder.build();
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(16)
                .maxStringLength(maxStringLength)
                .maxNumberLength(32)
                .build());
        return mapper;
    }

    public byte[] encode(Object message) {
        try {
            return mapper.writeValueAsBytes(message);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot encode " + message.getClass().getSimpleName(), e);
        }
    }

    public <T> T decode(byte[] json, Class<T> type) throws WireFormatException {
        try {
            ObjectReader reader = (type == FilterChunk.class ? chunkMapper : mapper).readerFor(type);
            if (FORWARD_COMPATIBLE.contains(type)) {
                reader = reader.without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
            }
            return reader.readValue(json);
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new WireFormatException("invalid " + type.getSimpleName() + where(e) + ": " + cause.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            throw new WireFormatException("not a valid " + type.getSimpleName() + ": " + firstLine(e.getMessage()), e);
        }
    }

    /** " at staff.members[0].cardToken": the field a constructor refused, so the error names it. */
    private static String where(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? "" : " at " + path;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
