package org.culturecard.central.report;

import java.util.Arrays;
import java.util.List;
import org.roaringbitmap.BitSetUtil;
import org.roaringbitmap.IntConsumer;
import org.roaringbitmap.RoaringBitmap;

/**
 * Folds tallies into one: check-ins add up, {@code seen} and each category's seen are unions,
 * and {@code repeat} is everyone who repeats in some part or is seen in two parts. This is the
 * pairwise fold {@code repeat |= r_i | (seen & s_i); seen |= s_i} done in one pass: each part's
 * people are set in dense bitsets indexed by person id ({@code once}, and {@code twice} when
 * already in {@code once}), which then become bitmaps. Folding bitmap by bitmap cost the size of
 * the growing union at every step (a month at one venue is hundreds of day rows into a set of
 * thousands), and made the report by venue over 10 million check-ins take 4 s instead of under
 * one. The bitsets are reused from fold to fold; each fold clears them. Not thread-safe.
 */
final class TallyFold {

    private final long[] once;
    private final long[] twice;
    private final long[] union;
    private final IntConsumer seen = this::seen;
    private final IntConsumer repeats = this::repeats;
    private final IntConsumer unite = this::unite;

    /** For person ids from 0 to {@code maxPersonId}. */
    TallyFold(int maxPersonId) {
        int words = (maxPersonId >>> 6) + 1;
        this.once = new long[words];
        this.twice = new long[words];
        this.union = new long[words];
    }

    Tally fold(List<Tally> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        long checkIns = 0;
        for (Tally part : parts) {
            checkIns += part.checkIns();
            part.seen().forEach(seen);
            part.repeat().forEach(repeats);
        }
        return new Tally(checkIns, take(once), take(twice), categories(parts));
    }

    private RoaringBitmap[] categories(List<Tally> parts) {
        RoaringBitmap[] unions = new RoaringBitmap[parts.get(0).seenByCategory().length];
        for (int c = 0; c < unions.length; c++) {
            int found = 0;
            for (Tally part : parts) {
                RoaringBitmap people = part.seenByCategory()[c];
                if (people != null) {
                    unions[c] = people;
                    found++;
                }
            }
            if (found > 1) {
                for (Tally part : parts) {
                    RoaringBitmap people = part.seenByCategory()[c];
                    if (people != null) {
                        people.forEach(unite);
                    }
                }
                unions[c] = take(union);
            }
        }
        return unions;
    }

    /** A person in one more part: the second time, a repeater. */
    private void seen(int person) {
        int word = person >>> 6;
        long bit = 1L << person;
        twice[word] |= once[word] & bit;
        once[word] |= bit;
    }

    private void repeats(int person) {
        twice[person >>> 6] |= 1L << person;
    }

    private void unite(int person) {
        union[person >>> 6] |= 1L << person;
    }

    /** The set held in {@code words}, which are cleared for the next fold. */
    private static RoaringBitmap take(long[] words) {
        RoaringBitmap set = BitSetUtil.bitmapOf(words);
        Arrays.fill(words, 0);
        return set;
    }
}
