package org.culturecard.core.wire;

import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Central to kiosks, retained, one per topic ({@link Topics#filterChunk}): one piece of a filter's
 * bytes (the enrolled-card filter, {@code core.enrolment.EnrolledFilter}), so that a filter of
 * megabytes travels in messages of at most {@link #MAX_MESSAGE_BYTES}, well inside the broker's
 * packet limit (ADR 0007). {@link FilterChunks} splits and reassembles; every chunk of one
 * generation carries the same scope, count, total length and SHA-256 of the whole, so a kiosk can
 * tell a complete, intact filter from a mix of generations or a damaged chunk.
 *
 * @param generation  the filter's version, increasing: a kiosk keeps the newest complete one
 * @param scope       whom the filter covers (the scheme, or one venue)
 * @param index       this chunk's place, 0 to {@code count - 1}
 * @param count       how many chunks the generation has, 1 to {@link #MAX_CHUNKS}
 * @param totalLength the length in bytes of the whole filter
 * @param sha256      the SHA-256 of the whole filter, 64 lower-case hex digits
 * @param payload     this chunk's bytes in standard Base64, 1 to {@link #MAX_PAYLOAD_BYTES} bytes
 */
public record FilterChunk(
        String schema,
        long generation,
        FilterScope scope,
        int index,
        int count,
        int totalLength,
        String sha256,
        String payload) {

    /** The most bytes of filter in one chunk: its Base64 payload is then 261,120 characters. */
    public static final int MAX_PAYLOAD_BYTES = 195_840;
    /** The longest Base64 payload. */
    public static final int MAX_PAYLOAD_CHARS = 4 * MAX_PAYLOAD_BYTES / 3;
    /** The largest encoded chunk (256 KiB): the largest payload, the widest envelope, and room to spare. */
    public static final int MAX_MESSAGE_BYTES = 256 * 1024;
    /** The most chunks of one filter: about 96 MiB, some 78 million enrolled cards. */
    public static final int MAX_CHUNKS = 512;
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    public FilterChunk {
        Schemas.require(Schemas.FILTER_CHUNK, schema);
        if (generation < 1) {
            throw new IllegalArgumentException("generation starts at 1, not " + generation);
        }
        Objects.requireNonNull(scope, "scope");
        if (count < 1 || count > MAX_CHUNKS) {
            throw new IllegalArgumentException("count is 1 to " + MAX_CHUNKS + ", not " + count);
        }
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException("index is 0 to count - 1 (" + (count - 1) + "), not " + index);
        }
        if (totalLength < count || (long) totalLength > (long) count * MAX_PAYLOAD_BYTES) {
            throw new IllegalArgumentException("totalLength " + totalLength + " cannot be split into " + count + " chunks");
        }
        if (sha256 == null || !SHA256_HEX.matcher(sha256).matches()) {
            throw new IllegalArgumentException("sha256 is 64 lower-case hex digits");
        }
        if (payload == null || payload.isEmpty() || payload.length() > MAX_PAYLOAD_CHARS) {
            throw new IllegalArgumentException("payload is 1 to " + MAX_PAYLOAD_CHARS + " characters of Base64");
        }
        int length = decode(payload).length;
        if (length > totalLength) {
            throw new IllegalArgumentException("payload holds " + length + " bytes, more than totalLength");
        }
    }

    /** A chunk of the current schema. */
    public static FilterChunk of(long generation, FilterScope scope, int index, int count, int totalLength,
            String sha256, byte[] bytes) {
        return new FilterChunk(Schemas.FILTER_CHUNK, generation, scope, index, count, totalLength, sha256,
                Base64.getEncoder().encodeToString(bytes));
    }

    /** This chunk's bytes (a new array each call). */
    public byte[] bytes() {
        return decode(payload);
    }

    private static byte[] decode(String payload) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(payload);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("payload is not standard Base64", e);
        }
        if (bytes.length == 0 || bytes.length > MAX_PAYLOAD_BYTES) {
            throw new IllegalArgumentException("payload holds 1 to " + MAX_PAYLOAD_BYTES + " bytes, not " + bytes.length);
        }
        return bytes;
    }

    /** Without the payload, which is long and says nothing to a reader of a log. */
    @Override
    public String toString() {
        return "FilterChunk[" + scope + " generation " + generation + ", chunk index " + index + " of " + count
                + ", " + payload.length() + " Base64 characters of " + totalLength + " bytes]";
    }
}
