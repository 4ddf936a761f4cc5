package org.culturecard.central.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.roaringbitmap.RoaringBitmap;

/** The one-pass fold against sets counted person by person, on random parts, folded once and in two levels. */
class TallyFoldTest {

    private static final int CATEGORIES = 3;

    @Test
    void foldsToThePeopleSeenTheRepeatersAndEachCategorysPeople() {
        Random random = new Random(11);
        TallyFold fold = new TallyFold(200_000);
        for (int round = 0; round < 50; round++) {
            List<Tally> parts = new ArrayList<>();
            Map<Integer, Integer> checkInsByPerson = new HashMap<>();
            List<Set<Integer>> byCategory = List.of(new HashSet<>(), new HashSet<>(), new HashSet<>());
            long checkIns = 0;
            for (int p = 0; p < 1 + random.nextInt(30); p++) {
                RoaringBitmap seen = new RoaringBitmap();
                RoaringBitmap twice = new RoaringBitmap();
                int category = random.nextInt(CATEGORIES + 1) - 1;
                int people = 1 + random.nextInt(round % 2 == 0 ? 20 : 9000);
                for (int i = 0; i < people; i++) {
                    int person = random.nextInt(round % 3 == 0 ? 50 : 200_001);
                    int times = random.nextInt(4) == 0 ? 2 : 1;
                    if (seen.contains(person)) {
                        continue;
                    }
                    seen.add(person);
                    if (times == 2) {
                        twice.add(person);
                    }
                    checkIns += times;
                    checkInsByPerson.merge(person, times, Integer::sum);
                    if (category >= 0) {
                        byCategory.get(category).add(person);
                    }
                }
                RoaringBitmap[] seenByCategory = new RoaringBitmap[CATEGORIES];
                if (category >= 0) {
                    seenByCategory[category] = seen;
                }
                parts.add(new Tally(seen.getCardinality() + twice.getCardinality(), seen, twice, seenByCategory));
            }
            long breadth = byCategory.stream().mapToLong(Set::size).sum();
            long repeaters = checkInsByPerson.values().stream().filter(n -> n >= 2).count();
            ReportCell expected = new ReportCell(null, null, checkIns, checkInsByPerson.size(), repeaters, breadth);

            assertThat(fold.fold(parts).cell(null, null)).isEqualTo(expected);
            int half = parts.size() / 2;
            List<Tally> halves = half == 0 ? parts
                    : List.of(fold.fold(parts.subList(0, half)), fold.fold(parts.subList(half, parts.size())));
            assertThat(fold.fold(halves).cell(null, null)).as("a fold of folds").isEqualTo(expected);
        }
    }
}
