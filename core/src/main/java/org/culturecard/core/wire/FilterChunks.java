package org.culturecard.core.wire;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Splits a filter's bytes into {@link FilterChunk}s and puts them back together, refusing anything
 * but one whole, intact generation: a missing, duplicate, mixed-generation, mismatched or corrupted
 * chunk is a {@link Reassembly.Refused} with its {@link Problem}, never an exception and never a
 * filter. Stateless; {@link FilterChunkCollector} gathers chunks as they arrive.
 */
public final class FilterChunks {

    private FilterChunks() {}

    /** Why chunks did not make a filter. */
    public enum Problem {
        /** Fewer chunks than the count they carry (or none at all). */
        MISSING,
        /** Two chunks with one index. */
        DUPLICATE,
        /** Chunks of more than one generation. */
        MIXED_GENERATIONS,
        /** Chunks of one generation that disagree on scope, count, total length or SHA-256. */
        MISMATCHED,
        /** The joined bytes are not the length or the SHA-256 the chunks announce. */
        CORRUPTED
    }

    /** What a set of chunks made. */
    public sealed interface Reassembly permits Reassembly.Whole, Reassembly.Refused {

        /** One complete generation, its bytes checked against the length and SHA-256 it announced. */
        record Whole(FilterScope scope, long generation, byte[] bytes) implements Reassembly {
            public Whole {
                Objects.requireNonNull(scope, "scope");
                bytes = bytes.clone();
            }

            /** The filter's bytes (a copy). */
            @Override
            public byte[] bytes() {
                return bytes.clone();
            }

            @Override
            public boolean equals(Object other) {
                return other instanceof Whole that && scope.equals(that.scope) && generation == that.generation
                        && Arrays.equals(bytes, that.bytes);
            }

            @Override
            public int hashCode() {
                return Objects.hash(scope, generation, Arrays.hashCode(bytes));
            }

            @Override
            public String toString() {
                return "Whole[" + scope + " generation " + generation + ", " + bytes.length + " bytes]";
            }
        }

        /** No filter: why, and a detail for the log (indexes, generations, lengths; never payload). */
        record Refused(Problem problem, String detail) implements Reassembly {
            public Refused {
                Objects.requireNonNull(problem, "problem");
                Objects.requireNonNull(detail, "detail");
            }
        }
    }

    /** {@code whole} as the chunks of {@code generation}, each of at most {@link FilterChunk#MAX_PAYLOAD_BYTES}. */
    public static List<FilterChunk> split(byte[] whole, long generation, FilterScope scope) {
        return split(whole, generation, scope, FilterChunk.MAX_PAYLOAD_BYTES);
    }

    static List<FilterChunk> split(byte[] whole, long generation, FilterScope scope, int chunkBytes) {
        if (whole.length == 0) {
            throw new IllegalArgumentException("an empty filter has no chunks");
        }
        if (chunkBytes < 1 || chunkBytes > FilterChunk.MAX_PAYLOAD_BYTES) {
            throw new IllegalArgumentException("a chunk holds 1 to " + FilterChunk.MAX_PAYLOAD_BYTES + " bytes");
        }
        int count = (int) ((whole.length + (long) chunkBytes - 1) / chunkBytes);
        if (count > FilterChunk.MAX_CHUNKS) {
            throw new IllegalArgumentException("a filter of " + whole.length + " bytes needs " + count
                    + " chunks, more than " + FilterChunk.MAX_CHUNKS);
        }
        String sha256 = sha256(whole);
        List<FilterChunk> chunks = new ArrayList<>(count);
        for (int index = 0; index < count; index++) {
            int from = index * chunkBytes;
            byte[] piece = Arrays.copyOfRange(whole, from, Math.min(whole.length, from + chunkBytes));
            chunks.add(FilterChunk.of(generation, scope, index, count, whole.length, sha256, piece));
        }
        return List.copyOf(chunks);
    }

    /** The filter that {@code chunks} make, in any order, or why they make none. */
    public static Reassembly reassemble(Collection<FilterChunk> chunks) {
        if (chunks.isEmpty()) {
            return new Reassembly.Refused(Problem.MISSING, "no chunks");
        }
        FilterChunk first = chunks.iterator().next();
        TreeMap<Integer, FilterChunk> byIndex = new TreeMap<>();
        for (FilterChunk chunk : chunks) {
            if (chunk.generation() != first.generation()) {
                return new Reassembly.Refused(Problem.MIXED_GENERATIONS, "generations " + first.generation()
                        + " and " + chunk.generation());
            }
            if (!chunk.scope().equals(first.scope()) || chunk.count() != first.count()
                    || chunk.totalLength() != first.totalLength() || !chunk.sha256().equals(first.sha256())) {
                return new Reassembly.Refused(Problem.MISMATCHED, "chunk " + chunk.index() + " of generation "
                        + chunk.generation() + " disagrees with chunk " + first.index()
                        + " on scope, count, total length or SHA-256");
            }
            if (byIndex.put(chunk.index(), chunk) != null) {
                return new Reassembly.Refused(Problem.DUPLICATE, "chunk " + chunk.index() + " twice");
            }
        }
        if (byIndex.size() < first.count()) {
            return new Reassembly.Refused(Problem.MISSING, (first.count() - byIndex.size()) + " of "
                    + first.count() + " chunks missing, the first is " + firstMissing(byIndex));
        }
        ByteArrayOutputStream whole = new ByteArrayOutputStream(first.totalLength());
        for (FilterChunk chunk : byIndex.values()) {
            whole.writeBytes(chunk.bytes());
        }
        byte[] bytes = whole.toByteArray();
        if (bytes.length != first.totalLength()) {
            return new Reassembly.Refused(Problem.CORRUPTED, "the chunks hold " + bytes.length
                    + " bytes, not the " + first.totalLength() + " announced");
        }
        if (!sha256(bytes).equals(first.sha256())) {
            return new Reassembly.Refused(Problem.CORRUPTED, "the joined bytes do not have the announced SHA-256");
        }
        return new Reassembly.Whole(first.scope(), first.generation(), bytes);
    }

    private static int firstMissing(TreeMap<Integer, FilterChunk> byIndex) {
        int expected = 0;
        for (int index : byIndex.keySet()) {
            if (index != expected) {
                return expected;
            }
            expected++;
        }
        return expected;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
