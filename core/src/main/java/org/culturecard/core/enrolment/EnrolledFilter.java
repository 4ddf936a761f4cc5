package org.culturecard.core.enrolment;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Collection;
import java.util.SplittableRandom;
import org.culturecard.core.privacy.Token;
import org.fastfilter.xor.Xor8;

/**
 * Which tokens are enrolled, without a list of them: an xor filter (FastFilter's {@code Xor8}, about
 * 9.9 bits a card) over the first 64 bits of each enrolled token, which is already an HMAC and so
 * evenly spread. A token that is enrolled is always found; one that is not is found by mistake in
 * about 0.4 to 0.6 % of lookups (8-bit fingerprints: 1/256 at best; measured in docs/benchmarks.md),
 * so a kiosk may welcome the odd unregistered card and never turns away a registered one. Central
 * builds it from the token strings it holds and publishes {@link #toBytes()} in chunks
 * ({@code wire.FilterChunks}); kiosks read it back with {@link #fromBytes}. Immutable and safe to
 * share between threads.
 *
 * <p>The byte format ({@link #FORMAT} 1), big-endian: the magic {@code CCEF}, the format byte, the
 * number of enrolled tokens (int), then {@code Xor8}'s own serialisation: its key count (int), seed
 * (long) and fingerprints ({@code 3 + 1.23 × keys} bytes). Sets of fewer than {@link #MIN_KEYS}
 * tokens are padded with fixed pseudo-random keys, because fastfilter 1.0.2's {@code Xor8} never
 * finishes building a filter of a handful of keys (its table is too small to peel); a padding key
 * matches a real token's 64 bits with a probability of 2<sup>-54</sup>.
 *
 * <p>The false-positive rate of fastfilter 1.0.2's {@code Xor8} depends on the random seed it picks
 * (its fingerprint shares hash bits with one of its table positions): over 200 builds of one set it
 * ranged from 0.37 % to 1.12 % (median 0.45 %). A build whose {@linkplain #estimatedFalsePositiveRate()
 * estimate} is above {@value #GOOD_RATE} is therefore repeated, up to {@value #MAX_BUILDS} builds,
 * keeping the best.
 */
public final class EnrolledFilter {
    /** The byte format this class reads and writes. */
    public static final int FORMAT = 1;
    /** The fewest keys the xor filter is built with (see the class comment). */
    public static final int MIN_KEYS = 1024;
    /** The most keys: some 79 MB of filter, within what {@code FilterChunk}s can carry. */
    public static final int MAX_KEYS = 64_000_000;
    private static final byte[] MAGIC = {'C', 'C', 'E', 'F'};
    private static final int HEADER = MAGIC.length + 1 + Integer.BYTES;
    private static final long PADDING_SEED = 0x43_43_45_46_2D_70_61_64L; // "CCEF-pad"
    /** A filter whose estimated false-positive rate is above this is built again, with another seed. */
    static final double GOOD_RATE = 0.006;
    /** The most builds of one set; the one with the lowest estimate is kept. */
    static final int MAX_BUILDS = 4;
    private static final int PROBES = 1 << 16;
    private static final long PROBE_SEED = 0x43_43_45_46_2D_70_72_62L; // "CCEF-prb"

    private final Xor8 filter;
    private final int enrolled;

    private EnrolledFilter(Xor8 filter, int enrolled) {
        this.filter = filter;
        this.enrolled = enrolled;
    }

    /** A filter of {@code tokens} (repeats count once). */
    public static EnrolledFilter of(Collection<Token> tokens) {
        Builder builder = builder();
        tokens.forEach(builder::add);
        return builder.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** True when {@code token} is enrolled, and for about 1 in 200 tokens that are not. */
    public boolean mayContain(Token token) {
        return filter.mayContain(key(token.value()));
    }

    /**
     * The share of 65,536 fixed pseudo-random keys the filter wrongly contains: an estimate of its
     * false-positive rate to within about 0.03 percentage points (its standard error), for logs and
     * metrics. A few milliseconds.
     */
    public double estimatedFalsePositiveRate() {
        return estimatedRate(filter);
    }

    private static double estimatedRate(Xor8 filter) {
        SplittableRandom random = new SplittableRandom(PROBE_SEED);
        int found = 0;
        for (int i = 0; i < PROBES; i++) {
            found += filter.mayContain(random.nextLong()) ? 1 : 0;
        }
        return (double) found / PROBES;
    }

    /** How many distinct tokens were enrolled when it was built. */
    public int size() {
        return enrolled;
    }

    /** The filter in its byte format. */
    public byte[] toBytes() {
        byte[] data = filter.getData();
        return ByteBuffer.allocate(HEADER + data.length)
                .put(MAGIC).put((byte) FORMAT).putInt(enrolled).put(data).array();
    }

    /**
     * Reads what {@link #toBytes()} wrote.
     *
     * @throws IllegalArgumentException when the bytes are not a filter of this format (saying what is
     *     wrong), so that a kiosk keeps the filter it has
     */
    public static EnrolledFilter fromBytes(byte[] bytes) {
        if (bytes.length < HEADER + Integer.BYTES + Long.BYTES
                || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new IllegalArgumentException("not an enrolled-card filter (no CCEF header)");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes, MAGIC.length, bytes.length - MAGIC.length);
        int format = in.get();
        if (format != FORMAT) {
            throw new IllegalArgumentException("filter format " + format + ", this version reads " + FORMAT);
        }
        int enrolled = in.getInt();
        int keys = in.getInt();
        if (enrolled < 0 || keys < enrolled || keys > MAX_KEYS) {
            throw new IllegalArgumentException("a filter of " + enrolled + " tokens in " + keys + " keys is not valid");
        }
        long expected = (long) HEADER + Integer.BYTES + Long.BYTES + fingerprintBytes(keys);
        if (bytes.length != expected) {
            throw new IllegalArgumentException("a filter of " + keys + " keys is " + expected + " bytes, not "
                    + bytes.length);
        }
        Xor8 filter = new Xor8(new ByteArrayInputStream(bytes, HEADER, bytes.length - HEADER));
        return new EnrolledFilter(filter, enrolled);
    }

    /** {@code Xor8}'s table size for {@code keys} keys (fastfilter 1.0.2; pinned by EnrolledFilterTest). */
    static long fingerprintBytes(int keys) {
        return 3 + 123L * keys / 100;
    }

    /** The filter key of a token: its first 16 hex digits as a 64-bit number. */
    static long key(String token) {
        long key = 0;
        for (int i = 0; i < 16; i++) {
            key = key << 4 | Character.digit(token.charAt(i), 16);
        }
        return key;
    }

    /** Gathers tokens (as {@link Token}s or their 64-hex-digit strings, as central stores them), then builds. */
    public static final class Builder {
        private long[] keys = new long[1024];
        private int count;

        private Builder() {}

        public Builder add(Token token) {
            return addKey(key(token.value()));
        }

        /**
         * Adds a token given as its string.
         *
         * @throws IllegalArgumentException when it is not 64 lower-case hex digits
         */
        public Builder add(String token) {
            if (!Token.isValid(token)) {
                throw new IllegalArgumentException("a token is 64 lower-case hex digits");
            }
            return addKey(key(token));
        }

        private Builder addKey(long key) {
            if (count == keys.length) {
                keys = Arrays.copyOf(keys, keys.length * 2);
            }
            keys[count++] = key;
            return this;
        }

        /**
         * The filter of every token added.
         *
         * @throws IllegalArgumentException when more than {@link #MAX_KEYS} distinct tokens were added
         */
        public EnrolledFilter build() {
            long[] distinct = distinct(Arrays.copyOf(keys, count));
            if (distinct.length > MAX_KEYS) {
                throw new IllegalArgumentException(distinct.length + " tokens, more than a filter holds (" + MAX_KEYS + ")");
            }
            long[] padded = distinct.length >= MIN_KEYS ? distinct : padded(distinct);
            Xor8 best = null;
            double bestRate = 1;
            for (int attempt = 0; attempt < MAX_BUILDS && bestRate > GOOD_RATE; attempt++) {
                Xor8 filter = Xor8.construct(padded);
                double rate = estimatedRate(filter);
                if (best == null || rate < bestRate) {
                    best = filter;
                    bestRate = rate;
                }
            }
            return new EnrolledFilter(best, distinct.length);
        }

        private static long[] distinct(long[] keys) {
            if (keys.length == 0) {
                return keys;
            }
            Arrays.sort(keys);
            int unique = 1;
            for (int i = 1; i < keys.length; i++) {
                if (keys[i] != keys[unique - 1]) {
                    keys[unique++] = keys[i];
                }
            }
            return Arrays.copyOf(keys, unique);
        }

        private static long[] padded(long[] distinct) {
            long[] all = Arrays.copyOf(distinct, MIN_KEYS);
            SplittableRandom random = new SplittableRandom(PADDING_SEED);
            for (int i = distinct.length; i < MIN_KEYS; i++) {
                all[i] = random.nextLong();
            }
            return distinct(all);
        }
    }

    @Override
    public String toString() {
        return "EnrolledFilter[" + enrolled + " tokens, " + filter.getBitCount() / 8 + " bytes of fingerprints]";
    }
}
