package org.culturecard.sync.agent;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;
import org.culturecard.core.enrolment.EnrolledFilter;
import org.culturecard.core.privacy.Token;
import org.culturecard.core.wire.FilterChunk;
import org.culturecard.core.wire.FilterScope;

/** Filters and their chunks as central would publish them, in pieces small enough for tests. */
public final class FilterChunksForTests {
    private FilterChunksForTests() {}

    /** A filter of {@code count} tokens made from {@code seed}; {@link #token} gives each. */
    public static byte[] filter(int seed, int count) {
        return EnrolledFilter.of(IntStream.range(0, count).mapToObj(i -> token(seed, i)).toList()).toBytes();
    }

    public static Token token(int seed, int i) {
        return Token.of(String.format("%08x%08x", seed, i).repeat(4));
    }

    /** {@code whole} in {@code count} chunks of the scheme's filter. */
    public static List<FilterChunk> chunks(byte[] whole, long generation, int count) {
        int size = (whole.length + count - 1) / count;
        String sha = sha256(whole);
        List<FilterChunk> chunks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            chunks.add(FilterChunk.of(generation, FilterScope.SCHEME, i, count, whole.length, sha,
                    Arrays.copyOfRange(whole, i * size, Math.min(whole.length, (i + 1) * size))));
        }
        return chunks;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
