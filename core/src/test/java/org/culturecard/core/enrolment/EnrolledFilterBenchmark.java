package org.culturecard.core.enrolment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.culturecard.core.privacy.Token;
import org.culturecard.core.wire.FilterChunk;
import org.culturecard.core.wire.FilterChunks;
import org.culturecard.core.wire.FilterScope;
import org.culturecard.core.wire.WireCodec;

/**
 * Measures the enrolled-card filter for docs/benchmarks.md (issue 13, item 10): for each set size,
 * the build time from token strings (as central holds them), the serialised size and its chunks, the
 * false-positive rate over 1,000,000 tokens not in the set, and lookup time. Random 256-bit tokens
 * stand in for HMAC outputs, which are indistinguishable from them. Run by
 * {@code scripts/bench-filter.sh}; a main, not a test: timing is never asserted.
 */
public final class EnrolledFilterBenchmark {
    private static final int PROBES = 1_000_000;
    private static final int BUILDS = 3;

    private EnrolledFilterBenchmark() {}

    public static void main(String[] args) {
        int[] sizes = args.length == 0 ? new int[] {100_000, 5_000_000}
                : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        System.out.printf(Locale.ROOT, "JDK %s, %d processors, max heap %d MiB%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        List<Token> probes = tokens(PROBES, 0xBADCAFEL);
        for (int size : sizes) {
            measure(size, probes);
        }
    }

    private static void measure(int size, List<Token> probes) {
        String[] enrolled = strings(size, size);
        long[] buildNanos = new long[BUILDS];
        EnrolledFilter filter = null;
        for (int run = 0; run < BUILDS; run++) {
            long start = System.nanoTime();
            EnrolledFilter.Builder builder = EnrolledFilter.builder();
            for (String token : enrolled) {
                builder.add(token);
            }
            filter = builder.build();
            buildNanos[run] = System.nanoTime() - start;
        }
        byte[] bytes = filter.toBytes();
        long splitStart = System.nanoTime();
        List<FilterChunk> chunks = FilterChunks.split(bytes, 1, FilterScope.SCHEME);
        WireCodec codec = new WireCodec();
        long wireBytes = 0;
        int largest = 0;
        for (FilterChunk chunk : chunks) {
            int length = codec.encode(chunk).length;
            wireBytes += length;
            largest = Math.max(largest, length);
        }
        long splitNanos = System.nanoTime() - splitStart;
        long loadStart = System.nanoTime();
        FilterChunks.Reassembly whole = FilterChunks.reassemble(chunks);
        EnrolledFilter read = EnrolledFilter.fromBytes(((FilterChunks.Reassembly.Whole) whole).bytes());
        long loadNanos = System.nanoTime() - loadStart;

        int missed = 0;
        for (String token : enrolled) {
            missed += read.mayContain(Token.of(token)) ? 0 : 1;
        }
        List<Token> members = new ArrayList<>(Math.min(size, PROBES));
        for (int i = 0; i < Math.min(size, PROBES); i++) {
            members.add(Token.of(enrolled[i]));
        }
        enrolled = null;
        int falsePositives = 0;
        for (Token probe : probes) {
            falsePositives += read.mayContain(probe) ? 1 : 0;
        }
        double absentNs = lookupNanos(read, probes);
        double presentNs = lookupNanos(read, members);

        System.out.printf(Locale.ROOT, "%n%,d tokens%n", size);
        System.out.printf(Locale.ROOT, "  build from strings (%d runs): %s ms%n", BUILDS, millis(buildNanos));
        System.out.printf(Locale.ROOT, "  serialised: %,d bytes (%.2f bits a token)%n", bytes.length,
                8.0 * bytes.length / size);
        System.out.printf(Locale.ROOT, "  chunks: %d, %,d bytes of JSON in all, largest %,d bytes; split and encode %.0f ms%n",
                chunks.size(), wireBytes, largest, splitNanos / 1e6);
        System.out.printf(Locale.ROOT, "  kiosk side: reassemble, check SHA-256 and read the filter %.0f ms%n", loadNanos / 1e6);
        System.out.printf(Locale.ROOT, "  enrolled tokens not found: %d%n", missed);
        System.out.printf(Locale.ROOT, "  false positives: %,d of %,d tokens not in the set = %.4f %% (1/256 = 0.3906 %%)%n",
                falsePositives, probes.size(), 100.0 * falsePositives / probes.size());
        System.out.printf(Locale.ROOT, "  the filter's own estimate (65,536 fixed probes): %.4f %%%n",
                100 * read.estimatedFalsePositiveRate());
        System.out.printf(Locale.ROOT, "  lookup mayContain(Token): %.1f ns/op not enrolled, %.1f ns/op enrolled%n",
                absentNs, presentNs);
    }

    /** The best of five passes over {@code tokens}, after two passes of warm-up. */
    private static double lookupNanos(EnrolledFilter filter, List<Token> tokens) {
        double best = Double.MAX_VALUE;
        int sink = 0;
        for (int pass = 0; pass < 7; pass++) {
            long start = System.nanoTime();
            for (Token token : tokens) {
                sink += filter.mayContain(token) ? 1 : 0;
            }
            double ns = (double) (System.nanoTime() - start) / tokens.size();
            if (pass >= 2) {
                best = Math.min(best, ns);
            }
        }
        if (sink == -1) {
            System.out.println(sink);
        }
        return best;
    }

    private static String millis(long[] nanos) {
        StringBuilder text = new StringBuilder();
        for (long n : nanos) {
            text.append(text.length() == 0 ? "" : " / ").append(String.format(Locale.ROOT, "%,.0f", n / 1e6));
        }
        return text.toString();
    }

    private static String[] strings(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        HexFormat hex = HexFormat.of();
        byte[] bytes = new byte[32];
        String[] tokens = new String[count];
        for (int i = 0; i < count; i++) {
            random.nextBytes(bytes);
            tokens[i] = hex.formatHex(bytes);
        }
        return tokens;
    }

    private static List<Token> tokens(int count, long seed) {
        List<Token> tokens = new ArrayList<>(count);
        for (String token : strings(count, seed)) {
            tokens.add(Token.of(token));
        }
        return tokens;
    }
}
